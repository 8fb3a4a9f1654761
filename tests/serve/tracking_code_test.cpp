// Tracking codes: their alphabet, how typed codes are read, and their store
// (digests only, bound to one case, replaced on re-issue).
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <set>

#include "izin/server/tracking.hpp"
#include "izin/sqlite_store.hpp"
#include "izin/store.hpp"
#include "office.hpp"

using izin::server::new_tracking_code;
using izin::server::normalize_tracking_code;

TEST_CASE("a new tracking code is 8 characters of Crockford base32 and reads back as itself") {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto code = new_tracking_code();
    REQUIRE(code.size() == 8);
    CHECK(code.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ") == std::string::npos);
    CHECK(normalize_tracking_code(code) == code);
    seen.insert(code);
  }
  CHECK(seen.size() == 200);  // 40 random bits: a repeat here means the randomness is broken
}

TEST_CASE("a typed code is read in any case, with dashes and spaces, and I/L/O as 1/1/0") {
  CHECK(normalize_tracking_code("abcd-efgh") == "ABCDEFGH");
  CHECK(normalize_tracking_code(" 7K2M 9QPX ") == "7K2M9QPX");
  CHECK(normalize_tracking_code("ILOo1234") == "11001234");
  CHECK_FALSE(normalize_tracking_code("ABCDEFG"));    // 7
  CHECK_FALSE(normalize_tracking_code("ABCDEFGHJ"));  // 9
  CHECK_FALSE(normalize_tracking_code("ABCDEFGU"));   // U is not in the alphabet
  CHECK_FALSE(normalize_tracking_code("ABCD<EFG"));
  CHECK_FALSE(normalize_tracking_code(""));
}

TEST_CASE("the tracking store keeps a digest per case: the code opens its own case only") {
  serve_test::TempDir dir;
  const auto path = (dir.path / "izin.db").string();
  izin::open_sqlite_store(path);  // the tracking table lives in an izin database
  auto store = izin::server::open_sqlite_tracking_store(path);
  const auto a = store->issue("LEGALISIR-2026-000001");
  const auto b = store->issue("LEGALISIR-2026-000002");
  CHECK(store->matches("LEGALISIR-2026-000001", a));
  CHECK(store->matches("LEGALISIR-2026-000002", b));
  CHECK_FALSE(store->matches("LEGALISIR-2026-000001", b));
  CHECK_FALSE(store->matches("LEGALISIR-2026-000003", a));
  CHECK_FALSE(store->matches("LEGALISIR-2026-000001", ""));
  std::string typed = a.substr(0, 4) + "-" + a.substr(4);
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(store->matches("LEGALISIR-2026-000001", typed));

  const auto again = store->issue("LEGALISIR-2026-000001");
  CHECK(store->matches("LEGALISIR-2026-000001", again));
  if (again != a) CHECK_FALSE(store->matches("LEGALISIR-2026-000001", a));

  // Reopened, the codes still work, and the file holds no code in clear.
  store.reset();
  store = izin::server::open_sqlite_tracking_store(path);
  CHECK(store->matches("LEGALISIR-2026-000002", b));
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT case_id || digest FROM service_tracking", -1, &s, nullptr) == SQLITE_OK);
  int rows = 0;
  while (sqlite3_step(s) == SQLITE_ROW) {
    const std::string row = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    CHECK(row.find(b) == std::string::npos);
    CHECK(row.find(again) == std::string::npos);
    ++rows;
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  CHECK(rows == 2);
}

TEST_CASE("the tracking store names the file it cannot open") {
  serve_test::TempDir dir;
  const auto path = (dir.path / "no-such-folder" / "izin.db").string();
  CHECK_THROWS_WITH(izin::server::open_sqlite_tracking_store(path), Catch::Contains(path));
}
