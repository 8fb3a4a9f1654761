// ProcedureSet (procedure_set.hpp): reload with the rollout gate, driven by a DirectoryWatcher.
#include "izin/procedure_set.hpp"

#include <utility>

#include "procset/watcher.hpp"
#include "reload/reload_directory.hpp"

namespace izin {

ProcedureSet::ProcedureSet(Engine& engine, Store& store, std::filesystem::path dir, ProcedureSetOptions options)
    : engine_(engine), store_(store), dir_(std::move(dir)), options_(std::move(options)) {
  options_.load.validate = true;  // a file goes live only after the full validator
}

ProcedureSet::~ProcedureSet() = default;

ReloadReport ProcedureSet::load() {
  // Watch before reading, so an edit made during the load is seen by the next poll.
  if (!watcher_) watcher_ = std::make_unique<detail::DirectoryWatcher>(dir_, options_.poll);
  return reload_now();
}

bool ProcedureSet::poll() {
  if (!watcher_ || !watcher_->changed()) return false;
  reload_now();
  return true;
}

bool ProcedureSet::wait_for_change(std::chrono::milliseconds timeout) {
  if (!watcher_ || !watcher_->wait(timeout)) return false;
  reload_now();
  return true;
}

bool ProcedureSet::uses_inotify() const { return watcher_ && watcher_->uses_inotify(); }

ReloadReport ProcedureSet::reload_now() {
  ReloadReport report = detail::reload_directory(engine_, &store_, dir_, options_.load, true);
  if (options_.on_reload) options_.on_reload(report);
  return report;
}

}  // namespace izin
