// `izin backup FILE` and `izin restore FILE`: the supported way to copy a
// database, through SQLite, so no stale -wal file is ever paired with it.
#include <iostream>
#include <memory>

#include "case_session.hpp"
#include "commands.hpp"
#include "izin/open_store.hpp"
#include "izin/words.hpp"
#include "language.hpp"

namespace izin::cli {
namespace {

// Inputs of backup and restore.
struct BackupInput {
  std::string db = "izin.db";
  std::string file;
  std::string lang;  // --lang; "" : from the environment
};

// Adds FILE, --db and --lang.
void add_backup_options(CLI::App& cmd, BackupInput& in, const char* file_help) {
  cmd.add_option("file", in.file, file_help)->required();
  cmd.add_option("--db", in.db, "case database (SQLite file)")->capture_default_str();
  add_language_option(cmd, in.lang);
}

// izin backup/restore copy SQLite files; a PostgreSQL database has its own tools.
void require_sqlite(const std::string& db) {
  if (is_postgres_url(db))
    throw StoreError("izin backup and izin restore copy SQLite files; back a PostgreSQL database up with "
                     "pg_dump or the server's own backups");
}

}  // namespace

void add_backup_commands(CLI::App& app) {
  auto backup = std::make_shared<BackupInput>();
  auto* b = app.add_subcommand("backup", "Copy the database into a new single file, consistent while others write");
  add_backup_options(*b, *backup, "new backup file (never overwritten)");
  b->callback([backup] {
    run_guarded([backup] {
      require_sqlite(backup->db);
      backup_sqlite_store(backup->db, backup->file);
      std::cout << phrase(Word::BackedUp, choose_language(backup->lang), {backup->db, backup->file}) << "\n";
    });
  });
  auto restore = std::make_shared<BackupInput>();
  auto* r = app.add_subcommand("restore", "Replace the database's contents with a backup made by izin backup");
  add_backup_options(*r, *restore, "backup file made by izin backup");
  r->callback([restore] {
    run_guarded([restore] {
      require_sqlite(restore->db);
      restore_sqlite_store(restore->file, restore->db);
      std::cout << phrase(Word::Restored, choose_language(restore->lang), {restore->db, restore->file}) << "\n";
    });
  });
}

}  // namespace izin::cli
