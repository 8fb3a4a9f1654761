// The service's App in-process on a clock the test sets, over a temp database
// and one small procedure ("uji") with an SLA, an escalation and a deemed deadline.
// Requests go straight to App::handle, as the engine thread would hand them over.
#pragma once

#include <chrono>
#include <fstream>
#include <string>

#include "app.hpp"
#include "izin/clock.hpp"
#include "office.hpp"

namespace serve_test {

// Mondays to Fridays in UTC (no calendar): sla 2 working days, an escalation to
// kepala_dinas after 4 hours, deemed granted after 3 working days.
inline constexpr const char* kUjiProcedure = R"(procedure uji version 1 {
  title "Layanan uji"
  sla 2 working days
  roles loket, verifikator, kepala_dinas
  initial state periksa "Pemeriksaan berkas" {
    on setujui by verifikator -> terbit
    after 4 hours notify kepala_dinas "Periksa <script>alert(1)</script> segera"
    after 3 working days -> terbit deemed
  }
  final state terbit "Izin terbit" outcome granted
}
)";

// An instant in UTC.
inline izin::Instant utc(int year, unsigned month, unsigned day, int hour) {
  using namespace std::chrono;
  return sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}} + hours{hour};
}

struct ClockedOffice {
  TempDir dir;
  izin::FakeClock clock{utc(2026, 2, 2, 9)};
  izin::server::ServerOptions options;
  std::unique_ptr<izin::server::App> app;

  ClockedOffice() {
    std::filesystem::create_directories(dir.path / "procedures");
    std::ofstream(dir.path / "procedures" / "uji.izin") << kUjiProcedure;
    options.db = (dir.path / "izin.db").string();
    options.procedures = (dir.path / "procedures").string();
    app = std::make_unique<izin::server::App>(options, &clock);
    REQUIRE(app->problems().empty());
    for (const auto& [name, roles] : std::map<std::string, std::vector<std::string>>{
             {"loket", {"loket"}}, {"verif", {"verifikator"}}, {"kadis", {"kepala_dinas"}}})
      app->users().add(name, roles, "rahasia-" + name);
  }

  // Moves the clock to `t` and fires what fell due, as the ticker does.
  void at(izin::Instant t) {
    clock.set(t);
    app->tick();
  }

  // A request from `user`'s browser session ("" for none), with its CSRF token.
  Reply send(const std::string& user, http::verb method, const std::string& target, const std::string& body = "") {
    izin::server::Request req{method, target, 11};
    if (!user.empty()) {
      const auto [id, csrf] = app->sessions().open(user);
      req.set(http::field::cookie, std::string(izin::server::kSessionCookie) + "=" + id);
      req.set("X-CSRF-Token", csrf);
    }
    if (!body.empty()) req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
    const auto res = app->handle(req, "127.0.0.1");
    Reply r{res.result_int(), res.body(), nlohmann::json::parse(res.body(), nullptr, false), {}};
    if (r.json.is_discarded()) r.json = nullptr;
    return r;
  }
  Reply get(const std::string& user, const std::string& target) { return send(user, http::verb::get, target); }

  // Opens a case of "uji" at the counter now; its id.
  std::string open_case() {
    const auto r = send("loket", http::verb::post, "/api/v1/cases", R"({"procedure":"uji"})");
    REQUIRE(r.status == 201);
    return r.json["id"].get<std::string>();
  }
  void approve(const std::string& id) {
    const auto r = send("verif", http::verb::post, "/api/v1/cases/" + id + "/events", R"({"event":"setujui"})");
    REQUIRE(r.status == 200);
  }
};

}  // namespace serve_test
