// The scenario keys of rules and the SLA verdict (refused_because, sla_met)
// and undeclared events, on the PAUD-like test procedure in data/paud.
#include <catch2/catch.hpp>

#include "scenario_fixture.hpp"

using namespace izin;
using namespace izin::testing;

namespace {

// The PAUD test procedure with the shipped calendars.
const Library& paud_library() {
  static const Library lib = load({fixture("paud/paud_uji.izin"), std::string(IZIN_SOURCE_DIR) + "/procedures/calendars"});
  return lib;
}

// Runs one fixture under data/paud.
ScenarioReport run_paud(const std::string& name) { return run_scenarios(paud_library(), {fixture("paud/" + name)}); }

// The failure messages of one case of the failing fixture.
std::vector<std::string> failures_of(const std::string& name) {
  static const ScenarioReport r = run_paud("failing/wrong_reasons.test.yaml");
  const ScenarioCaseResult* c = find_case(r, name);
  REQUIRE(c != nullptr);
  std::vector<std::string> text;
  for (const auto& f : c->failures) text.push_back(f.message);
  return text;
}

}  // namespace

TEST_CASE("the PAUD test procedure loads without any diagnostic") {
  CHECK(format_diagnostics(paud_library()).empty());
  REQUIRE(paud_library().newest("paud_uji") != nullptr);
}

TEST_CASE("every PAUD scenario passes: rules, internal documents, deemed recommendation, sla_met at 24:00") {
  const ScenarioReport r = run_paud("paud_uji.test.yaml");
  CHECK(r.diagnostics.empty());
  for (const auto& c : r.cases) {
    INFO(c.name);
    for (const auto& f : c.failures) INFO(f.to_string());
    CHECK(c.passed());
  }
  CHECK(r.cases.size() == 5);
}

TEST_CASE("refused_because fails on other labels, another order, a documents refusal and an acceptance") {
  CHECK(failures_of("wrong rule labels and order") ==
        std::vector<std::string>{"expected refusal because of [\"Luas ruang minimal 3 m2 per anak\", \"Minimal 1 pendidik "
                                 "untuk setiap 15 anak\"], got [\"Minimal 1 pendidik untuk setiap 15 anak\", \"Luas ruang "
                                 "minimal 3 m2 per anak\"] ('setujui' is not allowed for this case: not met: Minimal 1 "
                                 "pendidik untuk setiap 15 anak; Luas ruang minimal 3 m2 per anak.)"});
  const auto documents = failures_of("a refusal for documents has no rule labels");
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].rfind("expected refusal because of [\"Minimal 1 pendidik untuk setiap 15 anak\"], got []", 0) == 0);
  CHECK(failures_of("accepted although refused_because was expected") ==
        std::vector<std::string>{"expected refusal because of [], but the event was accepted (state rekomendasi_dinas)"});
}

TEST_CASE("sla_met fails on an open case and on a case closed after its due date") {
  CHECK(failures_of("sla_met true on an open case") ==
        std::vector<std::string>{"expected sla_met true, got false (the case is open in state rekomendasi_dinas)"});
  CHECK(failures_of("sla_met true on a case closed a day late") ==
        std::vector<std::string>{"expected sla_met true, got false (closed after the end of its due date 2026-04-14)"});
}

TEST_CASE("an undeclared event is allowed only in a step that expects a refusal, unknown labels are errors") {
  const ScenarioReport r = run_paud("bad/bad_keys.test.yaml");
  std::vector<std::string> codes;
  for (const auto& d : r.diagnostics) codes.push_back(d.code + " " + std::to_string(d.line));
  CHECK(codes == std::vector<std::string>{"IZ291 6", "IZ291 10", "IZ091 14", "IZ291 18"});
  REQUIRE(!r.diagnostics.empty());
  CHECK(r.diagnostics[0].message.find("only when its expect has `refused` or `refused_because`") != std::string::npos);
  CHECK(r.cases.empty());
}
