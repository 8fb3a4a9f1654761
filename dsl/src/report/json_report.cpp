// `izin check --format json`: one object per diagnostic and a summary.
#include <nlohmann/json.hpp>

#include "izin/report.hpp"

namespace izin {

std::string render_json(const std::vector<Diagnostic>& diagnostics, std::size_t files_checked) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::size_t errors = 0, warnings = 0, notes = 0;
  for (const auto& d : diagnostics) {
    list.push_back({{"file", d.file},
                    {"line", d.line},
                    {"column", d.column},
                    {"severity", severity_name(d.severity)},
                    {"code", d.code},
                    {"message", d.message}});
    (d.severity == Severity::Error ? errors : d.severity == Severity::Warning ? warnings : notes) += 1;
  }
  nlohmann::ordered_json out;
  out["diagnostics"] = std::move(list);
  out["summary"] = {{"errors", errors}, {"warnings", warnings}, {"notes", notes}, {"files", files_checked}};
  return out.dump(2) + "\n";
}

}  // namespace izin
