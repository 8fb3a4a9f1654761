#include "studio_save.hpp"

#include "izin/rollout.hpp"
#include "izin/time.hpp"
#include "studio_files.hpp"

namespace izin::server {

namespace {
std::vector<Diagnostic> errors_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> out;
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) out.push_back(d);
  return out;
}
}  // namespace

StudioSave save_studio_text(App& app, const std::string& file, const std::string& text, const StudioCheck& check,
                            const std::string& user, Language lang) {
  StudioSave out;
  const auto path = studio_file(app.procedures_dir(), file);
  if (!path) return out;
  out.refusals = errors_of(check.compiled.diagnostics);
  if (!out.refusals.empty() || !check.compiled.procedure) return out;  // no procedure only ever comes with errors
  const auto& p = check.compiled.procedure;
  // The same rules the watcher applies: a changed deployed version, a dropped state, a lower version.
  out.refusals = errors_of(check_rollout(std::vector<ProcedurePtr>{p}, app.engine().procedures(), lang));
  if (!out.refusals.empty()) return out;
  const std::string now = format_instant(app.now());
  auto& history = app.studio_history();
  if (history.list(file).empty()) history.record(file, "", now, read_file_text(*path));  // the text before the studio's first save
  write_file_text(*path, text);
  out.version_id = history.record(file, user, now, text);
  out.saved = true;
  app.watch();  // what the watcher does within two seconds, done now so the answer can say it is live
  const auto running = app.engine().procedure(p->id, p->version);
  out.live = running && running->version == p->version;
  return out;
}

}  // namespace izin::server
