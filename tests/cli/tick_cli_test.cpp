// `izin tick` and time: an instant far ahead of the wall clock (a typo a year
// ahead) needs --force, since the deadlines it fires cannot be undone; after
// a forced jump the cases refuse events stamped before their history.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "izin/time.hpp"
#include "run_tool.hpp"

namespace {

using izin_test::Run;

// Runs `izin ARGS --db DB --procedures <repo>/procedures`, capturing stdout.
Run tool(const std::string& args, const std::string& db) {
  return izin_test::run_tool(args + " --db " + db + " --procedures " IZIN_SOURCE_DIR "/procedures");
}

// The wall clock `ahead` from now, as tick's --now takes it.
std::string wall_plus(std::chrono::seconds ahead) {
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  return izin::format_instant(now + ahead);
}

// The state of each case, by id, from `case list --json`.
std::map<std::string, std::string> states(const std::string& db) {
  std::map<std::string, std::string> out;
  const auto listed = nlohmann::json::parse(tool("case list --json", db).out);
  for (const auto& c : listed.at("cases"))
    out[c.at("id").get<std::string>()] = c.at("state").get<std::string>();
  return out;
}

// Opens a SIP case with every document; returns its id.
std::string open_sip(const std::string& db) {
  const auto opened = tool("case open sip --data profesi=dokter --data asn=false --data tempat_praktik=RSUD --doc "
                           "surat_permohonan --doc ktp --doc str --doc pernyataan_tempat_praktik --doc pas_foto "
                           "--as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  return nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
}

constexpr std::chrono::seconds kDay{24 * 3600};

}  // namespace

TEST_CASE("tick a year ahead by a typo does not deem a SIP granted without --force", "[cli]") {
  const auto db = (std::filesystem::temp_directory_path() / ("izin-tick-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(db);
  const std::string decided = open_sip(db);
  REQUIRE(tool("case fire " + decided + " lengkap --as budi:verifikator", db).status == 0);
  const std::string waiting = open_sip(db);
  REQUIRE(states(db).at(decided) == "diproses");
  // Before the fix this deemed the SIP granted (after 5 working days -> terbit deemed), for good.
  const std::string year_ahead = wall_plus(365 * kDay);
  CHECK(tool("tick --now " + year_ahead + " --json", db).status == 2);
  CHECK(tool("tick --now " + year_ahead + " --max-ahead 30 --json", db).status == 2);
  CHECK(states(db).at(decided) == "diproses");
  CHECK(states(db).at(waiting) == "pemeriksaan_dokumen");
  CHECK(nlohmann::json::parse(tool("case show " + waiting + " --json", db).out).at("history").size() == 1);
  // Allowed when said so: --max-ahead far enough, or --force.
  const auto forced = tool("tick --now " + year_ahead + " --force --json", db);
  REQUIRE(forced.status == 0);
  bool deemed = false;
  const auto outcomes = nlohmann::json::parse(forced.out);
  for (const auto& o : outcomes.at("outcomes"))
    if (o.at("case_id") == decided) deemed = o.at("to") == "terbit" && o.at("deemed") == true;
  CHECK(deemed);
  // The waiting case's escalation fired a year ahead: an event at the wall clock would rewrite its past.
  const auto behind = tool("case fire " + waiting + " lengkap --as budi:verifikator --json", db);
  CHECK(behind.status == 1);
  CHECK(nlohmann::json::parse(behind.out).at("refusal").at("code") == "clock_behind");
  CHECK(states(db).at(waiting) == "pemeriksaan_dokumen");
  // Within the default bound of 7 days no --force is needed; the verifier still agrees with the store.
  CHECK(tool("tick --now " + wall_plus(6 * kDay) + " --json", db).status == 0);
  CHECK(tool("tick --now " + wall_plus(400 * kDay) + " --max-ahead 401 --json", db).status == 0);
  CHECK(nlohmann::json::parse(tool("case verify --json", db).out).at("mismatches").empty());
  std::filesystem::remove(db);
}
