// The command line on PostgreSQL: every --db command takes a postgresql:// URL.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../cli/run_tool.hpp"
#include "postgres_factory.hpp"

using namespace izin::testing;
using nlohmann::json;

namespace {
// Runs `izin ARGS --db 'URL' --procedures <repo>/procedures`, stderr mixed in.
izin_test::Run run_izin(const std::string& args, const std::string& url) {
  return izin_test::run_tool(args + " --db '" + url + "' --procedures " IZIN_SOURCE_DIR "/procedures", true);
}
}  // namespace

TEST_CASE("izin case open, fire, show and verify run on a postgresql:// --db", "[postgres][cli]") {
  PostgresStoreFactory db;
  const auto opened = run_izin("case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db.url());
  REQUIRE(opened.status == 0);
  const auto id = json::parse(opened.out).at("case_id").get<std::string>();
  CHECK(run_izin("case fire " + id + " sahkan --as b:kepala_bidang --doc dokumen_asli --doc salinan", db.url())
            .status == 0);
  CHECK(db.sql("SELECT count(*) FROM journal WHERE case_id = '" + id + "'") == "2");
  const auto shown = run_izin("case show " + id + " --json", db.url());
  REQUIRE(shown.status == 0);
  CHECK_THAT(shown.out, Catch::Matchers::Contains(id));
  CHECK(run_izin("case verify", db.url()).status == 0);
}

TEST_CASE("izin backup refuses a PostgreSQL --db and names the right tool", "[postgres][cli]") {
  PostgresStoreFactory db;
  const auto run = izin_test::run_tool("backup /tmp/never-written.db --db '" + db.url() + "'", true);
  CHECK(run.status != 0);
  CHECK_THAT(run.out, Catch::Matchers::Contains("pg_dump"));
}
