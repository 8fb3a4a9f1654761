// `expect: { provisional: … }`: the started SLA's due date or a pending
// `after` line of the current visit counted over days the calendar does not know.
#include <catch2/catch.hpp>

#include "scenario_fixture.hpp"

using namespace izin;
using namespace izin::testing;

TEST_CASE("provisional holds for a December 2026 case on a calendar ending in 2026, not for a March one",
          "[scenario][provisional]") {
  const ScenarioReport r = run_fixture("provisional.test.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.cases.size() == 3);
  for (const auto& f : r.cases[0].failures) INFO(f.to_string());
  CHECK(r.cases[0].passed());
  for (const auto& f : r.cases[1].failures) INFO(f.to_string());
  CHECK(r.cases[1].passed());
  // The third is wrong on purpose: the runner must say why.
  REQUIRE(r.cases[2].failures.size() == 1);
  CHECK(r.cases[2].failures[0].message == "expected a provisional date, got none (the calendar covers every date counted)");
  CHECK(r.cases[2].failures[0].line == 23);
}

TEST_CASE("provisional false fails naming the provisional date", "[scenario][provisional]") {
  const ScenarioReport r = run_scenarios(example_library(), {fixture("provisional_wrong.test.yaml")});
  REQUIRE(r.cases.size() == 1);
  REQUIRE(r.cases[0].failures.size() == 1);
  CHECK(r.cases[0].failures[0].message == "expected no provisional date, got a provisional SLA due 2027-01-25");
}
