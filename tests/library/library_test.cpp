// The office's shipped procedure library: it loads clean, every procedure
// has its service standard and scenarios, and deadline previews on the real
// Belu calendar give the dates a clerk would quote.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "izin/load.hpp"
#include "izin/preview.hpp"

namespace {

namespace fs = std::filesystem;

const izin::Library& library() {
  static const izin::Library lib = izin::load({fs::path(IZIN_SOURCE_DIR) / "procedures"});
  return lib;
}

izin::Date day(const char* text) { return *izin::Date::parse(text); }

izin::DeadlinePreview preview(const char* id, const char* opened) {
  const auto p = library().newest(id);
  REQUIRE(p);
  const auto cal = library().calendars.find(p->calendar);
  REQUIRE(cal);
  return izin::preview_deadlines(*p, *cal, *izin::parse_instant(opened, cal->utc_offset_minutes()));
}

// Output and exit status of the built `izin` with these arguments.
std::pair<std::string, int> run_tool(const std::string& args, const std::string& env = "LANG=C LC_ALL=") {
  const std::string command =
      std::string("cd \"") + IZIN_SOURCE_DIR + "\" && " + env + " \"" + IZIN_TOOL + "\" " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buf[4096];
  while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
  const int status = pclose(pipe.release());
  return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

}  // namespace

TEST_CASE("the shipped library loads with no errors and no warnings") {
  for (const auto& d : library().diagnostics) INFO(d.file + ":" + std::to_string(d.line) + " " + d.code + " " + d.message);
  CHECK(library().diagnostics.empty());
  for (const char* id : {"pbg", "slf", "sip", "reklame", "oss_menengah_tinggi", "oss_tinggi", "pengaduan", "legalisir", "paud"}) {
    INFO(id);
    const auto p = library().newest(id);
    REQUIRE(p);
    CHECK_FALSE(p->title.empty());
    CHECK_FALSE(p->legal.empty());
    CHECK_FALSE(p->product.empty());
    CHECK(p->sla.has_value());
    CHECK(p->calendar == "belu");
    CHECK(fs::exists(fs::path(p->file).replace_extension(".test.yaml")));
  }
}

TEST_CASE("fiktif positif is modelled where the law grants it") {
  // SIP (UU 30/2014 Pasal 53), OSS medium-high (Pasal 225), OSS high (Pasal 230).
  for (const char* id : {"sip", "oss_menengah_tinggi", "oss_tinggi"}) {
    INFO(id);
    bool deemed_grant = false;
    const auto p = library().newest(id);
    for (const auto& s : p->states)
      for (const auto& d : s.deadlines)
        if (d.deemed && p->states[static_cast<std::size_t>(d.target)].outcome == "granted") deemed_grant = true;
    CHECK(deemed_grant);
  }
}

TEST_CASE("PBG opened on 16 March 2026: every deadline at the latest, SLA after Lebaran and payment") {
  const auto pv = preview("pbg", "2026-03-16T09:00");
  REQUIRE(pv.reached_final);
  CHECK(pv.outcome == "granted");
  REQUIRE(pv.steps.size() == 7);
  CHECK(pv.steps[0].deadlines.at(0).last_day == day("2026-03-26"));  // 3 working days across Idul Fitri
  CHECK(pv.steps[1].id == "penilaian_teknis");
  CHECK(pv.steps[1].deadlines.at(0).last_day == day("2026-04-24"));
  CHECK(pv.steps[1].deadlines.at(1).last_day == day("2026-05-05"));
  CHECK(pv.steps[4].id == "menunggu_pembayaran");
  CHECK(pv.steps[4].deadlines.at(1).last_day == day("2026-06-06"));  // 30 calendar days
  CHECK(pv.paused_working_days == 16);
  CHECK(pv.sla_due == day("2026-06-11"));
}

TEST_CASE("SIP complete on 17 March 2026 is decided or deemed granted by 1 April") {
  const auto pv = preview("sip", "2026-03-17T09:00");
  REQUIRE(pv.steps.size() == 3);
  CHECK(pv.steps[1].id == "diproses");
  CHECK(pv.steps[1].deadlines.at(1).deemed);
  CHECK(pv.steps[1].deadlines.at(1).last_day == day("2026-04-01"));
  CHECK(pv.sla_start == day("2026-03-25"));  // the clock starts when the file is complete
  CHECK(pv.sla_due == day("2026-04-01"));
}

TEST_CASE("izin deadlines prints the dates with weekdays") {
  const auto [out, status] = run_tool("deadlines sip --from 2026-03-17 --procedures procedures");
  CHECK(status == 0);
  CHECK(out.find("after 5 working days -> terbit (deemed): by end of Wednesday 2026-04-01") != std::string::npos);
  CHECK(out.find("SLA (5 working days) due by end of Wednesday 2026-04-01") != std::string::npos);
  CHECK(run_tool("deadlines no_such_procedure --from 2026-03-17").second == 2);
  CHECK(run_tool("deadlines sip --from 17/03/2026").second == 2);
}

TEST_CASE("izin deadlines speaks Indonesian to an Indonesian clerk") {
  const auto [out, status] = run_tool("deadlines sip --from 2026-03-17", "LC_ALL= LANG=id_ID.UTF-8");
  CHECK(status == 0);
  CHECK(out.find("-> terbit (fiktif positif): paling lambat Rabu 2026-04-01") != std::string::npos);
  CHECK(out.find("deemed") == std::string::npos);  // no English word left
  CHECK(out.find("SLA (5 hari kerja) jatuh tempo Rabu 2026-04-01") != std::string::npos);
}
