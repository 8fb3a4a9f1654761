// Schema versions of the PostgreSQL store and how to move forward between them.
#include "pg_schema.hpp"

#include "codec.hpp"
#include "izin/store.hpp"
#include "pg_outbox.hpp"

namespace izin::detail {

const std::vector<std::string>& postgres_migrations() {
  static const std::vector<std::string> migrations = {
      // 0 → 1: the tables of SQLite's schema 6. Instants are seconds since the
      // epoch; snapshots, records and payloads are kept as the exact JSON text.
      R"sql(
        CREATE TABLE procedures (
          id text NOT NULL, version integer NOT NULL, file text NOT NULL,
          source text NOT NULL, hash text NOT NULL, PRIMARY KEY (id, version));
        CREATE SEQUENCE calendar_installs;
        CREATE TABLE calendars (
          hash text PRIMARY KEY, id text NOT NULL, text text NOT NULL, installed bigint NOT NULL);
        CREATE TABLE counters (procedure text PRIMARY KEY, last bigint NOT NULL);
        CREATE TABLE cases (
          id text PRIMARY KEY, procedure text NOT NULL, version integer NOT NULL,
          state text NOT NULL, revision bigint NOT NULL, closed boolean NOT NULL,
          snapshot text NOT NULL, next_due bigint, last_sequence bigint NOT NULL,
          history_length bigint NOT NULL);
        CREATE INDEX cases_next_due ON cases (next_due, id) WHERE next_due IS NOT NULL;
        CREATE INDEX cases_procedure_state ON cases (procedure, state);
        CREATE TABLE history (
          case_id text NOT NULL REFERENCES cases (id), sequence bigint NOT NULL, record text NOT NULL,
          PRIMARY KEY (case_id, sequence));
        CREATE TABLE journal (
          case_id text NOT NULL REFERENCES cases (id), sequence bigint NOT NULL,
          at bigint NOT NULL, kind text NOT NULL, actor_user text NOT NULL,
          actor_role text NOT NULL, event text NOT NULL, payload text NOT NULL,
          result text NOT NULL, key text NOT NULL, accepted boolean NOT NULL,
          PRIMARY KEY (case_id, sequence));
        CREATE UNIQUE INDEX journal_key ON journal (case_id, key) WHERE key <> '';
        CREATE TABLE outbox (
          position bigserial PRIMARY KEY, id text NOT NULL UNIQUE,
          case_id text NOT NULL REFERENCES cases (id), role text NOT NULL,
          message text NOT NULL, at bigint NOT NULL, state text NOT NULL,
          attempts integer NOT NULL DEFAULT 0, last_error text NOT NULL DEFAULT '',
          next_attempt bigint NOT NULL, delivered_at bigint);
        CREATE INDEX outbox_due ON outbox (next_attempt, position) WHERE delivered_at IS NULL;
        CREATE SEQUENCE change_numbers;
        CREATE TABLE changes (
          sequence bigint PRIMARY KEY, case_id text NOT NULL REFERENCES cases (id),
          revision bigint NOT NULL, kind text NOT NULL, at bigint NOT NULL);
      )sql",
      // 1 → 2: what a listing shows and filters on as columns (filled from the
      // snapshots by fill_case_columns), and the worklist's order as an index
      // of open cases, so queries and pages run in SQL instead of decoding
      // every snapshot; and the lease of a node's claim on a due case.
      R"sql(
        ALTER TABLE cases ADD COLUMN opened_at bigint, ADD COLUMN closed_at bigint,
          ADD COLUMN outcome text NOT NULL DEFAULT '', ADD COLUMN claimed_until bigint;
        CREATE INDEX cases_open_due ON cases
          ((CASE WHEN next_due IS NULL THEN 1 ELSE 0 END), coalesce(next_due, 0), id COLLATE "C") WHERE NOT closed;
      )sql",
      // 2 → 3: a case's notifications by its id, in commit order: the service's inbox reads
      // them for every changed case (case_notifications), which otherwise decodes the case.
      R"sql(
        CREATE INDEX outbox_case ON outbox (case_id, position);
      )sql",
  };
  return migrations;
}

namespace {

// The schema the connection writes into; StoreError when search_path names none.
std::string current_schema(PgDb& db) {
  const PgResult r = db.run("SELECT current_schema()", {}, "reading the current schema");
  if (r.rows() != 1 || r.is_null(0, 0))
    throw StoreError(db.where() + " has no schema to write into (search_path names none that exists); "
                     "create the schema, or fix options=-csearch_path in the URL");
  return r.text(0, 0);
}

// Tables in the schema other than izin's bookkeeping; a schema without schema_version must have none.
void require_no_foreign_tables(PgDb& db, const std::string& schema) {
  const PgResult r = db.run("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1",
                            {schema}, "looking at the schema's tables");
  if (r.integer(0, 0) > 0)
    throw StoreError(db.where() + " (schema " + schema + ") holds tables that are not an izin store's; "
                     "use an empty database or schema (options=-csearch_path in the URL). Nothing was changed");
}

// Step 1 → 2 after its SQL: the listing columns of every case, read from its
// snapshot a thousand at a time; an unreadable snapshot leaves them NULL (quarantined).
void fill_case_columns(PgDb& db) {
  std::string after;
  for (;;) {
    const PgResult r = db.run("SELECT id, snapshot FROM cases WHERE id COLLATE \"C\" > $1 ORDER BY id COLLATE \"C\" "
                              "LIMIT 1000", {after}, "reading snapshots for the listing columns");
    if (r.rows() == 0) return;
    for (int i = 0; i < r.rows(); ++i) {
      after = r.text(i, 0);
      Case c;
      try {
        c = decode<Case>(r.text(i, 1));
      } catch (const CodecError&) {
        continue;
      }
      const auto closed = c.closed ? std::optional<std::int64_t>(pg_seconds(c.entered_at)) : std::nullopt;
      db.run("UPDATE cases SET opened_at = $2, closed_at = $3, outcome = $4 WHERE id = $1",
             {after, pg_seconds(c.opened_at), closed, c.outcome}, "filling the listing columns");
    }
  }
}

}  // namespace

void migrate_postgres(PgDb& db) {
  PgTransaction tx(db);
  const std::string schema = current_schema(db);
  // Nodes starting together wait here, and all but the first find the schema current.
  db.run("SELECT pg_advisory_xact_lock(hashtext('izin-schema:' || $1))", {schema}, "locking the schema");
  const PgResult exists = db.run("SELECT to_regclass(quote_ident($1) || '.schema_version') IS NOT NULL",
                                 {schema}, "reading the schema version");
  int version = 0;
  if (exists.boolean(0, 0)) {
    version = static_cast<int>(db.run("SELECT version FROM schema_version", {}, "reading the schema version").integer(0, 0));
  } else {
    require_no_foreign_tables(db, schema);
    db.exec("CREATE TABLE schema_version (version integer NOT NULL); INSERT INTO schema_version VALUES (0)",
            "creating the schema version");
  }
  if (version > kPostgresSchemaVersion)
    throw StoreError(db.where() + " (schema " + schema + ") was written by a newer izin (schema version " +
                     std::to_string(version) + ", this izin reads " + std::to_string(kPostgresSchemaVersion) +
                     "); upgrade izin. Nothing was changed");
  const auto& steps = postgres_migrations();
  for (int i = version; i < kPostgresSchemaVersion; ++i) {
    db.exec(steps[static_cast<std::size_t>(i)], "migrating the schema to version " + std::to_string(i + 1));
    if (i == 1) fill_case_columns(db);
  }
  if (version < kPostgresSchemaVersion)
    db.run("UPDATE schema_version SET version = $1", {std::int64_t{kPostgresSchemaVersion}}, "recording the schema version");
  tx.commit();
}

}  // namespace izin::detail
