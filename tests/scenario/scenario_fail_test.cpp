// Scenarios that must fail, each with the file, line and expected-vs-got.
#include <catch2/catch.hpp>

#include <algorithm>

#include "scenario_fixture.hpp"

using namespace izin;
using namespace izin::testing;

namespace {

// The failures of one case of the wrong-expectations fixture, as text.
std::vector<std::string> failures_of(const std::string& name) {
  static const ScenarioReport r = run_fixture("failing/wrong_expectations.test.yaml");
  const ScenarioCaseResult* c = find_case(r, name);
  REQUIRE(c != nullptr);
  std::vector<std::string> text;
  for (const auto& f : c->failures) text.push_back(f.to_string());
  return text;
}

// "…/wrong_expectations.test.yaml:LINE: MESSAGE".
std::string at(int line, const std::string& message) {
  return fixture("failing/wrong_expectations.test.yaml") + ":" + std::to_string(line) + ": " + message;
}

}  // namespace

TEST_CASE("every case of the wrong-expectations file fails") {
  const ScenarioReport r = run_fixture("failing/wrong_expectations.test.yaml");
  CHECK(r.diagnostics.empty());
  CHECK(r.cases.size() == 9);
  CHECK(r.passed() == 0);
  CHECK(r.failed() == 9);
}

TEST_CASE("a wrong state names the file, the line of the key, expected and got") {
  CHECK(failures_of("wrong state") == std::vector{at(13, "expected state perbaikan, got pemeriksaan")});
}

TEST_CASE("a wrong fee fails with both amounts") {
  CHECK(failures_of("wrong fee") == std::vector{at(18, "expected fee retribusi 2000000, got 2250000")});
}

TEST_CASE("refused lists must match the missing documents exactly") {
  CHECK(failures_of("wrong missing documents") ==
        std::vector{at(24, "expected missing documents [gambar], got [gambar, struktur]")});
  CHECK(failures_of("wrong role is refused").size() == 1);
  CHECK_THAT(failures_of("wrong role is refused").front(),
             Catch::StartsWith(at(58, "expected refusal for missing [ktp], got refusal: ")));
}

TEST_CASE("refused: true fails when the event is accepted") {
  CHECK(failures_of("refusal expected but accepted") ==
        std::vector{at(30, "expected the event to be refused, but it was accepted (state pemeriksaan)")});
}

TEST_CASE("an event step without refused fails when the event is refused") {
  const auto f = failures_of("unexpected refusal");
  REQUIRE(f.size() == 1);
  CHECK_THAT(f.front(), Catch::StartsWith(at(35, "event verifikasi by verifikator was refused: ")));
  CHECK_THAT(f.front(), Catch::Contains("ktp"));
}

TEST_CASE("notified fails when the escalation is not yet due") {
  CHECK(failures_of("notified too early") == std::vector{at(40, "expected notified [kepala_dinas], got []")});
}

TEST_CASE("sla_due fails with the computed due date") {
  CHECK(failures_of("wrong SLA due date") == std::vector{at(46, "expected SLA due 2026-05-05, got 2026-05-04")});
}

TEST_CASE("outcome and deemed fail on an open case") {
  CHECK(failures_of("outcome while still open") ==
        std::vector{at(52, "expected outcome granted, got none (case is open in state pemeriksaan)"),
                    at(52, "expected deemed true, got false")});
}

TEST_CASE("with Indonesian the failures say expected and got in Indonesian, with no English words") {
  const ScenarioReport r =
      run_scenarios(example_library(), {fixture("failing/wrong_expectations.test.yaml")}, Language::Indonesian);
  std::vector<std::string> all;
  for (const auto& c : r.cases)
    for (const auto& f : c.failures) all.push_back(f.message);
  REQUIRE(all.size() >= 9);
  CHECK(std::find(all.begin(), all.end(), "diharapkan tahap perbaikan, ternyata pemeriksaan") != all.end());
  CHECK(std::find(all.begin(), all.end(), "diharapkan biaya retribusi 2000000, ternyata 2250000") != all.end());
  CHECK(std::find(all.begin(), all.end(), "diharapkan fiktif positif ya, ternyata tidak") != all.end());
  for (const auto& message : all) {
    for (const std::string english : {"expected", " got ", "refused", "event ", " by ", "state ", "outcome", "true",
                                      "false", "none", "(no value)"}) {
      INFO(message << " has English '" << english << "'");
      CHECK(message.find(english) == std::string::npos);
    }
  }
}
