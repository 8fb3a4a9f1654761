// Placeholder `izin check` until the dsl front end lands.
#include "commands.hpp"

namespace izin::cli {
void add_check_command(CLI::App& app) { app.add_subcommand("check", "Check procedure files"); }
}  // namespace izin::cli
