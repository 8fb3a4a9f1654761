// The SQLite store in a bad environment: each failure is a clear StoreError
// naming the file and what to do, and nothing already committed is lost.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <span>
#include <thread>

#include "codec.hpp"
#include "fixtures.hpp"
#include "store_error.hpp"
#include "sqlite_store.hpp"
#include "sqlite_store_db.hpp"
#include "sqlite_store_schema.hpp"
#include "store_factories.hpp"

using namespace izin;
using namespace izin::testing;
using Catch::Matchers::Contains;

namespace {

// Runs SQL on the file through a separate raw connection (another "process").
void raw_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(message);
  REQUIRE(rc == SQLITE_OK);
}

// The first column of the first row of a query on the file, its bytes ("" when no row).
std::string raw_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_blob(stmt, 0))
    out.assign(static_cast<const char*>(sqlite3_column_blob(stmt, 0)),
               static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0)));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// The same, as a number.
long raw_count(const std::string& path, const std::string& sql) { return std::stol(raw_text(path, sql)); }

// The history records a stored `records` column holds (binary since schema 8).
std::vector<HistoryRecord> stored_records(const std::string& path, const std::string& sql) {
  std::vector<HistoryRecord> out;
  decode_records_binary(raw_text(path, sql), out);
  return out;
}

// The whole content of a file.
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A store file holding one opened case; returns that case.
Case seed(const std::string& path) {
  auto store = open_sqlite_store(path);
  const Case c = opened_case("pbg-000001");
  store->commit({open_commit(c, at(100))});
  return c;
}

}  // namespace

TEST_CASE("committed cases survive closing and reopening the file", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  auto store = open_sqlite_store(path, SqliteOptions{false, 1000});
  CHECK(store->load_case(c.id) == c);
  CHECK(store->due_cases(at(100)) == std::vector<std::string>{c.id});
  CHECK(store->journal(c.id).size() == 1);
}

TEST_CASE("a file that is not a database is refused and left unchanged", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  std::ofstream(path) << std::string(8192, 'x') << "surat permohonan";
  const auto before = slurp(path);
  const auto message = store_error([&] { open_sqlite_store(path); });
  CHECK_THAT(message, Contains(path) && Contains("not an izin database") && Contains("backup"));
  CHECK(slurp(path) == before);
}

TEST_CASE("an SQLite file of another program is refused and left unchanged", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("other.db");
  raw_exec(path, "CREATE TABLE pelanggan (nama TEXT); INSERT INTO pelanggan VALUES ('ani');");
  const auto message = store_error([&] { open_sqlite_store(path); });
  CHECK_THAT(message, Contains(path) && Contains("not an izin database"));
  raw_exec(path, "SELECT nama FROM pelanggan");
}

TEST_CASE("a database from a newer izin is refused without being changed", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  raw_exec(path, "PRAGMA user_version = 99");
  const auto message = store_error([&] { open_sqlite_store(path); });
  CHECK_THAT(message, Contains(path) && Contains("newer izin") && Contains("99") && Contains("upgrade"));
  raw_exec(path, "PRAGMA user_version = " + std::to_string(detail::kSqliteSchemaVersion));
  CHECK(open_sqlite_store(path)->load_case(c.id) == c);
}

TEST_CASE("an older schema is migrated forward, keeping its cases", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = fire_commit(opened_case("pbg-000001"), "lengkap", "penilaian").after;
  // A version-1 file as an earlier izin left it: no counters table, history inside the snapshot.
  raw_exec(path, detail::sqlite_migrations()[0] + "PRAGMA user_version = 1;");
  raw_exec(path, "INSERT INTO cases VALUES ('pbg-000001', 'pbg', 3, 'penilaian', 2, 0, '" +
                     std::string(detail::encode(c)) + "', NULL, 2);");
  auto store = open_sqlite_store(path);
  CHECK(store->load_case(c.id) == c);
  CHECK(store->allocate_case_id("pbg") == "pbg-000002");
  const auto next = fire_commit(c, "setujui", "disetujui");
  store->commit({next});
  CHECK(store->load_case(c.id) == next.after);
  CHECK(stored_records(path, "SELECT records FROM history_base") == c.history);
  CHECK(stored_records(path, "SELECT records FROM journal WHERE records IS NOT NULL") ==
        std::vector<HistoryRecord>{next.after.history.back()});
  CHECK(raw_count(path, "SELECT COUNT(*) FROM cases WHERE typeof(snapshot) <> 'blob'") == 0);
}

TEST_CASE("a schema-3 database (the release before calendar versions) gains the calendars table, cases intact",
          "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = fire_commit(opened_case("pbg-000001"), "lengkap", "penilaian").after;
  const auto& steps = detail::sqlite_migrations();
  raw_exec(path, steps[0] + steps[1] + steps[2] + "PRAGMA user_version = 3;");
  raw_exec(path, "INSERT INTO cases (id, procedure, version, state, revision, closed, snapshot, next_due, "
                 "last_sequence, history_length) VALUES ('pbg-000001', 'pbg', 3, 'penilaian', 2, 0, '" +
                     std::string(detail::encode_snapshot(c)) + "', NULL, 2, 0);");
  auto store = open_sqlite_store(path);
  CHECK(raw_count(path, "PRAGMA user_version") == detail::kSqliteSchemaVersion);
  CHECK(store->load_calendars().empty());
  store->save_calendar(CalendarSource{"belu", "h1", "{}"});
  CHECK(store->load_calendars().size() == 1);
  const auto loaded = store->load_case(c.id);
  REQUIRE(loaded);
  CHECK(loaded->state == c.state);
  CHECK(loaded->revision == c.revision);
}

TEST_CASE("a commit appends the new history records and rewrites none", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  const auto first = raw_text(path, "SELECT records FROM journal WHERE sequence = 1");
  auto store = open_sqlite_store(path);
  const auto a = fire_commit(c, "lengkap", "penilaian");
  const auto b = fire_commit(a.after, "setujui", "disetujui");
  store->commit({a, b});  // one case twice in a batch: each change appends its own record
  CHECK(raw_count(path, "SELECT COUNT(*) FROM journal") == 3);
  CHECK(raw_text(path, "SELECT records FROM journal WHERE sequence = 1") == first);
  CHECK(raw_text(path, "SELECT records FROM journal WHERE sequence = 3") ==
        encode_records_binary(std::span(b.after.history).last(1)));
  CHECK(raw_count(path, "SELECT history_length FROM cases") == 3);
  // In commit order: the newest row is the newest rowid, so a commit appends at the table's end.
  CHECK(raw_count(path, "SELECT sequence FROM journal ORDER BY rowid DESC LIMIT 1") == 3);
  CHECK(store->load_case(c.id) == b.after);
}

TEST_CASE("a fire's payload that says no more than its row is stored once and read back byte for byte",
          "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  auto plain = fire_commit(c, "lengkap", "penilaian", std::nullopt, "k-1");
  plain.entry.payload = detail::encode(EventRequest{"lengkap", plain.entry.actor, {}, {}, "k-1"});
  auto with_data = fire_commit(plain.after, "setujui", "disetujui");
  with_data.entry.payload =
      detail::encode(EventRequest{"setujui", with_data.entry.actor, DataInput{{"catatan", Value("lulus")}}, {}, ""});
  open_sqlite_store(path)->commit({plain, with_data});
  CHECK(raw_text(path, "SELECT payload FROM journal WHERE sequence = 2").empty());
  CHECK(raw_text(path, "SELECT payload FROM journal WHERE sequence = 3") == with_data.entry.payload);
  auto store = open_sqlite_store(path);
  const auto entries = store->journal(c.id);
  REQUIRE(entries.size() == 3);
  CHECK(entries[1].payload == plain.entry.payload);
  CHECK(entries[2].payload == with_data.entry.payload);
  CHECK(store->find_key(c.id, "k-1")->payload == plain.entry.payload);
  CHECK(store->damaged_cases().empty());
}

TEST_CASE("a schema-6 database (history in its own table) keeps every case's history",
          "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const auto opened = open_commit(opened_case("pbg-000001"));
  const auto fired = fire_commit(opened.after, "lengkap", "penilaian");
  const Case& c = fired.after;
  const auto& steps = detail::sqlite_migrations();
  std::string v6;
  for (int i = 0; i < 6; ++i) v6 += steps[static_cast<std::size_t>(i)];
  raw_exec(path, v6 + "PRAGMA user_version = 6;");
  raw_exec(path, "INSERT INTO cases (id, procedure, version, state, revision, closed, snapshot, next_due, "
                 "last_sequence, history_length) VALUES ('pbg-000001', 'pbg', 3, 'penilaian', " +
                     std::to_string(c.revision) + ", 0, '" + detail::encode_snapshot(c) + "', NULL, 2, " +
                     std::to_string(c.history.size()) + ");");
  for (std::size_t i = 0; i < c.history.size(); ++i)
    raw_exec(path, "INSERT INTO history VALUES ('pbg-000001', " + std::to_string(i + 1) + ", '" +
                       detail::encode_record(c.history[i]) + "');");
  raw_exec(path, "INSERT INTO journal VALUES ('pbg-000001', 1, 0, 'open', 'u', 'r', '', '{}', '', '', 1), "
                 "('pbg-000001', 2, 0, 'fire', 'u', 'r', 'lengkap', '{}', '', 'k', 1);");
  auto store = open_sqlite_store(path);
  CHECK(raw_count(path, "PRAGMA user_version") == detail::kSqliteSchemaVersion);
  CHECK(raw_count(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'history'") == 0);
  CHECK(stored_records(path, "SELECT records FROM history_base") == c.history);
  CHECK(store->load_case(c.id) == c);
  CHECK(store->journal(c.id).size() == 2);
  CHECK(store->find_key(c.id, "k").has_value());
  const auto next = fire_commit(c, "setujui", "disetujui");
  store->commit({next});
  CHECK(store->load_case(c.id) == next.after);
  CHECK(open_sqlite_store(path)->load_case(c.id) == next.after);  // read from the file, not the cache
}

TEST_CASE("a write lock held by another process is waited for, then reported", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto store = open_sqlite_store(path, SqliteOptions{true, 300});
  const auto started = std::chrono::steady_clock::now();
  const auto message = store_error([&] { store->commit({fire_commit(c, "lengkap", "penilaian")}); });
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(250));
  CHECK_THAT(message, Contains(path) && Contains("locked") && Contains("retry"));
  // Released within the timeout: the commit waits and succeeds.
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  });
  REQUIRE(sqlite3_exec(other, "SELECT 1", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto patient = open_sqlite_store(path, SqliteOptions{true, 5000});
  release.join();
  sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  std::thread release_again([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  });
  patient->commit({fire_commit(c, "lengkap", "penilaian")});
  release_again.join();
  sqlite3_close(other);
  CHECK(patient->load_case(c.id)->revision == 2);
}

TEST_CASE("a read-only file is refused with what to do, its cases untouched", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
  const auto message = store_error([&] { open_sqlite_store(path); });
  CHECK_THAT(message, Contains(path) && Contains("read-only") && Contains("writable"));
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  CHECK(open_sqlite_store(path)->load_case(c.id) == c);
}

TEST_CASE("a full disk fails the batch cleanly, earlier cases stay intact", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  auto store = detail::open_sqlite_store_limited(path, {}, 40);
  std::vector<Case> committed;
  std::string message;
  Case big = opened_case("x");
  big.data.emplace_back(std::string(3000, 'a'));  // fills pages quickly
  for (int i = 1; i < 500 && message.empty(); ++i) {
    big.id = "pbg-" + std::to_string(i);
    try {
      store->commit({open_commit(big, at(i))});
      committed.push_back(big);
    } catch (const StoreError& e) {
      message = e.what();
    }
  }
  REQUIRE_FALSE(committed.empty());
  CHECK_THAT(message, Contains(path) && Contains("full") && Contains("free some space"));
  const auto failed_id = "pbg-" + std::to_string(committed.size() + 1);
  CHECK_FALSE(store->load_case(failed_id).has_value());
  store.reset();
  auto reopened = open_sqlite_store(path);
  for (const auto& c : committed) {
    REQUIRE(reopened->load_case(c.id) == c);
    REQUIRE(reopened->journal(c.id).size() == 1);
  }
  CHECK(reopened->load_cases({}).size() == committed.size());
  CHECK(reopened->due_cases(at(100000)).size() == committed.size());
}

TEST_CASE("a damaged snapshot is reported naming the case", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  seed(path);
  raw_exec(path, "UPDATE cases SET snapshot = '{\"id\":' WHERE id = 'pbg-000001'");
  const auto message = store_error([&] { open_sqlite_store(path)->load_case("pbg-000001"); });
  CHECK_THAT(message, Contains(path) && Contains("pbg-000001") && Contains("damaged"));
}

TEST_CASE("two connections firing on one case: one wins, the other conflicts", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  auto a = open_sqlite_store(path);
  auto b = open_sqlite_store(path);
  const auto seen_by_a = *a->load_case(c.id);
  const auto seen_by_b = *b->load_case(c.id);
  a->commit({fire_commit(seen_by_a, "lengkap", "penilaian")});
  REQUIRE_THROWS_AS(b->commit({fire_commit(seen_by_b, "tolak", "ditolak")}), ConflictError);
  const auto fresh = *b->load_case(c.id);
  CHECK(fresh.history.back().event == "lengkap");
  b->commit({fire_commit(fresh, "setuju", "terbit")});
  CHECK(a->journal(c.id).size() == 3);
}

TEST_CASE("forked processes racing on one case: exactly one commit wins", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const Case c = seed(path);
  int go[2];
  int ready[2];  // each child reports it has read the case, so all race from the same revision
  REQUIRE(::pipe(go) == 0);
  REQUIRE(::pipe(ready) == 0);
  std::vector<pid_t> children;
  for (int i = 0; i < 4; ++i) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(go[1]);
      int rc = 2;
      try {
        auto store = open_sqlite_store(path);
        const auto seen = *store->load_case(c.id);
        char byte = 'r';
        if (::write(ready[1], &byte, 1) != 1) rc = 6;
        if (::read(go[0], &byte, 1) != 0) rc = 4;  // wait until the parent closes the pipe
        store->commit({fire_commit(seen, "event-" + std::to_string(i), "penilaian")});
        rc = 0;
      } catch (const ConflictError&) {
        rc = 3;
      } catch (...) {
        rc = 5;
      }
      ::_exit(rc);
    }
    children.push_back(pid);
  }
  ::close(ready[1]);
  for (std::size_t n = 0; n < children.size(); ++n) {
    char byte;
    if (::read(ready[0], &byte, 1) != 1) break;  // a child died before reading
  }
  ::close(ready[0]);
  ::close(go[0]);
  ::close(go[1]);  // all children start together
  std::vector<int> results;
  for (const pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    results.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  CHECK(std::count(results.begin(), results.end(), 0) == 1);
  CHECK(std::count(results.begin(), results.end(), 3) == 3);
  auto store = open_sqlite_store(path);
  CHECK(store->load_case(c.id)->revision == 2);
  CHECK(store->journal(c.id).size() == 2);
}

TEST_CASE("a cached statement is lent to one query at a time", "[sqlite]") {
  TempDir dir;
  detail::SqliteDb db(dir.file("izin.db"), 100);
  static const char* const kSql = "SELECT 1 UNION ALL SELECT 2";
  {
    detail::SqliteQuery outer(db, kSql, "reading");
    REQUIRE(outer.step());
    // Reusing it here would reset the outer query's rows mid-read.
    CHECK_THROWS_AS(detail::SqliteQuery(db, kSql, "reading"), std::logic_error);
    REQUIRE(outer.step());
    CHECK(outer.integer(0) == 2);
  }
  detail::SqliteQuery again(db, kSql, "reading");  // given back when the outer one ended
  CHECK(again.step());
}
