// Every word a person reads in Indonesian with --lang id (or IZIN_LANG, or
// LANG), and every --help says how to choose the language.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_tool.hpp"

namespace {

using izin_test::Run;

// English labels izin prints; none may appear in Indonesian output.
const std::vector<std::string>& english_labels() {
  static const std::vector<std::string> words{
      "refused",  "missing",      "(no value)", "clock paused", "outcome:", "notify",   "deemed",
      "initial",  " by ",         "requires",   "after ",       "working day", "Pending", "Fees",
      "Can be done", "History",   "state ",     "closed",       "opened",   "passed",   "failed",
      "coverage", "not exercised", "transitions", "Legend",    "due ",     "any role", "Opened",
      "Outcome",  "calendar ",    "conditional", "assumed",    "nothing",  "SLA met",  "overdue",
      "none declared", "not started", "running",  "MISMATCH",  "replayed", "condition not met",
      "wrong role", "Refused events", "waiting", "Simulated", "Database", "Office report"};
  return words;
}

// Fails for each English label found in `text`.
void check_no_english(const std::string& text) {
  for (const auto& w : english_labels()) {
    INFO("English label '" << w << "' in:\n" << text);
    CHECK(text.find(w) == std::string::npos);
  }
}

// English diagram labels; the diagram languages' own keywords (state, note, class) are not labels.
void check_no_english_in_graph(const std::string& text) {
  for (const std::string w : {"clock paused", "outcome:", "notify", "deemed", "DEEMED", "initial", " by ", "requires",
                              "after ", "working day", "hours", "Legend", "rejected", "withdrawn",
                              "abandoned", "\\nset ", " · set ", "arrow", "dashed yellow"}) {
    INFO("English label '" << w << "' in:\n" << text);
    CHECK(text.find(w) == std::string::npos);
  }
}

// A fresh database path for one test.
std::string fresh_db(const std::string& name) {
  const auto db = (std::filesystem::temp_directory_path() / ("izin-words-" + name + "-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(db);
  return db;
}

// `izin ARGS` on the shipped procedures and `db`.
Run izin(const std::string& env, const std::string& args, const std::string& db) {
  return izin_test::run_tool_with(env, args + " --db " + db + " --procedures " IZIN_SOURCE_DIR "/procedures");
}

const std::string kProcedures = IZIN_SOURCE_DIR "/procedures";

}  // namespace

TEST_CASE("the English list of labels does catch English output", "[cli][lang]") {
  const auto db = fresh_db("en");
  const Run opened = izin("", "case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  const Run refused = izin("LANG=C IZIN_LANG=", "case fire " + id + " sahkan --as b:kepala_bidang --lang en", db);
  CHECK(refused.status == 1);
  CHECK_THAT(refused.out, Catch::Contains("refused") && Catch::Contains("missing"));
  std::filesystem::remove(db);
}

TEST_CASE("case open, fire and show say everything in Indonesian with --lang id", "[cli][lang]") {
  const auto db = fresh_db("case");
  const Run opened = izin("", "case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  const Run refused = izin("", "case fire " + id + " sahkan --as b:kepala_bidang --lang id", db);
  CHECK(refused.status == 1);
  CHECK_THAT(refused.out, Catch::Contains("ditolak (dokumen kurang)") && Catch::Contains("kurang dokumen_asli"));
  check_no_english(refused.out);
  const Run role = izin("", "case fire " + id + " sahkan --as b:front_office --lang id", db);
  CHECK(role.status == 1);
  CHECK_THAT(role.out, Catch::Contains("ditolak (peran tidak berwenang)"));
  check_no_english(role.out);
  const Run shown = izin("", "case show " + id + " --lang id", db);
  CHECK(shown.status == 0);
  CHECK_THAT(shown.out, Catch::Contains("tahap") && Catch::Contains("Riwayat:") && Catch::Contains("WITA") &&
                            Catch::Contains("Dapat dilakukan sekarang:") && Catch::Contains("sahkan oleh kepala_bidang"));
  check_no_english(shown.out);
  const Run listed = izin("", "case list --lang id", db);
  check_no_english(listed.out);
  const Run verified = izin("", "case verify --lang id", db);
  CHECK_THAT(verified.out, Catch::Contains("diputar ulang"));
  check_no_english(verified.out);
  const Run ticked = izin("", "tick --force --now 2030-01-01T00:00Z --lang id", db);
  CHECK_THAT(ticked.out, Catch::Contains("tenggat dijalankan"));
  check_no_english(ticked.out);
  std::filesystem::remove(db);
}

TEST_CASE("LANG=id_ID.UTF-8 chooses Indonesian, IZIN_LANG overrides LANG, --lang overrides both", "[cli][lang]") {
  const auto db = fresh_db("env");
  const Run opened = izin("", "case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  const std::string open = "case fire " + id + " sahkan --as b:kepala_bidang";
  CHECK_THAT(izin("LC_ALL= LC_MESSAGES= IZIN_LANG= LANG=id_ID.UTF-8", open, db).out, Catch::StartsWith("ditolak"));
  CHECK_THAT(izin("LC_ALL= LC_MESSAGES= IZIN_LANG=id LANG=en_US.UTF-8", open, db).out, Catch::StartsWith("ditolak"));
  CHECK_THAT(izin("LC_ALL= LC_MESSAGES= IZIN_LANG=en LANG=id_ID.UTF-8", open, db).out, Catch::StartsWith("refused"));
  CHECK_THAT(izin("LC_ALL= LC_MESSAGES= IZIN_LANG=id", open + " --lang en", db).out, Catch::StartsWith("refused"));
  std::filesystem::remove(db);
}

TEST_CASE("case show gives the SLA, pending deadlines in local time, fees and who may act now", "[cli][case-show]") {
  const auto db = fresh_db("show");
  const Run opened = izin("", "case open legalisir --data jumlah_lembar=3 --as ani:front_office --json", db);
  REQUIRE(opened.status == 0);
  const auto id = nlohmann::json::parse(opened.out).at("case_id").get<std::string>();
  const Run en = izin("", "case show " + id + " --lang en", db);
  CHECK(en.status == 0);
  CHECK_THAT(en.out, Catch::Contains("SLA: ") && Catch::Contains("working days used"));
  CHECK_THAT(en.out, Catch::Contains("Pending deadlines:") && Catch::Contains("notify kepala_bidang: due "));
  CHECK_THAT(en.out, Catch::Contains(" WITA"));
  CHECK_THAT(en.out, Catch::Contains("Fees:"));
  CHECK_THAT(en.out, Catch::Contains("Can be done now:") && Catch::Contains("sahkan by kepala_bidang"));
  CHECK_THAT(en.out, Catch::Contains("History:") && Catch::Contains("ani/front_office  open"));
  const Run id_text = izin("", "case show " + id + " --lang id", db);
  CHECK_THAT(id_text.out, Catch::Contains("Tenggat berjalan:") && Catch::Contains("beri tahu kepala_bidang: jatuh pada "));
  CHECK_THAT(id_text.out, Catch::Contains("Biaya:") && Catch::Contains("hari kerja terpakai"));
  // JSON keeps absolute ISO 8601 instants.
  const auto json = nlohmann::json::parse(izin("", "case show " + id + " --json", db).out);
  CHECK(json.at("opened_at").get<std::string>().back() == 'Z');
  CHECK(json.at("sla_status").at("started") == true);
  CHECK(json.at("available_events").at(0).at("event") == "sahkan");
  CHECK(json.at("available_events").at(0).at("roles") == nlohmann::json::array({"kepala_bidang"}));
  std::filesystem::remove(db);
}

TEST_CASE("izin deadlines, test and graph say everything in Indonesian with --lang id", "[cli][lang]") {
  const Run deadlines = izin_test::run_tool("deadlines pbg --from 2026-03-16 --procedures " + kProcedures + " --lang id");
  CHECK(deadlines.status == 0);
  CHECK_THAT(deadlines.out, Catch::Contains("setelah") && Catch::Contains("hari kerja") && Catch::Contains("Senin"));
  check_no_english(deadlines.out);
  // Case names are the staff's own words, so this scenario names its cases in Indonesian.
  const auto dir = std::filesystem::temp_directory_path() / ("izin-words-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::copy(kProcedures + "/calendars", dir / "calendars", std::filesystem::copy_options::recursive);
  std::filesystem::copy(kProcedures + "/legalisir.izin", dir / "legalisir.izin");
  {
    std::ofstream yaml(dir / "legalisir.test.yaml");
    yaml << "procedure: legalisir\ncases:\n"
            "  - name: salinan disahkan lalu diambil\n"
            "    opened: 2026-03-16T09:00\n    data: { jumlah_lembar: 1 }\n    documents: [dokumen_asli, salinan]\n"
            "    steps:\n"
            "      - { at: 2026-03-16T10:00, event: sahkan, by: kepala_bidang, expect: { state: siap_diambil } }\n"
            "      - { at: 2026-03-17T10:00, event: ambil, by: pemohon, expect: { outcome: granted } }\n";
  }
  const Run tested = izin_test::run_tool("test " + dir.string() + " --lang id");
  CHECK(tested.status == 0);
  CHECK_THAT(tested.out, Catch::Contains("lulus") && Catch::Contains("cakupan legalisir") &&
                             Catch::Contains("belum diuji") && Catch::Contains("setelah 4 jam beri tahu kepala_bidang"));
  check_no_english(tested.out);
  std::filesystem::remove_all(dir);
  for (const std::string file : {"pbg", "oss_tinggi", "oss_menengah_tinggi", "legalisir"}) {
    for (const std::string format : {"dot", "mermaid"}) {
      const Run graph = izin_test::run_tool("graph " + kProcedures + "/" + file + ".izin -f " + format + " --lang id");
      INFO(file << " as " << format);
      CHECK(graph.status == 0);
      CHECK_THAT(graph.out, Catch::Contains("Keterangan"));
      check_no_english_in_graph(graph.out);
    }
  }
  const Run english = izin_test::run_tool("graph " + kProcedures + "/oss_tinggi.izin --lang en");
  CHECK_THAT(english.out, Catch::Contains("outcome: withdrawn") && Catch::Contains("clock paused") &&
                              Catch::Contains("Legend"));
}

TEST_CASE("every command's --help says how to choose the language", "[cli][lang]") {
  for (const std::string command : {"", "check", "test", "graph", "deadlines", "case", "case open", "case fire",
                                    "case show", "case list", "case verify", "tick", "demo", "doctor", "backup", "restore"}) {
    INFO("izin " << command << " --help");
    const Run help = izin_test::run_tool(command + " --help");
    CHECK(help.status == 0);
    CHECK_THAT(help.out, Catch::Contains("--lang") && Catch::Contains("IZIN_LANG") && Catch::Contains("LANG=id_ID.UTF-8"));
  }
}
