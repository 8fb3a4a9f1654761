// Problems in scenario files themselves: diagnostics with file:line:column.
#include <catch2/catch.hpp>

#include <algorithm>

#include "scenario_fixture.hpp"

using namespace izin;
using namespace izin::testing;

namespace {

// "CODE line:column" of each diagnostic.
std::vector<std::string> where(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> text;
  for (const auto& d : ds) text.push_back(d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.column));
  return text;
}

}  // namespace

TEST_CASE("unknown keys, bad instants and undeclared names are diagnostics at their place") {
  const ScenarioReport r = run_fixture("bad/bad_file.test.yaml");
  CHECK(where(r.diagnostics) == std::vector<std::string>{"IZ091 5:5", "IZ590 7:13", "IZ291 10:13", "IZ093 10:31",
                                                          "IZ291 12:40", "IZ291 12:89"});
  for (const auto& d : r.diagnostics) {
    CHECK(d.severity == Severity::Error);
    CHECK(d.file == fixture("bad/bad_file.test.yaml"));
  }
  CHECK(r.diagnostics[0].message ==
        "unknown key 'colour' in a case (allowed: name, opened, data, documents, steps, expect)");
  CHECK(r.diagnostics[4].message ==
        "event 'setujui_cepat' is not declared in procedure pbg version 3 (a step may name an undeclared event only "
        "when its expect has `refused` or `refused_because`)");
  // Only the case without problems runs.
  REQUIRE(r.cases.size() == 1);
  CHECK(r.cases[0].name == "this one is fine");
  CHECK(r.cases[0].passed());
}

TEST_CASE("an unknown procedure is IZ290 at the procedure line") {
  const ScenarioReport r = run_fixture("bad/unknown_procedure.test.yaml");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "IZ290");
  CHECK(r.diagnostics[0].line == 2);
  CHECK(r.diagnostics[0].message == "no procedure 'izin_gangguan' was loaded");
  CHECK(r.cases.empty());
  CHECK(r.coverage.empty());
}

TEST_CASE("diagnostics are in Indonesian when asked") {
  const ScenarioReport r =
      run_scenarios(example_library(), {fixture("bad/unknown_procedure.test.yaml")}, Language::Indonesian);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "prosedur 'izin_gangguan' tidak ditemukan");
}

TEST_CASE("a missing scenario file is IZ090") {
  const ScenarioReport r = run_fixture("no_such_file.test.yaml");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "IZ090");
  CHECK(r.cases.empty());
}
