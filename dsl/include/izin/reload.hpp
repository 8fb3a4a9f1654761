// Hot reload: registering the procedure versions of a directory (and those
// kept in a store) with a running engine, without ever losing a working one.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <filesystem>
#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/engine.hpp"
#include "izin/load.hpp"

namespace izin {

// What a reload did, for logs and front ends.
struct ReloadReport {
  std::vector<std::string> restored;  // "pbg v3": old versions re-registered from the store's sources
  std::vector<std::string> added;     // "pbg v4": new versions from the directory
  std::vector<std::string> rejected;  // why a file or stored version was not registered
  std::vector<Diagnostic> diagnostics;  // of every file in the directory, and IZ062 for kept calendars
  std::vector<std::string> recalendared;  // "calendar belu changed: 2 open cases re-projected"
  bool changed() const { return !restored.empty() || !added.empty(); }
};

// Loads `dir` with izin::load and registers with `engine`: first every
// version kept in `store` (may be nullptr) that the engine lacks, compiled
// from its saved source, so open cases keep their version across restarts;
// then every error-free procedure of the directory that the engine lacks.
// A file with errors, or a known id+version whose text changed, never
// replaces a registered version; the reason is logged (log.hpp) and reported.
// Calendar versions kept in `store` are put back in force first; the
// directory's calendars are set last, so a changed calendar file re-projects
// open cases (recorded in their history). A calendar file that does not load
// leaves its kept version in force, with an IZ062 warning logged and
// reported. Never throws for bad files.
ReloadReport reload(Engine& engine, Store* store, const std::filesystem::path& dir, const LoadOptions& options = {});

}  // namespace izin

#pragma GCC visibility pop
