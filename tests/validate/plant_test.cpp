// Plant one defect at a time into the docs/language.md example (parsed from
// tests/validate/data/pbg.izin) and expect exactly that code at that line.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "izin/load.hpp"
#include "pbg_model.hpp"

using namespace izin;
using Found = std::vector<std::pair<std::string, int>>;

namespace {
// The example's text.
std::string example() {
  std::ifstream in(IZIN_SOURCE_DIR "/tests/validate/data/pbg.izin");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The example with the first `from` replaced by `to` (which must be present).
std::string planted(const std::string& from, const std::string& to) {
  std::string text = example();
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Compiles and validates `text`; (code, line) of every diagnostic.
Found check(const std::string& text, Language lang = Language::English) {
  return test::codes_and_lines(compile_procedure(text, "pbg.izin", LoadOptions{lang, true}).diagnostics);
}
}  // namespace

TEST_CASE("the unmodified example compiles with no diagnostics at all") {
  const auto result = compile_procedure(example(), "pbg.izin");
  CHECK(result.diagnostics.empty());
  CHECK(result.procedure != nullptr);
}

TEST_CASE("planted structure defects") {
  CHECK(check(planted("  state pemeriksaan", "  initial state pemeriksaan")) == Found{{"IZ402", 36}});
  CHECK(check(planted("  final state ditolak", "  state arsip { after 1 day -> ditolak }\n  final state ditolak")) ==
        Found{{"IZ403", 55}});
  CHECK(check(planted("on terbitkan by kepala_dinas -> disetujui", "on terbitkan by kepala_dinas -> penerbitan")) ==
        Found{{"IZ404", 49}});
  CHECK(check(planted("after 5 working days -> ditolak", "after 5 working days -> ditolak deemed")) ==
        Found{{"IZ406", 46}});
  // A deemed recommendation into a working state is fine (IZ407 is retired).
  CHECK(check(planted("-> penerbitan {", "-> penerbitan deemed {")).empty());
}

TEST_CASE("planted time defects, and near misses") {
  CHECK(check(planted("after 1 working day notify", "after 0 working days notify")) == Found{{"IZ501", 51}});
  CHECK(check(planted("after 1 working day notify kepala_dinas \"PBG menunggu tanda tangan\"", "")) ==
        Found{{"IZ502", 49}});
  CHECK(check(planted("clock paused ", "clock paused after 5 working days notify kepala_dinas \"x\"")) ==
        Found{{"IZ503", 44}});
  CHECK(check(planted("clock paused ", "clock paused after 4 working days notify kepala_dinas \"x\"")).empty());
  CHECK(check(planted("sla 28", "sla 25")) == Found{{"IZ504", 7}});
  CHECK(check(planted("sla 28", "sla 26")).empty());
  CHECK(check(planted("clock paused ", "# clock runs")) == Found{{"IZ504", 7}});  // 26 + 5 > 28
}

TEST_CASE("planted requirement defects, and near misses") {
  CHECK(check(planted("\"SLF lama\" optional", "\"SLF lama\"")) == Found{{"IZ601", 24}});
  CHECK(check(planted("gambar, struktur ->", "gambar, struktur, slf_lama ->")) == Found{{"IZ602", 30}});
  CHECK(check(planted("when luas_bangunan > 100", "when 1 < 2")) == Found{{"IZ603", 22}});
  CHECK(check(planted("when luas_bangunan > 100", "when 2026-01-01 > 2025-12-31")) == Found{{"IZ603", 22}});
  CHECK(check(planted("when lokasi_sengketa", "when lokasi_sengketa and false")) == Found{{"IZ604", 32}});
  CHECK(check(planted("when lokasi_sengketa", "when lokasi_sengketa or false")).empty());
}

TEST_CASE("planted ambiguity, and a near miss") {
  CHECK(check(planted("on revisi by tpa -> perbaikan", "on setujui -> perbaikan")) == Found{{"IZ701", 38}});
  CHECK(check(planted("on revisi by tpa -> perbaikan", "on setujui by kepala_dinas -> perbaikan")).empty());
}

TEST_CASE("planted service-standard gaps") {
  CHECK(check(planted("title \"Persetujuan Bangunan Gedung\"", "")) == Found{{"IZ801", 2}});
  CHECK(check(planted("legal \"PP 28/2025 Pasal 108-121\"", "")) == Found{{"IZ802", 2}});
  CHECK(check(planted("product \"Dokumen PBG\"", "")) == Found{{"IZ803", 2}});
  CHECK(check(planted("sla 28 working days from pemeriksaan", "")) == Found{{"IZ804", 2}});
}

TEST_CASE("a validator error keeps the procedure from loading, a warning does not") {
  const auto error = compile_procedure(planted("-> ditolak\n", "-> ditolak deemed\n"), "pbg.izin");
  CHECK(error.procedure == nullptr);
  const auto warning = compile_procedure(planted("sla 28", "sla 25"), "pbg.izin");
  CHECK(warning.procedure != nullptr);
}

TEST_CASE("parsed findings read in Indonesian when asked") {
  const auto result = compile_procedure(planted("sla 28", "sla 25"), "pbg.izin", LoadOptions{Language::Indonesian, true});
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message.find("hari kerja") != std::string::npos);
}
