#include "studio_check.hpp"

#include <algorithm>

namespace izin::server {

StudioCheck studio_check(const std::filesystem::path& dir, const std::string& file, const std::string& text, Language lang) {
  StudioCheck out;
  out.library = load({dir}, LoadOptions{lang, true});
  out.compiled = compile_procedure(text, file, LoadOptions{lang, true}, &out.library.calendars);
  if (const auto& p = out.compiled.procedure) {
    auto& procedures = out.library.procedures;
    procedures.erase(std::remove_if(procedures.begin(), procedures.end(), [&](const ProcedurePtr& q) { return q->id == p->id; }),
                     procedures.end());
    procedures.push_back(p);
    out.library.sources[file] = text;
  }
  return out;
}

std::pair<std::string, std::string> split_hint(const std::string& message) {
  // Messages say what is wrong, then after "; " how to fix it (docs/diagnostics.md).
  const auto at = message.find("; ");
  if (at == std::string::npos) return {message, ""};
  return {message.substr(0, at), message.substr(at + 2)};
}

nlohmann::json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : diagnostics) {
    const auto [what, hint] = split_hint(d.message);
    out.push_back({{"severity", severity_name(d.severity)}, {"code", d.code}, {"line", d.line}, {"column", d.column},
                   {"message", what}, {"hint", hint}});
  }
  return out;
}

}  // namespace izin::server
