// Upgrading a file the previous release wrote (schema 7: JSON snapshots and
// history records) to binary ones (schema 8). tests/store/data/schema7.db was
// written by `izin demo --cases 16` of commit 3ed72b7; then legalisir-000001
// was damaged and rebuilt by `izin doctor --repair` (so its history is in
// history_base), and two cases were damaged behind izin's back and left so:
// sip-000001's snapshot ('{"id": 42') and paud-000002's first records ('rusak').
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <set>

#include "codec.hpp"
#include "sqlite_store.hpp"
#include "sqlite_store_schema.hpp"
#include "store_factories.hpp"

using namespace izin;
using namespace izin::testing;

namespace {

// Every row of a query on the file, its columns' bytes joined by '\x1f'.
std::vector<std::string> schema7_rows(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (i > 0) row += '\x1f';
      if (const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i)))
        row.append(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

std::string first_of(const std::string& path, const std::string& sql) {
  const auto rows = schema7_rows(path, sql);
  REQUIRE(rows.size() == 1);
  return rows[0];
}

// The cases as the previous release reads them from its JSON (damaged ones left out).
std::map<std::string, Case> schema7_cases(const std::string& path, const std::set<std::string>& damaged) {
  std::map<std::string, Case> cases;
  for (const auto& id : schema7_rows(path, "SELECT id FROM cases")) {
    if (damaged.count(id)) continue;
    Case c = detail::decode<Case>(first_of(path, "SELECT snapshot FROM cases WHERE id = '" + id + "'"));
    const auto add = [&c](const std::string& json) {
      for (auto& r : detail::decode<std::vector<HistoryRecord>>(json)) c.history.push_back(std::move(r));
    };
    for (const auto& json : schema7_rows(path, "SELECT records FROM history_base WHERE case_id = '" + id + "'"))
      add(json);
    for (const auto& json : schema7_rows(path, "SELECT records FROM journal WHERE case_id = '" + id +
                                                   "' AND records IS NOT NULL ORDER BY sequence"))
      add(json);
    cases.emplace(id, std::move(c));
  }
  return cases;
}

}  // namespace

TEST_CASE("a schema-7 file of the previous release is upgraded to binary records, every case as it was",
          "[sqlite][upgrade]") {
  TempDir dir;
  const auto path = dir.file("izin.db");
  std::filesystem::copy_file(IZIN_SOURCE_DIR "/tests/store/data/schema7.db", path);
  const std::set<std::string> damaged = {"sip-000001", "paud-000002"};
  REQUIRE(first_of(path, "PRAGMA user_version") == "7");
  const auto expected = schema7_cases(path, damaged);
  REQUIRE(expected.size() == 14);
  REQUIRE(first_of(path, "SELECT COUNT(*) FROM history_base") == "1");
  const auto journal_before = schema7_rows(path, "SELECT case_id, sequence, at, kind, actor_user, actor_role, event, "
                                                 "payload, result, key, accepted FROM journal ORDER BY rowid");
  const auto damaged_snapshot = first_of(path, "SELECT snapshot FROM cases WHERE id = 'sip-000001'");
  const auto damaged_records = first_of(path, "SELECT records FROM journal WHERE case_id = 'paud-000002' "
                                              "AND sequence = 1");

  {
    auto store = open_sqlite_store(path);
    CHECK(first_of(path, "PRAGMA user_version") == std::to_string(detail::kSqliteSchemaVersion));
    for (const auto& [id, c] : expected) CHECK(store->load_case(id) == c);
    std::vector<std::string> quarantined;
    for (const auto& d : store->damaged_cases()) quarantined.push_back(d.case_id);
    CHECK(quarantined == std::vector<std::string>(damaged.begin(), damaged.end()));
  }
  // Readable rows are binary now; the damaged ones are kept byte for byte; the journal's own columns did not move.
  CHECK(first_of(path, "SELECT COUNT(*) FROM cases WHERE typeof(snapshot) <> 'blob'") == "1");
  CHECK(first_of(path, "SELECT COUNT(*) FROM journal WHERE records IS NOT NULL AND typeof(records) <> 'blob'") == "1");
  CHECK(first_of(path, "SELECT COUNT(*) FROM history_base WHERE typeof(records) <> 'blob'") == "0");
  CHECK(first_of(path, "SELECT snapshot FROM cases WHERE id = 'sip-000001'") == damaged_snapshot);
  CHECK(first_of(path, "SELECT records FROM journal WHERE case_id = 'paud-000002' AND sequence = 1") ==
        damaged_records);
  CHECK(schema7_rows(path, "SELECT case_id, sequence, at, kind, actor_user, actor_role, event, payload, result, "
                           "key, accepted FROM journal ORDER BY rowid") == journal_before);
  // A second opening reads the binary rows from the file (no cache) and upgrades nothing again.
  auto reopened = open_sqlite_store(path);
  for (const auto& [id, c] : expected) CHECK(reopened->load_case(id) == c);
  CHECK(reopened->load_cases({}).size() == expected.size());
}
