// load(): finding procedure, calendar and scenario files under paths, and
// what a Library answers about them.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "duplicate_versions.hpp"
#include "izin/load.hpp"
#include "messages.hpp"

namespace izin {

namespace fs = std::filesystem;

namespace {
// The files a load found, by kind; `seen` keeps a file given twice from loading twice.
struct Found {
  std::vector<fs::path> procedures, calendars, scenarios;
  std::set<fs::path> seen;
};

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Sorts one file into its kind; `given` files count as calendars by extension alone.
void classify(const fs::path& p, bool given, Found& found) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(p, ec);
  if (!found.seen.insert(ec ? p : canonical).second) return;
  const std::string name = p.filename().string();
  if (ends_with(name, ".test.yaml")) found.scenarios.push_back(p);
  else if (ends_with(name, ".izin")) found.procedures.push_back(p);
  else if (ends_with(name, ".yaml") && (given || p.parent_path().filename() == "calendars")) found.calendars.push_back(p);
}

// A diagnostic about a whole path (line 0: no caret).
Diagnostic path_problem(const fs::path& p, detail::Msg msg, Language lang, std::string_view detail = {}) {
  return {Severity::Error, std::string(detail::message_code(msg)), p.string(), 0, 0,
          detail::message_text(msg, lang, {detail})};
}

// The calendars of the nearest `calendars/` folder at or above a procedure
// file's folder, so that one file is checked as its directory would be.
void add_nearest_calendars(const fs::path& procedure_file, Found& found) {
  std::error_code ec;
  fs::path dir = fs::absolute(procedure_file, ec).parent_path();
  if (ec) return;
  // A folder that cannot be looked into counts as having no calendars.
  while (!fs::is_directory(dir / "calendars", ec)) {
    if (dir.empty() || dir == dir.parent_path()) return;
    dir = dir.parent_path();
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir / "calendars", ec))
    if (entry.is_regular_file(ec) && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) classify(f, false, found);
}

// Walks the paths; missing ones become IZ001.
Found find_files(const std::vector<fs::path>& paths, Language lang, std::vector<Diagnostic>& diagnostics) {
  Found found;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) classify(f, false, found);
    } else if (fs::exists(path, ec)) {
      classify(path, true, found);
      if (path.extension() == ".izin") add_nearest_calendars(path, found);
    } else {
      diagnostics.push_back(path_problem(path, detail::Msg::PathMissing, lang));
    }
  }
  return found;
}

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}
}  // namespace

Library load(const std::vector<fs::path>& paths, const LoadOptions& options) {
  Library lib;
  const Found found = find_files(paths, options.language, lib.diagnostics);
  if (!found.calendars.empty()) {
    lib.calendars = load_calendars(found.calendars, options.language);
    lib.diagnostics.insert(lib.diagnostics.end(), lib.calendars.diagnostics.begin(), lib.calendars.diagnostics.end());
  }
  lib.scenario_files = found.scenarios;
  for (const auto& p : found.procedures) {
    auto text = read_file(p);
    if (!text) {
      lib.diagnostics.push_back(path_problem(p, detail::Msg::FileUnreadable, options.language, "I/O error"));
      continue;
    }
    const std::string file = p.string();
    auto result = compile_procedure(*text, file, options, found.calendars.empty() ? nullptr : &lib.calendars);
    lib.diagnostics.insert(lib.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
    if (result.procedure) lib.procedures.push_back(std::move(result.procedure));
    lib.sources[file] = std::move(*text);
  }
  detail::refuse_duplicate_versions(lib, options.language);
  return lib;
}

ProcedurePtr Library::newest(std::string_view id) const {
  ProcedurePtr best;
  for (const auto& p : procedures)
    if (p->id == id && (!best || p->version > best->version)) best = p;
  return best;
}

std::string_view Library::source_line(const Diagnostic& d) const {
  const auto it = sources.find(d.file);
  if (it == sources.end() || d.line < 1) return {};
  std::string_view text = it->second;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (int line = 1; line < d.line; ++line) {
    const auto nl = text.find('\n');
    if (nl == std::string_view::npos) return {};
    text.remove_prefix(nl + 1);
  }
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

}  // namespace izin
