// GET /api/v1/changes: a page of the change feed, a long-poll that waits
// without holding the engine, Server-Sent Events, and shutdown while waiting.
#include <catch2/catch.hpp>

#include <future>
#include <thread>

#include "office.hpp"

using serve_test::Office;
using Clock = std::chrono::steady_clock;

namespace {
using serve_test::kLegalisir;

std::string open_case(serve_test::Client& c) {
  const auto r = c.post("/api/v1/cases", kLegalisir);
  REQUIRE(r.status == 201);
  return r.json["id"];
}
}  // namespace

TEST_CASE("the feed pages through committed changes by sequence, bad numbers are 400, no caller 401") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto first = open_case(loket), second = open_case(loket);
  const auto page = loket.get("/api/v1/changes?since=0&limit=1").json;
  REQUIRE(page["changes"].size() == 1);
  CHECK(page["changes"][0]["case"] == first);
  CHECK(page["changes"][0]["kind"] == "open");
  CHECK(page["changes"][0]["revision"] == 1);
  const auto rest = loket.get("/api/v1/changes?since=" + page["next"].dump()).json;
  REQUIRE(rest["changes"].size() == 1);
  CHECK(rest["changes"][0]["case"] == second);
  CHECK(rest["changes"][0]["sequence"].get<int>() > page["changes"][0]["sequence"].get<int>());
  const auto end = loket.get("/api/v1/changes?since=" + rest["next"].dump()).json;
  CHECK(end["changes"].empty());
  CHECK(end["next"] == rest["next"]);
  CHECK(loket.get("/api/v1/changes?since=-1").status == 400);
  CHECK(loket.get("/api/v1/changes?limit=0").status == 400);
  CHECK(loket.get("/api/v1/changes?wait=26").status == 400);
  CHECK(office.client().get("/api/v1/changes").status == 401);
}

TEST_CASE("a long-poll answers when a change is committed, and other requests are served while it waits") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto before = open_case(loket);
  const auto since = loket.get("/api/v1/changes").json["next"].dump();
  const auto started = Clock::now();
  auto api = office.signed_in("kabid");
  auto waiting = std::async(std::launch::async, [api, since]() mutable {
    return api.get("/api/v1/changes?wait=20&since=" + since);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // The engine is free while the long-poll waits: a read answers at once.
  const auto read_started = Clock::now();
  CHECK(loket.get("/api/v1/cases/" + before).status == 200);
  CHECK(Clock::now() - read_started < std::chrono::seconds(1));
  CHECK(waiting.wait_for(std::chrono::milliseconds(0)) == std::future_status::timeout);
  const auto after = open_case(loket);
  REQUIRE(waiting.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  const auto answer = waiting.get();
  CHECK(answer.status == 200);
  REQUIRE(answer.json["changes"].size() == 1);
  CHECK(answer.json["changes"][0]["case"] == after);
  CHECK(Clock::now() - started < std::chrono::seconds(10));
}

TEST_CASE("a long-poll with nothing new answers an empty list when the wait is over") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto started = Clock::now();
  const auto r = loket.get("/api/v1/changes?wait=1");
  const auto took = Clock::now() - started;
  CHECK(r.status == 200);
  CHECK(r.json["changes"].empty());
  CHECK(took >= std::chrono::milliseconds(900));
  CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("Server-Sent Events: one event per change with its sequence as id, resumed from Last-Event-ID") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto first = open_case(loket), second = open_case(loket);
  const auto all = loket.get("/api/v1/changes").json["changes"];
  loket.extra = {{"Accept", "text/event-stream"}};
  auto stream = loket.get("/api/v1/changes");
  CHECK(stream.headers["Content-Type"].starts_with("text/event-stream"));
  CHECK(stream.body.find("id: " + all[0]["sequence"].dump() + "\nevent: change\ndata: ") != std::string::npos);
  CHECK(stream.body.find("retry: ") == 0);
  loket.extra = {{"Accept", "text/event-stream"}, {"Last-Event-ID", all[0]["sequence"].dump()}};
  const auto resumed = loket.get("/api/v1/changes");
  CHECK(resumed.body.find("\"case\":\"" + first + "\"") == std::string::npos);
  CHECK(resumed.body.find("\"case\":\"" + second + "\"") != std::string::npos);
}

TEST_CASE("an event stream with nothing new sends a heartbeat comment, stopping the service answers it at once") {
  Office office;
  auto loket = office.signed_in("loket");
  const auto since = loket.get("/api/v1/changes").json["next"].dump();
  auto api = office.signed_in("kabid");
  api.extra = {{"Accept", "text/event-stream"}};
  auto waiting = std::async(std::launch::async, [api, since]() mutable {
    return api.get("/api/v1/changes?since=" + since);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const auto started = Clock::now();
  office.server->stop();
  CHECK(Clock::now() - started < std::chrono::seconds(3));  // did not wait out the 25 s
  REQUIRE(waiting.wait_for(std::chrono::seconds(3)) == std::future_status::ready);
  const auto answer = waiting.get();
  CHECK(answer.status == 200);
  CHECK(answer.body.find(": heartbeat\n") != std::string::npos);
}
