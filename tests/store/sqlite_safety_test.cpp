// The SQLite store keeps damage to one case, never changes a file that is
// not an izin database, and reads without writing or waiting for writers.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "store_error.hpp"
#include "raw_sqlite.hpp"
#include "store_factories.hpp"

using namespace izin;
using namespace izin::testing;
using Catch::Matchers::Contains;

namespace {

// A store file with three opened cases, each due at minute 100.
std::vector<Case> seed_three(const std::string& path) {
  auto store = open_sqlite_store(path);
  std::vector<Case> cases;
  for (const char* id : {"pbg-000001", "pbg-000002", "pbg-000003"}) {
    cases.push_back(opened_case(id));
    store->commit({open_commit(cases.back(), at(100))});
  }
  return cases;
}

// The DamagedCaseError that `f` throws (fails the test if none).
template <typename F>
DamagedCase damage_of(F&& f) {
  try {
    f();
  } catch (const DamagedCaseError& e) {
    CHECK_THAT(std::string(e.what()), Contains(e.damage.case_id) && Contains("quarantined"));
    return e.damage;
  }
  FAIL("expected a DamagedCaseError");
  return {};
}

// Options that open a file for reading only.
SqliteOptions reading() {
  SqliteOptions o;
  o.read_only = true;
  return o;
}

}  // namespace

TEST_CASE("a damaged snapshot quarantines its case, every other case keeps working", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const auto cases = seed_three(path);
  raw_sql(path, "UPDATE cases SET snapshot = '{\"id\": 42' WHERE id = 'pbg-000002'");
  auto store = open_sqlite_store(path);
  const auto damage = damage_of([&] { store->load_case("pbg-000002"); });
  CHECK(damage.case_id == "pbg-000002");
  CHECK(damage.where == "cases row");
  CHECK_FALSE(damage.problem.empty());
  const auto listed = store->load_cases({});
  REQUIRE(listed.size() == 2);
  CHECK(listed[0] == cases[0]);
  CHECK(listed[1] == cases[2]);
  store->commit({fire_commit(cases[2], "lengkap", "penilaian")});
  CHECK(store->load_case("pbg-000003")->revision == 2);
  CHECK(store->damaged_cases() == std::vector<DamagedCase>{damage});
}

TEST_CASE("a case read again comes fresh after another connection or this one wrote it", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const auto cases = seed_three(path);
  auto reader = open_sqlite_store(path), writer = open_sqlite_store(path);
  CHECK(reader->load_case("pbg-000001") == cases[0]);  // kept by the reader from here on
  const CaseCommit moved = fire_commit(cases[0], "lengkap", "penilaian");
  writer->commit({moved});
  CHECK(reader->load_case("pbg-000001") == moved.after);
  const CaseCommit back = fire_commit(moved.after, "kembali", "berkas");
  reader->commit({back});
  CHECK(reader->load_case("pbg-000001") == back.after);
  raw_sql(path, "UPDATE cases SET snapshot = '{\"id\": 42' WHERE id = 'pbg-000001'");  // a program behind its back
  damage_of([&] { reader->load_case("pbg-000001"); });
}

TEST_CASE("damaged history records quarantine their case, naming the journal row", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  seed_three(path);
  raw_sql(path, "UPDATE journal SET records = 'rusak' WHERE case_id = 'pbg-000001' AND sequence = 1");
  auto store = open_sqlite_store(path);
  CHECK(damage_of([&] { store->load_case("pbg-000001"); }).where == "journal row 1 (history records)");
  CHECK(store->load_cases({}).size() == 2);
  const auto damaged = store->damaged_cases();
  REQUIRE(damaged.size() == 1);
  CHECK(damaged[0].case_id == "pbg-000001");
}

TEST_CASE("a damaged journal row is reported for its case, not a crash", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const auto cases = seed_three(path);
  raw_sql(path, "UPDATE journal SET kind = 'meledak' WHERE case_id = 'pbg-000003' AND sequence = 1");
  raw_sql(path, "UPDATE journal SET payload = '{rusak' WHERE case_id = 'pbg-000001' AND sequence = 1");
  auto store = open_sqlite_store(path);
  const auto damage = damage_of([&] { store->journal("pbg-000003"); });
  CHECK(damage.where == "journal row 1");
  CHECK(store->journal("pbg-000002").size() == 1);
  CHECK(store->load_cases({}).size() == 3);  // the snapshots are intact
  const auto damaged = store->damaged_cases();
  REQUIRE(damaged.size() == 2);
  CHECK(damaged[0].case_id == "pbg-000001");
  CHECK(damaged[0].where == "journal row 1");
  CHECK_THAT(damaged[0].problem, Contains("payload"));
  CHECK(damaged[1] == damage);
}

TEST_CASE("repairing a damaged snapshot takes the case out of quarantine", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const auto cases = seed_three(path);
  raw_sql(path, "UPDATE cases SET snapshot = 'x' WHERE id = 'pbg-000001'");
  auto store = open_sqlite_store(path);
  REQUIRE(store->damaged_cases().size() == 1);
  store->repair_case(cases[0], at(100));
  CHECK(store->damaged_cases().empty());
  CHECK(store->load_case("pbg-000001") == cases[0]);
}

TEST_CASE("a foreign SQLite file in rollback-journal mode is refused byte for byte unchanged", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("other.db");
  raw_sql(path, "PRAGMA journal_mode = DELETE; CREATE TABLE pelanggan (nama TEXT); INSERT INTO pelanggan VALUES ('ani');");
  const auto before = file_bytes(path);
  REQUIRE(before.size() > 20);
  CHECK(before[18] == 1);  // header: rollback journal, not WAL
  const auto message = store_error([&] { open_sqlite_store(path); });
  CHECK_THAT(message, Contains(path) && Contains("not an izin database") && Contains("not changed"));
  CHECK(file_bytes(path) == before);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
  store_error([&] { open_sqlite_store(path, reading()); });
  CHECK(file_bytes(path) == before);
}

TEST_CASE("an SQLite file with another program's application id is refused", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("other.db");
  raw_sql(path, "PRAGMA application_id = 1234; PRAGMA user_version = 3; CREATE TABLE cases (id TEXT);");
  const auto before = file_bytes(path);
  CHECK_THAT(store_error([&] { open_sqlite_store(path); }), Contains("not an izin database"));
  CHECK(file_bytes(path) == before);
}

TEST_CASE("a 0-byte file is refused unchanged unless adopting empty files is asked for", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  std::ofstream(path).close();
  CHECK_THAT(store_error([&] { open_sqlite_store(path); }), Contains(path) && Contains("empty") && Contains("--create"));
  CHECK_THAT(store_error([&] { open_sqlite_store(path, reading()); }), Contains("empty"));
  CHECK(std::filesystem::file_size(path) == 0);
  SqliteOptions create;
  create.adopt_empty = true;
  const Case c = opened_case("pbg-000001");
  open_sqlite_store(path, create)->commit({open_commit(c)});
  CHECK(open_sqlite_store(path)->load_case(c.id) == c);
}

TEST_CASE("an SQLite file without tables is not adopted silently", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  raw_sql(path, "CREATE TABLE t (x); DROP TABLE t;");
  const auto before = file_bytes(path);
  CHECK_THAT(store_error([&] { open_sqlite_store(path); }), Contains("empty") && Contains("not changed"));
  CHECK(file_bytes(path) == before);
}

TEST_CASE("a missing file is created only when asked", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  SqliteOptions existing;
  existing.create_missing = false;
  CHECK_THAT(store_error([&] { open_sqlite_store(path, existing); }), Contains(path) && Contains("does not exist"));
  CHECK_THAT(store_error([&] { open_sqlite_store(path, reading()); }), Contains("does not exist"));
  CHECK_FALSE(std::filesystem::exists(path));
  open_sqlite_store(path);
  CHECK(std::filesystem::exists(path));
}

TEST_CASE("an izin file made before the application id is still opened", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const auto cases = seed_three(path);
  raw_sql(path, "PRAGMA application_id = 0");
  CHECK(open_sqlite_store(path)->load_cases({}).size() == 3);
  CHECK(open_sqlite_store(path, reading())->load_cases({}).size() == 3);
}

TEST_CASE("a read-only store reads without writing and never waits for the write lock", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  const auto cases = seed_three(path);
  {
    auto store = open_sqlite_store(path);
    store->save_procedure({"pbg", 3, "pbg.izin", "procedure pbg", "h3"});
  }
  WriteLockHolder writer(path);  // another process is in the middle of a write
  const auto start = std::chrono::steady_clock::now();
  auto reader = open_sqlite_store(path, reading());
  reader->save_procedure({"pbg", 3, "pbg.izin", "procedure pbg", "h3"});  // known: nothing to write
  reader->save_procedure({"pbg", 4, "pbg.izin", "procedure pbg v4", "h4"});  // new: a read does not keep it
  CHECK(reader->load_cases({}).size() == 3);
  CHECK(reader->load_case("pbg-000001") == cases[0]);
  CHECK(reader->due_cases(at(100)).size() == 3);
  CHECK(reader->journal("pbg-000001").size() == 1);
  CHECK(reader->damaged_cases().empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(reader->load_procedures().size() == 1);
  CHECK_THROWS_AS(reader->commit({fire_commit(cases[0], "lengkap", "penilaian")}), StoreError);
}

TEST_CASE("saving a known procedure version does not wait for another writer", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  open_sqlite_store(path)->save_procedure({"pbg", 3, "pbg.izin", "procedure pbg", "h3"});
  SqliteOptions impatient;
  impatient.busy_timeout_ms = 200;
  auto store = open_sqlite_store(path, impatient);
  WriteLockHolder writer(path);
  CHECK_NOTHROW(store->save_procedure({"pbg", 3, "pbg.izin", "procedure pbg", "h3"}));
}

TEST_CASE("backup makes one self-contained file, restore replaces the contents through SQLite", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db"), copy = dir.file("backup.db");
  const auto cases = seed_three(path);
  backup_sqlite_store(path, copy);
  CHECK_FALSE(std::filesystem::exists(copy + "-wal"));
  CHECK(file_bytes(copy)[18] == 1);  // rollback journal: nothing needs to sit beside it
  CHECK_THAT(store_error([&] { backup_sqlite_store(path, copy); }), Contains("already exists"));
  // Later work, left in a -wal file by a process that has not closed yet (or crashed).
  auto live = open_sqlite_store(path);
  live->commit({fire_commit(cases[0], "lengkap", "penilaian")});
  live->commit({open_commit(opened_case("pbg-000004"))});
  REQUIRE(std::filesystem::file_size(path + "-wal") > 0);
  live.reset();
  restore_sqlite_store(copy, path);
  CHECK((!std::filesystem::exists(path + "-wal") || std::filesystem::file_size(path + "-wal") == 0));
  auto restored = open_sqlite_store(path);
  CHECK(restored->load_cases({}) == cases);
  CHECK(restored->damaged_cases().empty());
  CHECK(restored->journal("pbg-000001").size() == 1);
}

TEST_CASE("restore beside a stale -wal file gives exactly the backup", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db"), copy = dir.file("backup.db");
  const auto cases = seed_three(path);
  backup_sqlite_store(path, copy);
  // A crash: the database and its -wal as a killed writer left them.
  {
    auto live = open_sqlite_store(path);
    live->commit({fire_commit(cases[1], "lengkap", "penilaian")});
    std::filesystem::copy_file(path, dir.file("crashed.db"));
    std::filesystem::copy_file(path + "-wal", dir.file("crashed.db-wal"));
  }
  const auto crashed = dir.file("crashed.db");
  restore_sqlite_store(copy, crashed);
  CHECK(open_sqlite_store(crashed)->load_cases({}) == cases);
}

TEST_CASE("restore refuses a file that is not an izin backup, or a target that is not ours", "[sqlite]") {
  TempDir dir;
  const auto path = dir.file("izin.db"), other = dir.file("other.db");
  seed_three(path);
  raw_sql(other, "CREATE TABLE pelanggan (nama TEXT)");
  const auto before = file_bytes(path);
  CHECK_THAT(store_error([&] { restore_sqlite_store(other, path); }), Contains("not an izin database"));
  const auto other_before = file_bytes(other);
  const auto copy = dir.file("backup.db");
  backup_sqlite_store(path, copy);
  CHECK_THAT(store_error([&] { restore_sqlite_store(copy, other); }), Contains("not an izin database"));
  CHECK(file_bytes(other) == other_before);
}
