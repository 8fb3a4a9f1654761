// The library's log: silent by default, every line to the installed sink.
#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "procset_fixture.hpp"

using namespace izin;
using namespace izin::testing;

namespace {
// Installs a sink that keeps every line, and removes it again.
struct KeptLines {
  KeptLines() {
    set_log_sink([this](LogLevel level, std::string_view text) { lines.emplace_back(level, std::string(text)); });
  }
  ~KeptLines() { set_log_sink({}); }
  std::vector<std::pair<LogLevel, std::string>> lines;
};
}  // namespace

TEST_CASE("reload logs nothing anywhere until a sink is installed", "[log]") {
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(1) + "state {");
  FakeClock clock(monday());
  auto store = make_memory_store();
  Engine engine(clock, *store);
  StderrCapture err;
  const auto report = reload(engine, store.get(), dir);
  CHECK(err.text().empty());
  CHECK(report.rejected.size() == 1);  // there was something to say
}

TEST_CASE("reload's refusals and registrations reach the sink with their level", "[log]") {
  TempDir tmp;
  const auto dir = make_directory(tmp, surat(1));
  FakeClock clock(monday());
  auto store = make_memory_store();
  Engine engine(clock, *store);
  KeptLines log;
  reload(engine, store.get(), dir);
  REQUIRE(log.lines.size() == 1);
  CHECK(log.lines[0].first == LogLevel::Info);
  CHECK(log.lines[0].second.find("registered surat v1") != std::string::npos);
  save(dir / "surat.izin", surat(2) + "state {");
  reload(engine, store.get(), dir);
  REQUIRE(log.lines.size() == 2);
  CHECK(log.lines[1].first == LogLevel::Warning);
  CHECK(log.lines[1].second.find("has errors") != std::string::npos);
}

TEST_CASE("an empty sink silences the library again", "[log]") {
  std::vector<std::string> seen;
  set_log_sink([&](LogLevel, std::string_view text) { seen.emplace_back(text); });
  log_line(LogLevel::Error, "one");
  set_log_sink({});
  log_line(LogLevel::Error, "two");
  CHECK(seen == std::vector<std::string>{"one"});
}
