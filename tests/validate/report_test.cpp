// JSON and SARIF renderings of diagnostics, and the code catalog behind them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "izin/report.hpp"

using namespace izin;
using json = nlohmann::json;

namespace {
// A small mixed set: an error from the front end and two validator warnings.
std::vector<Diagnostic> sample() {
  return {{Severity::Error, "IZ201", "procedures/pbg v3.izin", 30, 52, "undefined requirement 'gambr'"},
          {Severity::Warning, "IZ502", "procedures/pbg v3.izin", 49, 3, "state 'penerbitan' has no `after`"},
          {Severity::Warning, "IZ801", "/srv/izin/sip.izin", 2, 1, "procedure 'sip' has no `title`"}};
}
}  // namespace

TEST_CASE("JSON: one object per diagnostic and a summary") {
  const json out = json::parse(render_json(sample(), 5));
  REQUIRE(out["diagnostics"].size() == 3);
  const json& first = out["diagnostics"][0];
  CHECK(first["file"] == "procedures/pbg v3.izin");
  CHECK(first["line"] == 30);
  CHECK(first["column"] == 52);
  CHECK(first["severity"] == "error");
  CHECK(first["code"] == "IZ201");
  CHECK(first["message"] == "undefined requirement 'gambr'");
  CHECK(out["summary"] == json{{"errors", 1}, {"warnings", 2}, {"notes", 0}, {"files", 5}});
  CHECK(json::parse(render_json({}, 0))["diagnostics"].empty());
}

TEST_CASE("SARIF: the keys GitHub code scanning requires") {
  const json log = json::parse(render_sarif(sample(), "9.9.9"));
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "izin");
  CHECK(driver["version"] == "9.9.9");
  std::set<std::string> ids;
  for (const json& rule : driver["rules"]) {
    REQUIRE(rule.contains("id"));
    CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK(!rule["help"]["text"].get<std::string>().empty());
    CHECK(ids.insert(rule["id"].get<std::string>()).second);  // ids unique
  }
  CHECK(ids.count("IZ201") == 1);  // a front-end code gets a rule too
  CHECK(ids.count("IZ903") == 1);
  REQUIRE(run["results"].size() == 3);
  for (const json& r : run["results"]) {
    CHECK(driver["rules"][r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
    CHECK(!r["message"]["text"].get<std::string>().empty());
    const json& loc = r["locations"][0]["physicalLocation"];
    CHECK(!loc["artifactLocation"]["uri"].get<std::string>().empty());
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    CHECK(loc["region"]["startColumn"].get<int>() >= 1);
  }
  const json& first = run["results"][0];
  CHECK(first["level"] == "error");
  CHECK(first["ruleId"] == "IZ201");
  CHECK(first["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "procedures/pbg%20v3.izin"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(first["locations"][0]["physicalLocation"]["region"] == json{{"startLine", 30}, {"startColumn", 52}});
  CHECK(run["results"][1]["level"] == "warning");
  CHECK(run["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"] ==
        json{{"uri", "file:///srv/izin/sip.izin"}});
}

TEST_CASE("SARIF: an unknown line leaves out the region, not the file") {
  const json log = json::parse(render_sarif({{Severity::Error, "IZ001", "./gone.izin", 0, 0, "no such file"}}));
  const json& loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "gone.izin");
  CHECK_FALSE(loc.contains("region"));
}

TEST_CASE("the catalog: every validator code once, with help, families for the rest") {
  std::set<std::string_view> codes;
  for (const auto& r : diagnostic_rules()) {
    CHECK(codes.insert(r.code).second);
    CHECK(r.code.size() == 5);
    CHECK(!r.help.empty());
  }
  for (const char* c : {"IZ401", "IZ402", "IZ403", "IZ404", "IZ405", "IZ406", "IZ410", "IZ501", "IZ502", "IZ503",
                        "IZ504", "IZ601", "IZ602", "IZ603", "IZ604", "IZ610", "IZ701", "IZ310", "IZ801", "IZ802", "IZ803", "IZ804",
                        "IZ901", "IZ902", "IZ903"})
    CHECK(codes.count(c) == 1);
  CHECK(codes.count("IZ407") == 0);  // retired: `deemed` into a non-final state is a deemed decision too
  CHECK(diagnostic_rule("IZ404").severity == Severity::Error);
  CHECK(diagnostic_rule("IZ102").summary == "Syntax error");
  CHECK(diagnostic_rule("IZ305").summary == "Type error");
}

TEST_CASE("check_fails: errors always, warnings only with --werror, notes never") {
  const Diagnostic warning{Severity::Warning, "IZ502", "a.izin", 4, 3, "w"};
  const Diagnostic note{Severity::Note, "IZ000", "a.izin", 4, 3, "n"};
  CHECK_FALSE(check_fails({warning, note}, false));
  CHECK(check_fails({warning, note}, true));
  CHECK_FALSE(check_fails({note}, true));
  CHECK(check_fails({note, sample()[0]}, false));
  CHECK_FALSE(check_fails({}, true));
}
