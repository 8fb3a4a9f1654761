// The izin subcommands; each file registers one family of them.
#pragma once

#include <CLI/CLI.hpp>

namespace izin::cli {

// The status main() returns: 0 clean, 1 problems found, 2 usage or I/O.
int& exit_status();

// `izin check FILE|DIR…`: parse, compile and validate procedure files.
void add_check_command(CLI::App& app);

// `izin graph FILE --format dot|mermaid|svg [-o OUT]`: draw a procedure.
void add_graph_command(CLI::App& app);

// `izin deadlines PROC --from DATE`: the deadline dates of a new case.
void add_deadlines_command(CLI::App& app);

// `izin test FILE|DIR…`: run scenario files, show failures and coverage.
void add_test_command(CLI::App& app);

// `izin demo [--procedures DIR] [--db PATH]`: simulate a month at the office.
void add_demo_command(CLI::App& app);

// `izin case open|fire|show|list|verify`: run cases in the SQLite store.
void add_case_command(CLI::App& app);

// `izin tick [--now INSTANT]`: fire due deadlines across all cases.
void add_tick_command(CLI::App& app);

// `izin doctor [--repair]`: list quarantined cases, rebuild them from their journals.
void add_doctor_command(CLI::App& app);

// `izin backup FILE` / `izin restore FILE`: copy the database through SQLite.
void add_backup_commands(CLI::App& app);

// `izin skm import|add|report`: the satisfaction survey and its period report.
void add_skm_command(CLI::App& app);

// `izin publish --out SITE [--procedures DIR] [--office FILE] [--base-url URL]`: the service standards site.
void add_publish_command(CLI::App& app);

#ifdef IZIN_WITH_SERVER
// `izin serve [--listen ADDR:PORT] [--db PATH] [--procedures DIR]`: the office's HTTP service.
void add_serve_command(CLI::App& app);

// `izin user add|passwd|roles|disable|list|token`: the service's staff accounts.
void add_user_command(CLI::App& app);
#endif

#ifdef IZIN_WITH_LSP
// `izin lsp`: the language server for editors, over stdio.
void add_lsp_command(CLI::App& app);

// `izin fmt FILE… [--check] [--write]`: format procedure files, comments kept.
void add_fmt_command(CLI::App& app);
#endif

}  // namespace izin::cli
