// Rules planted into the docs/language.md example: what a good rule looks like
// (no diagnostics), and each defect with exactly its code and line.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "izin/load.hpp"
#include "pbg_model.hpp"

using namespace izin;
using Found = std::vector<std::pair<std::string, int>>;

namespace {
// The example's text with `rules` written after its fee line (line 27), so the
// rules start at line 28 and the states one line further down per rule line.
std::string with_rules(const std::string& rules, const std::string& from = "", const std::string& to = "") {
  std::ifstream in(IZIN_SOURCE_DIR "/tests/validate/data/pbg.izin");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!from.empty()) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  const std::string fee_end = "1.5 : 1))\n";
  const auto fee = text.find(fee_end);
  REQUIRE(fee != std::string::npos);
  return text.insert(fee + fee_end.size(), rules);
}

// Compiles and validates `text`; (code, line) of every diagnostic.
Found check(const std::string& text, Language lang = Language::English) {
  return test::codes_and_lines(compile_procedure(text, "pbg.izin", LoadOptions{lang, true}).diagnostics);
}

// The messages of every diagnostic.
std::vector<std::string> messages(const std::string& text, Language lang = Language::English) {
  std::vector<std::string> out;
  for (const auto& d : compile_procedure(text, "pbg.izin", LoadOptions{lang, true}).diagnostics) out.push_back(d.message);
  return out;
}

// A guard on `tolak` that uses rule `name` (so the rule is used).
const std::string kTolak = "on tolak by verifikator when lokasi_sengketa -> ditolak";
std::string tolak_when(const std::string& condition) {
  return "on tolak by verifikator when " + condition + " -> ditolak";
}
}  // namespace

TEST_CASE("a used rule, declared below its use, reading fields, submitted() and another rule: no diagnostics") {
  const std::string rules =
      "rule luas_besar \"Bangunan lebih dari 100 m2\" = luas_bangunan > 100 and submitted(gambar)\n"
      "rule sengketa \"Lokasi bersengketa\" = lokasi_sengketa and not luas_besar\n";
  const std::string text = with_rules(rules, kTolak, tolak_when("sengketa"));
  CHECK(check(text).empty());
  const auto compiled = compile_procedure(text, "pbg.izin");
  REQUIRE(compiled.procedure);
  REQUIRE(compiled.procedure->rules.size() == 2);
  CHECK(compiled.procedure->rules[1].label == "Lokasi bersengketa");
  CHECK(render(compiled.procedure->rules[1].condition, *compiled.procedure) == "lokasi_sengketa and not luas_besar");
}

TEST_CASE("IZ410: a rule that uses itself, directly or through others") {
  CHECK(check(with_rules("rule a \"A\" = lokasi_sengketa and a\n", kTolak, tolak_when("a"))) == Found{{"IZ410", 28}});
  const std::string two = "rule a \"A\" = lokasi_sengketa and b\nrule b \"B\" = not a\n";
  CHECK(check(with_rules(two, kTolak, tolak_when("a"))) == Found{{"IZ410", 28}, {"IZ410", 29}});
  CHECK(messages(with_rules(two, kTolak, tolak_when("a")))[0].find("(a -> b -> a)") != std::string::npos);
  // Near miss: two rules that use a third are no cycle.
  const std::string shared = "rule a \"A\" = c and b\nrule b \"B\" = c\nrule c \"C\" = lokasi_sengketa\n";
  CHECK(check(with_rules(shared, kTolak, tolak_when("a"))).empty());
}

TEST_CASE("IZ310: a rule that is not true/false") {
  CHECK(check(with_rules("rule luas \"Luas\" = luas_bangunan * 2\n", kTolak, tolak_when("lokasi_sengketa"))) ==
        Found{{"IZ310", 28}});
  CHECK(messages(with_rules("rule luas \"Luas\" = luas_bangunan * 2\n"))[0] ==
        "rule 'luas' must be true or false, but its condition is number");
}

TEST_CASE("IZ610: a rule nothing uses, its own use of itself does not count") {
  CHECK(check(with_rules("rule besar \"Besar\" = luas_bangunan > 100\n")) == Found{{"IZ610", 28}});
  // Used only by another rule counts as used (the other one is then unused).
  CHECK(check(with_rules("rule besar \"Besar\" = luas_bangunan > 100\nrule b \"B\" = besar\n")) ==
        Found{{"IZ610", 29}});
  // Used in a fee or a requirement's `when`.
  CHECK(check(with_rules("rule besar \"Besar\" = luas_bangunan > 100\n", "when luas_bangunan > 100", "when besar")).empty());
}

TEST_CASE("IZ210: a rule named like a field or an enum value, IZ206 twice, IZ203 names unknown names") {
  CHECK(check(with_rules("rule catatan \"C\" = lokasi_sengketa\n")) == Found{{"IZ210", 28}});
  CHECK(check(with_rules("rule usaha \"U\" = lokasi_sengketa\n")) == Found{{"IZ210", 28}});
  CHECK(messages(with_rules("rule usaha \"U\" = lokasi_sengketa\n"))[0] ==
        "rule 'usaha' has the name of enum value 'usaha' (fungsi) (line 14); give the rule a name of its own");
  CHECK(check(with_rules("rule a \"A\" = lokasi_sengketa\nrule a \"A2\" = lokasi_sengketa\n", kTolak, tolak_when("a"))) ==
        Found{{"IZ206", 29}});
  const std::string typo = with_rules("rule sengketa \"S\" = lokasi_sengketa\n", kTolak, tolak_when("sengketaa"));
  CHECK(check(typo) == Found{{"IZ203", 33}});
  CHECK(messages(typo)[0] == "no data field or rule named 'sengketaa'; did you mean 'sengketa'?");
  CHECK(messages(typo, Language::Indonesian)[0] == "tidak ada data atau aturan bernama 'sengketaa'; maksud Anda 'sengketa'?");
}

TEST_CASE("rule diagnostics read in Indonesian when asked") {
  const auto id = messages(with_rules("rule besar \"Besar\" = luas_bangunan > 100\n"), Language::Indonesian);
  REQUIRE(id.size() == 1);
  CHECK(id[0].rfind("aturan 'besar' tidak pernah dipakai", 0) == 0);
  const auto cyc = messages(with_rules("rule a \"A\" = a\n", kTolak, tolak_when("a")), Language::Indonesian);
  REQUIRE(cyc.size() == 1);
  CHECK(cyc[0].rfind("aturan 'a' memakai dirinya sendiri", 0) == 0);
}
