// Events from many clerks at once go through one commit per turn of the
// engine thread (EventBatch): every answer is the one the event alone would
// get, refusals and repeated keys included, and the checks of every other
// request (session, CSRF) still hold.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "izin/sqlite_store.hpp"
#include "office.hpp"

using namespace serve_test;

namespace {
constexpr int kClerks = 8;

// What one clerk's three requests got back.
struct Answers {
  Reply wrong_event, fired, repeated, shared;
};
}  // namespace

TEST_CASE("events from many clerks at once are each answered as if alone") {
  Office office;
  auto loket = office.signed_in("loket");
  const std::string shared = loket.post("/api/v1/cases", kLegalisir).json["id"];
  std::vector<std::string> own;
  for (int i = 0; i < kClerks; ++i) own.push_back(loket.post("/api/v1/cases", kLegalisir).json["id"]);
  const Client kabid = office.signed_in("kabid");
  std::vector<Answers> answers(kClerks);
  std::vector<std::thread> clerks;
  const nlohmann::json sahkan = {{"event", "sahkan"}, {"documents", {"dokumen_asli", "salinan"}}};
  for (int i = 0; i < kClerks; ++i)
    clerks.emplace_back([&, i] {
      Client c = kabid;
      const std::string target = "/api/v1/cases/" + own[static_cast<std::size_t>(i)] + "/events";
      Answers& a = answers[static_cast<std::size_t>(i)];
      c.extra = {{"Idempotency-Key", "shared"}};
      a.shared = c.post("/api/v1/cases/" + shared + "/events", {{"event", "tolak"}});
      a.wrong_event = c.post(target, {{"event", "terbang"}});
      c.extra = {{"Idempotency-Key", "own"}};
      a.fired = c.post(target, sahkan);
      c.extra = {{"Idempotency-Key", "own"}};
      a.repeated = c.post(target, sahkan);
    });
  for (auto& t : clerks) t.join();
  int first_of_shared = 0;
  for (const Answers& a : answers) {
    CHECK(a.wrong_event.status == 422);
    CHECK(a.wrong_event.json["error"]["code"] == "no_such_event");
    CHECK(a.fired.status == 200);
    CHECK(a.fired.json["to"] == "siap_diambil");
    CHECK(a.repeated.status == 200);
    CHECK(a.repeated.json["repeated"] == true);
    CHECK(a.shared.status == 200);
    if (a.shared.json["repeated"] == false) ++first_of_shared;
  }
  CHECK(first_of_shared == 1);  // one tolak happened; the seven others got its answer
  for (const std::string& id : own) CHECK(loket.get("/api/v1/cases/" + id + "/history").json["history"].size() == 2);
  CHECK(loket.get("/api/v1/cases/" + shared + "/history").json["history"].size() == 2);
}

TEST_CASE("an event without a session or without its CSRF token is refused before any commit") {
  Office office;
  auto loket = office.signed_in("loket");
  const std::string id = loket.post("/api/v1/cases", kLegalisir).json["id"];
  const std::string target = "/api/v1/cases/" + id + "/events";
  CHECK(office.client().post(target, {{"event", "tolak"}}).status == 401);
  Client no_token = loket;
  no_token.csrf.clear();
  const Reply forged = no_token.post(target, {{"event", "tolak"}});
  CHECK(forged.status == 403);
  CHECK(forged.json["error"]["code"] == "csrf_missing");
  CHECK(loket.post("/api/v1/cases/NOT-A-CASE/events", {{"event", "tolak"}}).status == 404);
  CHECK(loket.get("/api/v1/cases/" + id + "/history").json["history"].size() == 1);
}
