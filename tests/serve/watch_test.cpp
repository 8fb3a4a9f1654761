// The procedure watcher lists a refused file as a problem; logs never carry secrets.
#include <catch2/catch.hpp>

#include <fstream>
#include <mutex>
#include <thread>

#include "izin/log.hpp"
#include "office.hpp"

TEST_CASE("a procedure file that does not compile shows up in the problems list while the service runs") {
  serve_test::TempDir procedures;
  std::filesystem::copy(std::string(IZIN_SOURCE_DIR) + "/procedures", procedures.path,
                        std::filesystem::copy_options::recursive);
  izin::server::ServerOptions options;
  serve_test::TempDir dir;
  options.port = 0;
  options.db = (dir.path / "izin.db").string();
  options.procedures = procedures.path.string();
  options.watch_interval = std::chrono::milliseconds(100);
  izin::server::Server server(options);
  izin::server::open_sqlite_user_store(options.db)->add("loket", {"front_office"}, "rahasia-loket");
  server.start();
  serve_test::Client c{server.port(), "", "", "", "", {}};
  c.sign_in("loket", "rahasia-loket");
  CHECK(c.get("/api/v1/problems").json["problems"].empty());
  std::ofstream(procedures.path / "rusak.izin") << "procedure rusak version 1 {\n";
  nlohmann::json problems;
  for (int i = 0; i < 50 && problems.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    problems = c.get("/api/v1/problems").json["problems"];
  }
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].get<std::string>().find("rusak.izin") != std::string::npos);
  CHECK(c.get("/api/v1/procedures/legalisir").status == 200);  // the others keep working
}

TEST_CASE("a failed sign-in is logged without the name or password typed") {
  std::mutex mutex;
  std::vector<std::string> lines;
  izin::set_log_sink([&](izin::LogLevel, std::string_view line) {
    std::lock_guard lock(mutex);
    lines.emplace_back(line);
  });
  {
    serve_test::Office office;
    office.client().sign_in("kabid", "tebakan-rahasia-123");
    office.client().sign_in("kabid", "rahasia-kabid");
    office.server->stop();
  }
  izin::set_log_sink({});
  bool logged_failure = false;
  for (const auto& line : lines) {
    CHECK(line.find("tebakan-rahasia-123") == std::string::npos);
    CHECK(line.find("rahasia-kabid") == std::string::npos);
    CHECK(line.find("kabid") == std::string::npos);
    logged_failure = logged_failure || line.find("failed sign-in") != std::string::npos;
  }
  CHECK(logged_failure);
}
