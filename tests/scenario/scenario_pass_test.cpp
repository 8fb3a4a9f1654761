// Scenarios that must pass: the three of docs/language.md and each expectation key.
#include <catch2/catch.hpp>

#include "scenario_fixture.hpp"

using namespace izin;
using namespace izin::testing;

TEST_CASE("the example procedure and calendars load without errors") {
  const Library& lib = example_library();
  for (const auto& d : lib.diagnostics) INFO(d.file << ":" << d.line << " " << d.code << " " << d.message);
  REQUIRE_FALSE(lib.has_errors());
  REQUIRE(lib.newest("pbg"));
  CHECK(lib.newest("pbg")->version == 3);
}

TEST_CASE("the three docs/language.md scenarios pass") {
  const ScenarioReport r = run_fixture("pbg_example.test.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.cases.size() == 3);
  for (const auto& c : r.cases) {
    for (const auto& f : c.failures) INFO(f.to_string());
    CHECK(c.passed());
  }
  CHECK(r.passed() == 3);
  CHECK(r.failed() == 0);
  CHECK(r.cases[0].name == "usaha building, one revision, approved");
  CHECK(r.cases[0].line == 4);
}

TEST_CASE("refused, notified, fees, sla_due and repeated keys pass when they hold") {
  const ScenarioReport r = run_fixture("expectations.test.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.cases.size() == 5);
  for (const auto& c : r.cases) {
    for (const auto& f : c.failures) INFO(f.to_string());
    CHECK(c.passed());
  }
}

TEST_CASE("coverage names the transitions and deadlines no scenario exercised") {
  const ScenarioReport r = run_fixture("pbg_example.test.yaml");
  REQUIRE(r.coverage.size() == 1);
  const ProcedureCoverage& c = r.coverage.front();
  CHECK(c.procedure == "pbg");
  CHECK(c.transitions == 7);
  CHECK(c.deadlines == 5);
  std::vector<std::string> gaps;
  for (const auto& g : c.gaps) gaps.push_back(std::to_string(g.line) + " " + g.description);
  // verifikasi, revisi, kirim_ulang, setujui, terbitkan ran; kembalikan and tolak did not.
  CHECK(gaps == std::vector<std::string>{"31 diajukan --kembalikan--> perbaikan", "32 diajukan --tolak--> ditolak",
                                         "33 diajukan: after 3 working days notify kepala_dinas",
                                         "46 perbaikan: after 5 working days -> ditolak",
                                         "51 penerbitan: after 1 working day notify kepala_dinas"});
  CHECK(c.transitions_exercised == 5);
  // The deemed approval (line 40) and the 10-day escalation (line 39) fired in case 2.
  CHECK(c.deadlines_exercised == 2);
}
