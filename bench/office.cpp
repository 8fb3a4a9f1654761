// The office every benchmark runs (see office.hpp).
#include "office.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace izin::bench {

namespace fs = std::filesystem;

namespace {

// The first error among diagnostics, as one line; "" when there is none.
std::string first_error(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::Error) return d.file + ":" + std::to_string(d.line) + ": " + d.code + " " + d.message;
  return "";
}

// procedures/calendars/*.yaml of the repository.
std::vector<fs::path> calendar_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(IZIN_SOURCE_DIR) / "procedures" / "calendars"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  return files;
}

}  // namespace

Office load_office() {
  Office office;
  office.calendars = load_calendars(calendar_files());
  require(first_error(office.calendars.diagnostics).empty(), "calendars: " + first_error(office.calendars.diagnostics));
  const std::string file = std::string(IZIN_SOURCE_DIR) + "/bench/pbg_example.izin";
  CompileResult r = compile_procedure(read_text(file), file, LoadOptions{}, &office.calendars);
  require(r.procedure != nullptr, "example: " + first_error(r.diagnostics));
  office.pbg = r.procedure;
  return office;
}

void register_office(Engine& engine, const Office& office) {
  for (const CalendarPtr& c : office.calendars.calendars) engine.set_calendar(c);
  engine.add_procedure(office.pbg);
}

OpenRequest pbg_application() {
  OpenRequest r;
  r.procedure = "pbg";
  r.data = {{"luas_bangunan", Value(150)}, {"lantai", Value(2)}, {"fungsi", Value(EnumValue{"usaha"})}};
  r.documents = {"ktp", "bukti_tanah", "gambar"};
  r.actor = Actor{"loket1", "front_office"};
  return r;
}

const std::vector<EventRequest>& pbg_path() {
  static const std::vector<EventRequest> path{
      EventRequest{"verifikasi", Actor{"vera", "verifikator"}, {}, {}, ""},
      EventRequest{"revisi", Actor{"tpa1", "tpa"}, {}, {}, ""},
      EventRequest{"kirim_ulang", Actor{"budi", "pemohon"}, {}, {}, ""},
      EventRequest{"setujui", Actor{"tpa1", "tpa"}, {}, {}, ""},
      EventRequest{"terbitkan", Actor{"kadis", "kepala_dinas"}, {}, {}, ""},
  };
  return path;
}

Instant wita(int year, unsigned month, unsigned day, int hour, int minute) {
  const auto date = std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
  return Instant{date} + std::chrono::hours{hour - 8} + std::chrono::minutes{minute};
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void require(bool ok, const std::string& what) {
  if (!ok) throw std::runtime_error("benchmark check failed: " + what);
}

std::vector<std::string> open_on_sqlite(const Office& office, const std::string& db, std::size_t cases) {
  FakeClock clock(wita(2026, 7, 6, 9));
  auto store = open_sqlite_store(db, SqliteOptions{false, 5000});
  Engine engine(clock, *store);
  register_office(engine, office);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < cases; ++i) {
    Outcome o = engine.open(pbg_application());
    require(o.accepted, "open on sqlite");
    ids.push_back(std::move(o.case_id));
  }
  return ids;
}

}  // namespace izin::bench
