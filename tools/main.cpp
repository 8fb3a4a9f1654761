// izin: check, test, draw and run permit procedures.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "arguments.hpp"
#include "commands.hpp"
#include "language.hpp"

namespace izin::cli {
int& exit_status() {
  static int status = 0;
  return status;
}
}  // namespace izin::cli

namespace {
// Parses the command line and runs the chosen command; its status.
int run(int argc, char** argv) {
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
  izin::cli::add_skm_command(app);
  izin::cli::add_publish_command(app);
#ifdef IZIN_WITH_SERVER
  izin::cli::add_serve_command(app);
  izin::cli::add_user_command(app);
#endif
#ifdef IZIN_WITH_LSP
  izin::cli::add_lsp_command(app);
  izin::cli::add_fmt_command(app);
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Usage problems exit 2 (LANGUAGE/validator contract: 0 clean, 1 errors, 2 usage).
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return izin::cli::exit_status();
}
}  // namespace

int main(int argc, char** argv) {
  const izin::Language lang = izin::language_from_environment();
  // Text that is not UTF-8 is refused where it enters, before any command stores or prints it.
  if (const auto problem = izin::cli::invalid_argument(argc, argv, lang)) {
    std::cerr << "izin: " << *problem << '\n';
    return 2;
  }
  // Last resort: a failure no command caught is a clear message and status 2, never an abort.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << izin::cli::internal_failure(e.what(), lang) << '\n';
  } catch (...) {
    std::cerr << izin::cli::internal_failure("unknown exception", lang) << '\n';
  }
  return 2;
}
