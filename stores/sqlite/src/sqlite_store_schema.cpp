// Schema versions of the SQLite store and how to move forward between them.
#include "sqlite_store_schema.hpp"

#include <optional>

#include "izin/store.hpp"
#include "sqlite_store_codec.hpp"

namespace izin::detail {

const std::vector<std::string>& sqlite_migrations() {
  static const std::vector<std::string> migrations = {
      // 0 → 1: procedure sources, case snapshots, the journal.
      R"sql(
        CREATE TABLE procedures (
          id TEXT NOT NULL, version INTEGER NOT NULL, file TEXT NOT NULL,
          source TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (id, version));
        CREATE TABLE cases (
          id TEXT PRIMARY KEY, procedure TEXT NOT NULL, version INTEGER NOT NULL,
          state TEXT NOT NULL, revision INTEGER NOT NULL, closed INTEGER NOT NULL,
          snapshot TEXT NOT NULL, next_due INTEGER, last_sequence INTEGER NOT NULL);
        CREATE INDEX cases_next_due ON cases (next_due) WHERE next_due IS NOT NULL;
        CREATE TABLE journal (
          case_id TEXT NOT NULL REFERENCES cases (id), sequence INTEGER NOT NULL,
          at INTEGER NOT NULL, kind TEXT NOT NULL, actor_user TEXT NOT NULL,
          actor_role TEXT NOT NULL, event TEXT NOT NULL, payload TEXT NOT NULL,
          result TEXT NOT NULL, key TEXT NOT NULL, accepted INTEGER NOT NULL,
          PRIMARY KEY (case_id, sequence)) WITHOUT ROWID;
        CREATE UNIQUE INDEX journal_key ON journal (case_id, key) WHERE key <> '';
      )sql",
      // 1 → 2: case id counters per procedure; listing by procedure and state.
      R"sql(
        CREATE TABLE counters (procedure TEXT PRIMARY KEY, last INTEGER NOT NULL);
        INSERT INTO counters (procedure, last)
          SELECT procedure, COUNT(*) FROM cases GROUP BY procedure;
        CREATE INDEX cases_procedure_state ON cases (procedure, state);
      )sql",
      // 2 → 3: history records in their own table, appended, never rewritten
      // (the snapshot carried the whole history and was rewritten on every event).
      R"sql(
        CREATE TABLE history (
          case_id TEXT NOT NULL REFERENCES cases (id), sequence INTEGER NOT NULL, record TEXT NOT NULL,
          PRIMARY KEY (case_id, sequence)) WITHOUT ROWID;
        ALTER TABLE cases ADD COLUMN history_length INTEGER NOT NULL DEFAULT 0;
        INSERT INTO history (case_id, sequence, record)
          SELECT cases.id, h.key + 1, h.value FROM cases, json_each(cases.snapshot, '$.history') AS h;
        UPDATE cases SET history_length = json_array_length(snapshot, '$.history'),
                         snapshot = json_remove(snapshot, '$.history');
      )sql",
      // 3 → 4: the calendar versions cases were computed on, so a calendar
      // edit re-projects open cases and replay still finds the old version.
      R"sql(
        CREATE TABLE calendars (
          hash TEXT PRIMARY KEY, id TEXT NOT NULL, text TEXT NOT NULL, installed INTEGER NOT NULL);
      )sql",
      // 4 → 5: each case records the calendar version it was projected on
      // (record_case_calendars), so any engine can bring it onto a newer one.
      "",
      // 5 → 6: the notification outbox, written with the change that raised each
      // notification, and the change feed. `changes` uses AUTOINCREMENT: write
      // transactions are serialized, so its sequence follows commit order across
      // processes, and unlike a plain rowid it is never handed out twice.
      R"sql(
        CREATE TABLE outbox (
          id TEXT NOT NULL UNIQUE, case_id TEXT NOT NULL REFERENCES cases (id), role TEXT NOT NULL,
          message TEXT NOT NULL, at INTEGER NOT NULL, state TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
          next_attempt INTEGER NOT NULL, delivered_at INTEGER);
        CREATE INDEX outbox_due ON outbox (next_attempt) WHERE delivered_at IS NULL;
        CREATE TABLE changes (
          sequence INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL REFERENCES cases (id),
          revision INTEGER NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL);
      )sql",
      // 6 → 7: the journal in commit order, a rowid table: a commit appends at its end
      // instead of writing into each case's own page of the journal and of the history,
      // which was most of the bytes a batch wrote. Each row carries the history records
      // its commit added; history from before this step (or rebuilt by a repair) is kept
      // whole in history_base (move_history_to_base).
      R"sql(
        CREATE TABLE journal_v7 (
          case_id TEXT NOT NULL REFERENCES cases (id), sequence INTEGER NOT NULL,
          at INTEGER NOT NULL, kind TEXT NOT NULL, actor_user TEXT NOT NULL,
          actor_role TEXT NOT NULL, event TEXT NOT NULL, payload TEXT NOT NULL,
          result TEXT NOT NULL, key TEXT NOT NULL, accepted INTEGER NOT NULL, records TEXT);
        INSERT INTO journal_v7 (case_id, sequence, at, kind, actor_user, actor_role, event, payload, result, key,
                                accepted)
          SELECT case_id, sequence, at, kind, actor_user, actor_role, event, payload, result, key, accepted
          FROM journal ORDER BY case_id, sequence;
        DROP TABLE journal;
        ALTER TABLE journal_v7 RENAME TO journal;
        CREATE UNIQUE INDEX journal_case ON journal (case_id, sequence);
        CREATE UNIQUE INDEX journal_key ON journal (case_id, key) WHERE key <> '';
        CREATE TABLE history_base (
          case_id TEXT PRIMARY KEY REFERENCES cases (id), records TEXT NOT NULL) WITHOUT ROWID;
      )sql",
      // 7 → 8: snapshots and history records in binary (izin/codec.hpp), about a fifth
      // of their JSON bytes (convert_to_binary).
      "",
      // 8 → 9: cases listed by procedure alone. An index holding the state moved an entry on
      // every event (two of a one-event commit's ten WAL pages); only `case list --state`
      // filtered by it, and that decodes every listed case anyway.
      R"sql(
        DROP INDEX IF EXISTS cases_procedure_state;
        CREATE INDEX IF NOT EXISTS cases_procedure ON cases (procedure);
      )sql",
  };
  return migrations;
}

namespace {

// Step 6 → 7 after its SQL: each case's history rows become one JSON array
// in history_base, record texts kept byte for byte (a damaged one stays
// damaged, and its case quarantined); then the history table goes.
void move_history_to_base(SqliteDb& db) {
  std::optional<std::string> id;  // the case being gathered (an empty id is an id too)
  std::string records;
  const auto flush = [&] {
    if (!id) return;
    SqliteQuery q(db, "INSERT INTO history_base (case_id, records) VALUES (?, ?)", "keeping a case's history");
    q.bind(1, *id).bind(2, records + "]").run();
  };
  {
    SqliteQuery q(db, "SELECT case_id, record FROM history ORDER BY case_id, sequence", "reading history");
    while (q.step()) {
      if (q.text(0) != id) {
        flush();
        id = q.text(0);
        records.clear();
      }
      records += records.empty() ? '[' : ',';
      records += q.text(1);
    }
  }
  flush();
  db.exec("DROP TABLE history", "upgrading the schema");
}

// PRAGMA user_version of the open database.
int schema_version(SqliteDb& db) {
  SqliteQuery q(db, "PRAGMA user_version", "reading the schema version");
  q.step();
  return static_cast<int>(q.integer(0));
}

// PRAGMA application_id of the open database (0 when never set).
int application_id(SqliteDb& db) {
  SqliteQuery q(db, "PRAGMA application_id", "reading the application id");
  q.step();
  return static_cast<int>(q.integer(0));
}

// Whether the database holds any table at all (a version-0 file with tables is not ours).
bool has_tables(SqliteDb& db) {
  SqliteQuery q(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", "reading the schema");
  q.step();
  return q.integer(0) > 0;
}

// Whether the file has izin's cases table (an izin file from before the application id).
bool has_cases_table(SqliteDb& db) {
  SqliteQuery q(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'cases'", "reading the schema");
  q.step();
  return q.integer(0) > 0;
}

[[noreturn]] void refuse_foreign(SqliteDb& db) {
  throw StoreError("database " + db.path() + " is an SQLite file but not an izin database; "
                   "pass another --db path. The file was not changed");
}

}  // namespace

SqliteFileKind identify_sqlite(SqliteDb& db) {
  const int id = application_id(db);
  const int version = schema_version(db);
  if (id != 0 && id != kSqliteApplicationId) refuse_foreign(db);
  if (id == 0 && !has_tables(db)) {
    if (version != 0) refuse_foreign(db);
    return SqliteFileKind::Empty;
  }
  if (id == 0 && (version == 0 || !has_cases_table(db))) refuse_foreign(db);
  if (version > kSqliteSchemaVersion)
    throw StoreError("database " + db.path() + " was written by a newer izin (schema version " +
                     std::to_string(version) + "; this program knows up to " +
                     std::to_string(kSqliteSchemaVersion) + "); upgrade izin to use it. The file was not changed");
  return SqliteFileKind::Izin;
}

void migrate_sqlite(SqliteDb& db) {
  // The common case: no write lock needed.
  if (schema_version(db) == kSqliteSchemaVersion && application_id(db) == kSqliteApplicationId) return;
  SqliteTransaction tx(db);
  identify_sqlite(db);  // again under the lock: another process may have changed the file
  const int version = schema_version(db);
  const auto& steps = sqlite_migrations();
  for (int v = version; v < kSqliteSchemaVersion; ++v) {
    db.exec(steps[static_cast<std::size_t>(v)], "upgrading the schema");
    if (v == 4) record_case_calendars(db);
    if (v == 6) move_history_to_base(db);
    if (v == 7) convert_to_binary(db);
  }
  db.exec("PRAGMA user_version = " + std::to_string(kSqliteSchemaVersion), "recording the schema version");
  db.exec("PRAGMA application_id = " + std::to_string(kSqliteApplicationId), "marking the file as izin's");
  tx.commit();
}

void require_current_schema(SqliteDb& db) {
  const int version = schema_version(db);
  if (version != kSqliteSchemaVersion)
    throw StoreError("database " + db.path() + " has schema version " + std::to_string(version) + " (this izin uses " +
                     std::to_string(kSqliteSchemaVersion) + "); run a writing command such as izin tick once to "
                     "upgrade it, then read it. The file was not changed");
}

}  // namespace izin::detail
