// izin: check, test, draw and run permit procedures.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "language.hpp"

namespace izin::cli {
int& exit_status() {
  static int status = 0;
  return status;
}
}  // namespace izin::cli

int main(int argc, char** argv) {
  CLI::App app{"izin: workflow rules engine for permit procedures"};
  app.require_subcommand(1);
  app.footer(izin::cli::kLanguageHelp);
  izin::cli::add_check_command(app);
  izin::cli::add_test_command(app);
  izin::cli::add_demo_command(app);
  izin::cli::add_graph_command(app);
  izin::cli::add_deadlines_command(app);
  izin::cli::add_case_command(app);
  izin::cli::add_tick_command(app);
  izin::cli::add_doctor_command(app);
  izin::cli::add_backup_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Usage problems exit 2 (LANGUAGE/validator contract: 0 clean, 1 errors, 2 usage).
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return izin::cli::exit_status();
}
