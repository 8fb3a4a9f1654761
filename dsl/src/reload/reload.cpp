// Hot reload of a procedure directory into a running engine (reload.hpp).
#include "izin/reload.hpp"

#include "reload/reload_directory.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "izin/log.hpp"
#include "izin/rollout.hpp"
#include "izin/store.hpp"

namespace izin {
namespace {

// "pbg v4".
std::string name_of(const std::string& id, int version) { return id + " v" + std::to_string(version); }

// Records and logs a refusal to register something.
void reject(ReloadReport& report, const std::string& why) {
  log_line(LogLevel::Warning, "reload: " + why);
  report.rejected.push_back(why);
}

// Re-registers the versions kept in the store that the engine does not have yet.
void restore_from_store(Engine& engine, Store& store, const CalendarSet& calendars, const LoadOptions& options,
                        ReloadReport& report) {
  auto sources = store.load_procedures();
  std::sort(sources.begin(), sources.end(),
            [](const auto& a, const auto& b) { return std::tie(a.id, a.version) < std::tie(b.id, b.version); });
  LoadOptions quiet = options;
  quiet.validate = false;  // a version that once ran must run again; style checks do not apply
  for (const auto& s : sources) {
    if (engine.procedure(s.id, s.version)) continue;
    const auto compiled = compile_procedure(s.source, s.file, quiet, &calendars);
    if (!compiled.procedure || compiled.procedure->id != s.id || compiled.procedure->version != s.version) {
      reject(report, "stored source of " + name_of(s.id, s.version) + " (" + s.file +
                         ") no longer compiles; its cases cannot advance until it does");
      continue;
    }
    engine.add_procedure(compiled.procedure);
    report.restored.push_back(name_of(s.id, s.version));
  }
}

// The first error diagnostic of `file`, as "file:line:col CODE message".
std::string first_error(const std::vector<Diagnostic>& diagnostics, const std::string& file) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error && d.file == file)
      return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code + " " + d.message;
  return "";
}

// Registers the directory's error-free procedures the engine lacks.
void add_from_directory(Engine& engine, const Library& library, ReloadReport& report) {
  auto procedures = library.procedures;
  std::sort(procedures.begin(), procedures.end(),
            [](const auto& a, const auto& b) { return std::tie(a->id, a->version) < std::tie(b->id, b->version); });
  for (const auto& p : procedures) {
    const auto known = engine.procedure(p->id, p->version);
    if (known && known->source_hash != p->source_hash) {
      reject(report, p->file + ": " + name_of(p->id, p->version) +
                         " is already registered with different text; keeping it. Give the change a new version number");
    } else if (!known) {
      engine.add_procedure(p);
      report.added.push_back(name_of(p->id, p->version));
      log_line(LogLevel::Info, "reload: registered " + name_of(p->id, p->version) + " from " + p->file);
    }
  }
}

// The directory's calendars, plus those kept in force whose file did not load now.
CalendarSet with_kept(const CalendarSet& loaded, const std::vector<CalendarPtr>& kept) {
  CalendarSet out = loaded;
  for (const auto& cal : kept)
    if (!loaded.find(cal->id())) out.calendars.push_back(cal);
  return out;
}

// The first calendar error of the load, as "file:line:col CODE message" ("" when none).
std::string first_calendar_error(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error && d.code.rfind("IZ05", 0) == 0)
      return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code + " " + d.message;
  return "";
}

// IZ062: a kept calendar whose file did not load stays in force; said loudly.
void warn_kept(const std::vector<CalendarPtr>& kept, const Library& library, const std::filesystem::path& dir,
               Language lang, ReloadReport& report) {
  std::string why = first_calendar_error(library.diagnostics);
  for (const auto& cal : kept) {
    if (library.calendars.find(cal->id())) continue;
    const std::string where = (dir / "calendars").string();
    const std::string en = "calendar `" + cal->id() + "` did not load from " + where +
                           (why.empty() ? " (no file defines it)" : " (" + why + ")") +
                           "; the version kept in the store stays in force until the file is fixed";
    const std::string id = "kalender `" + cal->id() + "` tidak dapat dimuat dari " + where +
                           (why.empty() ? " (tidak ada berkas yang mendefinisikannya)" : " (" + why + ")") +
                           "; versi yang tersimpan tetap berlaku sampai berkasnya diperbaiki";
    const std::string& text = lang == Language::Indonesian ? id : en;
    log_line(LogLevel::Warning, "reload: IZ062 " + text);
    report.diagnostics.push_back(Diagnostic{Severity::Warning, "IZ062", where, 0, 0, text});
  }
}

// Sets the directory's calendars; a changed one re-projects open cases.
void set_calendars(Engine& engine, const CalendarSet& calendars, ReloadReport& report) {
  for (const auto& cal : calendars.calendars) {
    const CalendarPtr before = engine.calendar(cal->id());
    std::size_t moved = 0;
    try {
      moved = engine.set_calendar(cal).size();
    } catch (const StoreError& e) {
      // A read-only run cannot write the re-projection; the next writing command does it.
      log_line(LogLevel::Warning, "reload: calendar " + cal->id() +
                                 " changed; open cases are re-projected by the next writing command (" + e.what() + ")");
      continue;
    }
    if (!before || *before == *cal) continue;
    const std::string what = "calendar " + cal->id() + " changed: " + std::to_string(moved) +
                             " open case(s) had deadlines re-projected";
    log_line(LogLevel::Info, "reload: " + what);
    report.recalendared.push_back(what);
  }
}

// Holds back every directory procedure whose file breaks the rollout rules
// (IZ9xx) against what the engine runs; the findings join the file's diagnostics.
void hold_back_rollout_breaks(const Engine& engine, Library& library, Language lang, ReloadReport& report) {
  std::set<std::string> broken;
  for (auto& d : check_rollout(library.procedures, engine.procedures(), lang)) {
    if (d.severity == Severity::Error) broken.insert(d.file);
    library.diagnostics.push_back(d);
    report.diagnostics.push_back(std::move(d));
  }
  std::erase_if(library.procedures, [&](const ProcedurePtr& p) { return broken.count(p->file) != 0; });
}

}  // namespace

namespace detail {

ReloadReport reload_directory(Engine& engine, Store* store, const std::filesystem::path& dir,
                              const LoadOptions& options, bool check_rollout_rules) {
  ReloadReport report;
  Library library = load({dir}, options);
  report.diagnostics = library.diagnostics;
  const std::vector<CalendarPtr> kept = store ? engine.restore_calendars() : std::vector<CalendarPtr>{};
  warn_kept(kept, library, dir, options.language, report);
  if (store) restore_from_store(engine, *store, with_kept(library.calendars, kept), options, report);
  if (check_rollout_rules) hold_back_rollout_breaks(engine, library, options.language, report);
  for (const auto& [file, text] : library.sources) {
    const auto error = first_error(library.diagnostics, file);
    if (!error.empty()) reject(report, file + " has errors and was not loaded; registered versions stay (" + error + ")");
  }
  add_from_directory(engine, library, report);
  set_calendars(engine, library.calendars, report);  // last: re-projection needs the procedures
  return report;
}

}  // namespace detail

ReloadReport reload(Engine& engine, Store* store, const std::filesystem::path& dir, const LoadOptions& options) {
  return detail::reload_directory(engine, store, dir, options, false);
}

}  // namespace izin
