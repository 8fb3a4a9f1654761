// `izin check --format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "izin/report.hpp"

namespace izin {

namespace {
using json = nlohmann::ordered_json;

// SARIF's level for a severity.
const char* level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

// `path` as a URI reference: forward slashes, reserved bytes percent-encoded.
std::string uri_path(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '\\') ch = '/';
    if (std::isalnum(c) || std::string_view("-._~/").find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// artifactLocation for a file as the user named it.
json artifact(const std::string& file) {
  std::string_view path = file;
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  if (!path.empty() && (path[0] == '/' || path[0] == '\\')) return {{"uri", "file://" + uri_path(path)}};
  return {{"uri", uri_path(path)}, {"uriBaseId", "%SRCROOT%"}};
}

// The reportingDescriptor of one code.
json rule_json(const DiagnosticRule& r) {
  const std::string help = std::string(r.summary) + ". " + std::string(r.help);
  return {{"id", std::string(r.code)},
          {"name", std::string(r.code)},
          {"shortDescription", {{"text", std::string(r.summary)}}},
          {"fullDescription", {{"text", help}}},
          {"help", {{"text", help}, {"markdown", "**" + std::string(r.summary) + ".** " + std::string(r.help)}}},
          {"defaultConfiguration", {{"level", level(r.severity)}}}};
}

// One result.
json result_json(const Diagnostic& d, int rule_index) {
  json result = {{"ruleId", d.code}, {"ruleIndex", rule_index}, {"level", level(d.severity)},
                 {"message", {{"text", d.message}}}};
  if (d.file.empty()) return result;
  json physical = {{"artifactLocation", artifact(d.file)}};
  if (d.line > 0) {
    physical["region"] = {{"startLine", d.line}};
    if (d.column > 0) physical["region"]["startColumn"] = d.column;
  }
  result["locations"] = json::array({{{"physicalLocation", physical}}});
  return result;
}
}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diagnostics, std::string_view tool_version) {
  std::map<std::string, DiagnosticRule> by_code;
  for (const auto& r : diagnostic_rules()) by_code.emplace(std::string(r.code), r);
  for (const auto& d : diagnostics)
    if (!by_code.contains(d.code)) by_code.emplace(d.code, diagnostic_rule(d.code));
  json rules = json::array();
  std::map<std::string, int> index;
  for (auto& [code, rule] : by_code) {
    rule.code = code;  // view the map's key, which outlives this loop
    index[code] = static_cast<int>(rules.size());
    rules.push_back(rule_json(rule));
  }
  json results = json::array();
  for (const auto& d : diagnostics) results.push_back(result_json(d, index[d.code]));
  json driver = {{"name", "izin"}, {"version", std::string(tool_version)}, {"rules", std::move(rules)}};
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "The checked repository"}}}}}}},
              {"results", std::move(results)}};
  json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"},
              {"runs", json::array({std::move(run)})}};
  return log.dump(2) + "\n";
}

}  // namespace izin
