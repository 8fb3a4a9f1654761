// Diagnostics of unsaved texts through the loader, compiler, validator and scenario reader.
#include "izin/lsp/analysis.hpp"

#include <algorithm>

#include "izin/load.hpp"
#include "scenario/read.hpp"

namespace izin::lsp {

namespace fs = std::filesystem;

CalendarSet nearest_calendars(const fs::path& file, Language lang) {
  std::error_code ec;
  fs::path dir = fs::absolute(file, ec).parent_path();
  if (ec) return {};
  while (!fs::is_directory(dir / "calendars", ec)) {
    if (dir.empty() || dir == dir.parent_path()) return {};
    dir = dir.parent_path();
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir / "calendars", ec))
    if (entry.is_regular_file(ec) && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files.empty() ? CalendarSet{} : load_calendars(files, lang);
}

std::vector<Diagnostic> check_procedure_text(std::string_view text, const std::string& file, Language lang,
                                             const CalendarSet& calendars) {
  const LoadOptions options{lang, /*validate=*/true};
  const bool have = !calendars.calendars.empty() || !calendars.diagnostics.empty();
  return compile_procedure(text, file, options, have ? &calendars : nullptr).diagnostics;
}

std::vector<Diagnostic> check_scenario_text(const std::string& text, const fs::path& file, Language lang) {
  // The procedures it may name are those beside it, loaded as `izin test DIR` would.
  const Library library = load({file.parent_path().empty() ? fs::path(".") : file.parent_path()},
                               LoadOptions{lang, /*validate=*/false});
  std::vector<Diagnostic> out;
  (void)detail::read_scenario_text(text, file.string(), library, lang, out);
  return out;
}

bool is_scenario_file(const fs::path& file) { return file.filename().string().ends_with(".test.yaml"); }

}  // namespace izin::lsp
