// A procedure directory that tests edit while a ProcedureSet watches it.
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <unistd.h>

#include "izin/izin.hpp"
#include "../store/store_factories.hpp"

namespace izin::testing {

// Version N of a small procedure: event "periksa_vN" moves `masuk` to `last_state`.
inline std::string surat(int version, const std::string& last_state = "selesai") {
  const auto v = std::to_string(version);
  return "procedure surat version " + v + R"( {
  title "Surat keterangan"
  legal "Perbup Belu"
  product "Surat"
  calendar belu
  sla 5 working days
  roles petugas
  initial state masuk "Masuk" {
    on periksa_v)" + v + " by petugas -> " + last_state + R"(
    after 3 working days notify petugas "Terlambat"
  }
  final state )" + last_state + R"( "Selesai" outcome granted
}
)";
}

// Writes a file as an editor saves it. The pause first lets the file's
// modification time move on even where the clock ticks coarsely (polling).
inline void save(const std::filesystem::path& file, const std::string& text) {
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  std::ofstream(file) << text;
}

// A procedure directory with the repository's calendars and surat.izin.
inline std::filesystem::path make_directory(const TempDir& tmp, const std::string& text) {
  const std::filesystem::path dir = tmp.file("procedures");
  std::filesystem::create_directories(dir / "calendars");
  for (const auto& f : std::filesystem::directory_iterator(IZIN_SOURCE_DIR "/procedures/calendars"))
    std::filesystem::copy_file(f.path(), dir / "calendars" / f.path().filename());
  std::ofstream(dir / "surat.izin") << text;
  return dir;
}

// The start of the tests' fake time: a Monday morning.
inline Instant monday() { return std::chrono::sys_days{std::chrono::year{2026} / 3 / 9} + std::chrono::hours{1}; }

inline EventRequest event(const std::string& name) { return EventRequest{name, {"budi", "petugas"}, {}, {}, ""}; }
inline OpenRequest open_surat() { return OpenRequest{"surat", {}, {}, {"ani", "petugas"}, ""}; }

// Everything written to stderr (file descriptor 2) while it lives.
class StderrCapture {
 public:
  StderrCapture() : file_(std::tmpfile()), saved_(::dup(2)) {
    std::fflush(stderr);
    ::dup2(::fileno(file_), 2);
  }
  ~StderrCapture() {
    restore();
    std::fclose(file_);
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;
  // Stops capturing and returns what was written.
  std::string text() {
    restore();
    std::rewind(file_);
    std::string out;
    for (int ch; (ch = std::fgetc(file_)) != EOF;) out += static_cast<char>(ch);
    return out;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  std::FILE* file_;
  int saved_;
};

}  // namespace izin::testing
