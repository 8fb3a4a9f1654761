// ProcedureSet: the one way to run an engine on a procedure directory that
// people edit while it runs.
//
// Threading: the engine is single-threaded by design, and so is this class.
// It starts no thread; load(), poll() and wait_for_change() do their work,
// the engine calls and the on_reload callback included, on the thread that
// calls them, which must be the thread that uses the engine.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "izin/engine.hpp"
#include "izin/load.hpp"
#include "izin/reload.hpp"

namespace izin {

namespace detail {
class DirectoryWatcher;
}

// How a ProcedureSet loads and watches.
struct ProcedureSetOptions {
  LoadOptions load;   // language of the messages; validate stays on for files
  bool poll = false;  // watch by comparing modification times and sizes even where inotify works
  // Told what every load and reload did: what went live, what was refused and why.
  std::function<void(const ReloadReport&)> on_reload;
};

// Keeps `engine` in step with the procedure directory `dir` and the versions
// kept in `store` (the engine's store). Registered versions are never
// removed or replaced, so cases always keep the version they were opened on.
class ProcedureSet {
 public:
  ProcedureSet(Engine& engine, Store& store, std::filesystem::path dir, ProcedureSetOptions options = {});
  ~ProcedureSet();
  ProcedureSet(const ProcedureSet&) = delete;
  ProcedureSet& operator=(const ProcedureSet&) = delete;

  // Registers every version kept in the store (so open cases run after a
  // restart even when their file is gone), then every file of the directory
  // that passes the validator and the rollout rules (IZ9xx, rollout.hpp)
  // against what is registered; starts watching. Reports to on_reload too.
  ReloadReport load();

  // Never blocks: when a .izin or calendar file changed since the last look,
  // reloads as load() does and returns true; false when nothing changed.
  bool poll();

  // Blocks up to `timeout` for a change, then reloads as poll() does; false
  // when nothing changed in time.
  bool wait_for_change(std::chrono::milliseconds timeout);

  // True when changes are noticed by inotify, false when by polling.
  bool uses_inotify() const;

 private:
  ReloadReport reload_now();

  Engine& engine_;
  Store& store_;
  std::filesystem::path dir_;
  ProcedureSetOptions options_;
  std::unique_ptr<detail::DirectoryWatcher> watcher_;
};

}  // namespace izin

#pragma GCC visibility pop
