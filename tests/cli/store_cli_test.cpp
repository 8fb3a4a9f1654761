// The command line keeps damage to one case, never changes a file that is not
// ours, reads without writing, and says what a refused or repeated request was.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../store/raw_sqlite.hpp"
#include "run_tool.hpp"

namespace {

using izin::testing::file_bytes;
using izin::testing::raw_sql;
using izin_test::Run;
using nlohmann::json;

// A fresh temporary directory for one test, removed afterwards.
struct Scratch {
  std::filesystem::path dir;
  Scratch() {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() / ("izin-store-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::string file(const std::string& name) const { return (dir / name).string(); }
};

// Runs `izin ARGS --db DB --procedures <repo>/procedures`; stderr mixed in when `with_errors`.
Run run_izin(const std::string& args, const std::string& db, bool with_errors = false) {
  return izin_test::run_tool(args + " --db " + db + " --procedures " IZIN_SOURCE_DIR "/procedures", with_errors);
}

// Opens a legalisir case and signs it, so a deadline is pending; returns its id.
std::string signed_case(const std::string& db) {
  const auto opened = run_izin("case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  const auto id = json::parse(opened.out).at("case_id").get<std::string>();
  REQUIRE(run_izin("case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan", db).status == 0);
  return id;
}

}  // namespace

TEST_CASE("a damaged snapshot quarantines one case: list, tick and verify keep working, doctor repairs it", "[cli]") {
  Scratch s;
  const auto db = s.file("izin.db");
  const auto a = signed_case(db), b = signed_case(db);
  raw_sql(db, "UPDATE cases SET snapshot = 'rusak' WHERE id = '" + a + "'");
  const auto listed = run_izin("case list --json", db);
  REQUIRE(listed.status == 0);
  REQUIRE(json::parse(listed.out).at("cases").size() == 1);
  CHECK(json::parse(listed.out).at("cases")[0].at("id") == b);
  const auto ticked = run_izin("tick --now 2030-01-01T00:00Z --force --json", db);
  REQUIRE(ticked.status == 0);
  REQUIRE(json::parse(ticked.out).at("outcomes").size() == 1);
  CHECK(json::parse(ticked.out).at("outcomes")[0].at("case_id") == b);
  CHECK(json::parse(ticked.out).at("quarantined") == json::array({a}));
  CHECK(run_izin("case show " + b, db).status == 0);
  const auto verified = run_izin("case verify --json", db);
  CHECK(verified.status == 1);
  const auto quarantined = json::parse(verified.out).at("quarantined");
  REQUIRE(quarantined.size() == 1);
  CHECK(quarantined[0].at("case") == a);
  CHECK(quarantined[0].at("row") == "cases row");
  const auto doctor = run_izin("doctor", db);
  CHECK(doctor.status == 1);
  CHECK(doctor.out.find("QUARANTINED " + a) != std::string::npos);
  const auto repaired = run_izin("doctor --repair --json", db);
  CHECK(repaired.status == 0);
  CHECK(json::parse(repaired.out).at("quarantined")[0].at("repaired") == true);
  CHECK(run_izin("case verify", db).status == 0);
  CHECK(run_izin("doctor", db).status == 0);
  // The repaired case was never advanced; now it is.
  const auto again = run_izin("tick --now 2030-01-01T00:00Z --force --json", db);
  REQUIRE(json::parse(again.out).at("outcomes").size() == 1);
  CHECK(json::parse(again.out).at("outcomes")[0].at("case_id") == a);
}

TEST_CASE("a damaged journal row makes verify report that case, not abort", "[cli]") {
  Scratch s;
  const auto db = s.file("izin.db");
  const auto a = signed_case(db), b = signed_case(db);
  raw_sql(db, "UPDATE journal SET kind = 'meledak' WHERE case_id = '" + a + "' AND sequence = 2");
  raw_sql(db, "UPDATE journal SET payload = '{\"event\": 7}' WHERE case_id = '" + b + "' AND sequence = 2");
  const auto verified = run_izin("case verify", db);
  CHECK(verified.status == 1);
  CHECK(verified.out.find("QUARANTINED " + a + "  journal row 2") != std::string::npos);
  CHECK(verified.out.find("QUARANTINED " + b + "  journal row 2") != std::string::npos);
  CHECK(run_izin("case list --json", db).status == 0);
  // A journal cannot repair itself: doctor says so and points at a backup.
  const auto doctor = run_izin("doctor --repair", db);
  CHECK(doctor.status == 1);
  CHECK(doctor.out.find("not repaired") != std::string::npos);
}

TEST_CASE("a foreign SQLite file in rollback-journal mode is not switched to WAL", "[cli]") {
  Scratch s;
  const auto db = s.file("other.db");
  raw_sql(db, "PRAGMA journal_mode = DELETE; CREATE TABLE pelanggan (nama TEXT); INSERT INTO pelanggan VALUES ('ani');");
  const auto before = file_bytes(db);
  for (const char* command : {"case list", "case verify", "tick", "case fire x-1 sahkan", "case open legalisir --create"}) {
    const auto run = run_izin(command, db, true);
    INFO(command << ": " << run.out);
    CHECK(run.status == 2);
    CHECK(run.out.find("not an izin database") != std::string::npos);
    CHECK(file_bytes(db) == before);
  }
  CHECK_FALSE(std::filesystem::exists(db + "-wal"));
}

TEST_CASE("a 0-byte file is refused unless --create, a missing one is created only by case open", "[cli]") {
  Scratch s;
  const auto empty = s.file("empty.db");
  std::ofstream(empty).close();
  const auto verify = run_izin("case verify", empty, true);
  CHECK(verify.status == 2);
  CHECK(verify.out.find("empty") != std::string::npos);
  CHECK(run_izin("tick", empty).status == 2);
  CHECK(run_izin("case open legalisir --data jumlah_lembar=1 --as a:front_office", empty).status == 2);
  CHECK(std::filesystem::file_size(empty) == 0);
  CHECK(run_izin("case open legalisir --data jumlah_lembar=1 --as a:front_office --create", empty).status == 0);
  CHECK(run_izin("case verify", empty).status == 0);
  const auto missing = s.file("missing.db");
  CHECK(run_izin("case list", missing).status == 2);
  CHECK(run_izin("tick", missing).status == 2);
  CHECK_FALSE(std::filesystem::exists(missing));
  CHECK(run_izin("tick --create", missing).status == 0);
  const auto fresh = s.file("fresh.db");
  CHECK(run_izin("case open legalisir --data jumlah_lembar=1 --as a:front_office", fresh).status == 0);
}

TEST_CASE("read-only commands neither write nor wait for another process's write lock", "[cli]") {
  Scratch s;
  const auto db = s.file("izin.db");
  const auto id = signed_case(db);
  izin::testing::WriteLockHolder writer(db);
  const auto start = std::chrono::steady_clock::now();
  CHECK(run_izin("case list", db).status == 0);
  CHECK(run_izin("case show " + id, db).status == 0);
  CHECK(run_izin("case verify", db).status == 0);
  CHECK(run_izin("doctor", db).status == 0);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4));  // each would wait 5 s for the lock
}

TEST_CASE("a reused key with another request is refused, a repeated one says so", "[cli]") {
  Scratch s;
  const auto db = s.file("izin.db");
  const auto opened = run_izin("case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db);
  const auto id = json::parse(opened.out).at("case_id").get<std::string>();
  const std::string sign = "case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan --key k1";
  REQUIRE(run_izin(sign, db).status == 0);
  const auto repeated = run_izin(sign, db);
  CHECK(repeated.status == 0);
  CHECK(repeated.out.find("repeated") != std::string::npos);
  CHECK(json::parse(run_izin(sign + " --json", db).out).at("repeated") == true);
  const auto reused = run_izin("case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --key k1 --json", db);
  CHECK(reused.status == 1);
  CHECK(json::parse(reused.out).at("refusal").at("code") == "key_reused");
  CHECK(run_izin("case fire " + id + " tolak --as a:front_office --key k1", db).out.find("key_reused") != std::string::npos);
  CHECK(json::parse(run_izin("case show " + id + " --json", db).out).at("history").size() == 2);
}

TEST_CASE("opening an explicit id that exists is refused as existing, not as a race", "[cli]") {
  Scratch s;
  const auto db = s.file("izin.db");
  const std::string open = "case open legalisir --data jumlah_lembar=3 --as ani:front_office --id LGL-7 --json";
  REQUIRE(run_izin(open, db).status == 0);
  const auto again = run_izin(open, db);
  CHECK(again.status == 1);
  CHECK(json::parse(again.out).at("refusal").at("code") == "case_exists");
}

TEST_CASE("tick says a --now date that does not exist does not exist", "[cli]") {
  Scratch s;
  const auto db = s.file("izin.db");
  signed_case(db);
  const auto run = run_izin("tick --now 2026-02-29T00:00Z", db, true);
  CHECK(run.status == 2);
  CHECK(run.out.find("2026-02-29 does not exist") != std::string::npos);
  CHECK(run.out.find("zone") == std::string::npos);
}

TEST_CASE("backup and restore through izin leave no stale write-ahead log", "[cli]") {
  Scratch s;
  const auto db = s.file("izin.db"), copy = s.file("backup.db");
  const auto a = signed_case(db);
  REQUIRE(izin_test::run_tool("backup " + copy + " --db " + db).status == 0);
  CHECK_FALSE(std::filesystem::exists(copy + "-wal"));
  CHECK(izin_test::run_tool("backup " + copy + " --db " + db).status == 2);  // never overwrites
  const auto b = signed_case(db);
  REQUIRE(izin_test::run_tool("restore " + copy + " --db " + db).status == 0);
  CHECK((!std::filesystem::exists(db + "-wal") || std::filesystem::file_size(db + "-wal") == 0));
  const auto listed = json::parse(run_izin("case list --json", db).out).at("cases");
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].at("id") == a);
  CHECK(run_izin("case verify", db).status == 0);
}
