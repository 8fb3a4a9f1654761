// The reload behind izin::reload and ProcedureSet, with the rollout gate
// that only ProcedureSet turns on.
#pragma once

#include <filesystem>

#include "izin/reload.hpp"

namespace izin::detail {

// reload() of `dir`; with `check_rollout_rules`, a file whose procedures
// break IZ9xx against the versions the engine runs is refused like a file
// with errors.
ReloadReport reload_directory(Engine& engine, Store* store, const std::filesystem::path& dir,
                              const LoadOptions& options, bool check_rollout_rules);

}  // namespace izin::detail
