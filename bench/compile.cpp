// Figure 3: parse + compile + check throughput, and `izin::load` over a
// directory of 1,000 PBG-sized files.
#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "generated.hpp"
#include "parts.hpp"

namespace izin::bench {

namespace fs = std::filesystem;

namespace {

// Compiles every text (validator on) `rounds` times; returns seconds.
double compile_all(const std::vector<std::string>& texts, const CalendarSet& calendars, int rounds) {
  std::size_t compiled = 0;
  Stopwatch w;
  for (int r = 0; r < rounds; ++r)
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const CompileResult c = compile_procedure(texts[i], "gen" + std::to_string(i) + ".izin", LoadOptions{}, &calendars);
      compiled += c.procedure ? 1 : 0;
      if (!c.procedure && !c.diagnostics.empty())
        require(false, c.diagnostics.front().file + ":" + std::to_string(c.diagnostics.front().line) + ": " +
                           c.diagnostics.front().code + " " + c.diagnostics.front().message);
    }
  const double s = w.seconds();
  require(compiled == texts.size() * static_cast<std::size_t>(rounds), "every text compiled without errors");
  return s;
}

// Total size of texts in megabytes (10^6 bytes).
double megabytes(const std::vector<std::string>& texts) {
  std::size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  return static_cast<double>(bytes) / 1e6;
}

// The office's real procedure files (procedures/*.izin).
std::vector<std::string> office_texts() {
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(fs::path(IZIN_SOURCE_DIR) / "procedures"))
    if (e.path().extension() == ".izin") texts.push_back(read_text(e.path().string()));
  return texts;
}

// Writes `files` copies of procedures/pbg.izin (ids pbg_0001 …) and the calendars into `dir`.
void write_pbg_files(const fs::path& dir, std::size_t files) {
  fs::create_directories(dir / "calendars");
  for (const auto& e : fs::directory_iterator(fs::path(IZIN_SOURCE_DIR) / "procedures" / "calendars"))
    fs::copy_file(e.path(), dir / "calendars" / e.path().filename(), fs::copy_options::overwrite_existing);
  const std::string pbg = read_text(std::string(IZIN_SOURCE_DIR) + "/procedures/pbg.izin");
  const std::string head = "procedure pbg version";
  const auto at = pbg.find(head);
  require(at != std::string::npos, "procedures/pbg.izin declares `procedure pbg version`");
  for (std::size_t i = 0; i < files; ++i) {
    const std::string id = std::to_string(10000 + i).substr(1);
    std::ofstream(dir / ("pbg_" + id + ".izin")) << pbg.substr(0, at) << "procedure pbg_" << id << " version"
                                                  << pbg.substr(at + head.size());
  }
}

// Median seconds of three `izin::load` runs over `dir`, checking each.
double load_seconds(const fs::path& dir, std::size_t files) {
  std::vector<double> runs;
  for (int r = 0; r < 3; ++r) {
    Stopwatch w;
    const Library lib = load({dir});
    runs.push_back(w.seconds());
    require(lib.procedures.size() == files && !lib.has_errors(), "load found every file clean");
  }
  std::sort(runs.begin(), runs.end());
  return runs[1];
}

}  // namespace

void measure_compile(Table& table, const Office& office, const Sizes& sizes, const fs::path& dir) {
  std::vector<std::string> generated;
  for (std::size_t i = 0; i < sizes.generated; ++i)
    generated.push_back(generated_procedure(static_cast<int>(i), 4 + static_cast<int>(i % 29)));
  const double gen_mb = megabytes(generated);
  compile_all({generated.begin(), generated.begin() + std::min<std::ptrdiff_t>(50, std::ssize(generated))}, office.calendars, 1);
  const double gen_rate = gen_mb / compile_all(generated, office.calendars, 1);
  table.add({"3 compile", "parse+compile+check, " + std::to_string(sizes.generated) + " generated procedures (" +
                              format_number(gen_mb) + " MB)",
             gen_rate, "MB/s", "≥ 20", gen_rate >= 20});
  const std::vector<std::string> texts = office_texts();
  const int rounds = 50;
  const double office_rate = megabytes(texts) * rounds / compile_all(texts, office.calendars, rounds);
  table.add({"3 compile", "parse+compile+check, office library procedures/*.izin ×" + std::to_string(rounds),
             office_rate, "MB/s", "≥ 20", office_rate >= 20});
  write_pbg_files(dir / "pbg-files", sizes.files);
  const double load_s = load_seconds(dir / "pbg-files", sizes.files);
  table.add({"3 compile", "izin::load of a directory of " + std::to_string(sizes.files) + " PBG files (median of 3)",
             load_s, "s", "< 1", load_s < 1.0});
}

}  // namespace izin::bench
