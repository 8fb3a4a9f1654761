// libFuzzer entry for the YAML the office writes: the first byte picks the
// kind ('c' a calendar file, anything else a scenario file), the rest is the
// file. Calendars load beside the shipped ones (so `include` resolves);
// scenarios run against the shipped procedures. A crash, hang, sanitizer
// report or an exception escaping is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "izin/calendar.hpp"
#include "izin/load.hpp"
#include "izin/scenario.hpp"

namespace {
namespace fs = std::filesystem;

// This process's scratch folder (libFuzzer may run several processes).
const fs::path& scratch() {
  static const fs::path dir = [] {
    const fs::path d = fs::temp_directory_path() / ("izin-yaml-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// The shipped procedures and calendars, loaded once.
const izin::Library& shipped() {
  static const izin::Library lib = izin::load({IZIN_SOURCE_DIR "/procedures"});
  return lib;
}

// Writes the bytes to `name` in the scratch folder; its path.
fs::path write(const std::string& name, const std::uint8_t* data, std::size_t size) {
  const fs::path file = scratch() / name;
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                static_cast<std::streamsize>(size));
  return file;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  if (data[0] == 'c') {
    const fs::path file = write("fuzz.yaml", data + 1, size - 1);
    const auto set = izin::load_calendars({file, IZIN_SOURCE_DIR "/procedures/calendars"});
    // Every calendar that loaded is usable: its working-day arithmetic must not throw near today.
    for (const auto& cal : set.calendars) (void)cal->add_working_days(izin::Date::from_ymd(2026, 3, 16), 30);
  } else {
    const fs::path file = write("fuzz.test.yaml", data + 1, size - 1);
    (void)izin::run_scenarios(shipped(), {file});
  }
  return 0;
}
