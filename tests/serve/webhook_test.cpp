// Notification delivery to a webhook: each notification POSTed once with a
// verifiable HMAC signature, retried after failures with backoff, and kept
// in the outbox across a restart until a receiver takes it.
#include <catch2/catch.hpp>

#include <map>

#include "izin/sqlite_store.hpp"
#include "izin/izin.hpp"
#include "office.hpp"
#include "secrets.hpp"
#include "webhook_post.hpp"
#include "webhook_receiver.hpp"

namespace {

using namespace std::chrono_literals;
using serve_test::Received;
using serve_test::Receiver;

// A database with escalations waiting in the outbox: cases opened two days ago, deadlines fired since.
std::vector<std::string> outbox_with_notifications(const std::string& db) {
  auto store = izin::open_sqlite_store(db);
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  izin::FakeClock clock(now - std::chrono::hours(48));
  izin::Engine engine(clock, *store);
  izin::reload(engine, store.get(), std::string(IZIN_SOURCE_DIR) + "/procedures");
  izin::OpenRequest r;
  r.procedure = "legalisir";
  r.actor = {"loket", "front_office"};
  r.data = {{"jumlah_lembar", izin::Value(2)}};
  const auto opened = engine.open(r);
  INFO((opened.refusal ? opened.refusal->message : std::string("opened")));
  REQUIRE(!opened.refusal);
  clock.set(now - std::chrono::minutes(1));
  engine.advance_to(clock.now());
  std::vector<std::string> ids;
  for (const auto& n : engine.undelivered_notifications()) ids.push_back(n.notification.id);
  return ids;
}

izin::server::ServerOptions service(const std::string& db, std::uint16_t receiver) {
  izin::server::ServerOptions o;
  o.port = 0;
  o.db = db;
  o.procedures = std::string(IZIN_SOURCE_DIR) + "/procedures";
  o.webhook = "http://127.0.0.1:" + std::to_string(receiver) + "/izin/hook";
  o.webhook_secret = "rahasia-webhook";
  o.webhook_interval = 100ms;
  o.webhook_retry = 1s;
  o.webhook_timeout = 2s;
  return o;
}

// Waits up to `limit` for `done`.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit = 15s) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

std::size_t undelivered(const std::string& db) { return izin::open_sqlite_store(db)->undelivered_notifications(100).size(); }

}  // namespace

TEST_CASE("the signature is HMAC-SHA256 of the body under the secret (RFC 4231 case 2)") {
  CHECK(izin::server::hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(izin::server::webhook_signature("Jefe", "what do ya want for nothing?").starts_with("sha256=5bdcc146"));
}

TEST_CASE("a webhook URL must be http:// with a host and a port number") {
  using izin::server::parse_webhook_url;
  const auto t = parse_webhook_url("http://10.0.0.5:9000/hook?x=1");
  CHECK(t.host == "10.0.0.5");
  CHECK(t.port == 9000);
  CHECK(t.path == "/hook?x=1");
  CHECK(parse_webhook_url("http://sistem.local").path == "/");
  CHECK(parse_webhook_url("http://sistem.local").port == 80);
  CHECK_THROWS_WITH(parse_webhook_url("https://sistem.local/"), Catch::Contains("http://"));
  CHECK_THROWS_WITH(parse_webhook_url("http://sistem.local:http/"), Catch::Contains("port"));
  CHECK_THROWS_WITH(parse_webhook_url("http:///hook"), Catch::Contains("no host"));
}

TEST_CASE("each notification is POSTed once, signed, and marked delivered in the outbox") {
  serve_test::TempDir dir;
  const auto db = (dir.path / "izin.db").string();
  const auto ids = outbox_with_notifications(db);
  REQUIRE(!ids.empty());
  Receiver receiver([](const Received&) { return 200u; });
  izin::server::Server server(service(db, receiver.port()));
  server.start();
  REQUIRE(eventually([&] { return receiver.got().size() >= ids.size(); }));
  std::this_thread::sleep_for(1500ms);  // several more looks at the outbox: nothing is sent again
  server.stop();
  const auto got = receiver.got();
  CHECK(got.size() == ids.size());
  for (const auto& id : ids) CHECK(receiver.count(id) == 1);
  for (const auto& r : got) {
    CHECK(r.signature == "sha256=" + izin::server::hmac_sha256_hex("rahasia-webhook", r.body));
    const auto body = nlohmann::json::parse(r.body);
    CHECK(body["id"] == r.id);
    CHECK(body["role"] == "kepala_bidang");
    CHECK(r.id.starts_with(body["case"].get<std::string>() + "/"));  // the delivery id is "<case>/<record>"
  }
  CHECK(undelivered(db) == 0);
}

TEST_CASE("a receiver that fails twice gets the notification on the third try") {
  serve_test::TempDir dir;
  const auto db = (dir.path / "izin.db").string();
  const auto ids = outbox_with_notifications(db);
  REQUIRE(!ids.empty());
  std::mutex mutex;
  std::map<std::string, int> tries;
  Receiver receiver([&](const Received& r) {
    std::lock_guard lock(mutex);
    return ++tries[r.id] <= 2 ? 500u : 200u;
  });
  izin::server::Server server(service(db, receiver.port()));
  server.start();
  REQUIRE(eventually([&] { return receiver.count(ids.front()) >= 3; }));
  std::this_thread::sleep_for(2500ms);  // past the next backoff: delivered, so no fourth try
  server.stop();
  for (const auto& id : ids) CHECK(receiver.count(id) == 3);
  CHECK(undelivered(db) == 0);
}

TEST_CASE("undelivered notifications survive a restart and go out once a receiver takes them") {
  serve_test::TempDir dir;
  const auto db = (dir.path / "izin.db").string();
  const auto ids = outbox_with_notifications(db);
  REQUIRE(!ids.empty());
  {
    Receiver down([](const Received&) { return 503u; });
    izin::server::Server server(service(db, down.port()));
    server.start();
    REQUIRE(eventually([&] { return down.got().size() >= ids.size(); }));
    server.stop();
  }
  const auto kept = izin::open_sqlite_store(db)->undelivered_notifications(100);
  REQUIRE(kept.size() == ids.size());
  CHECK(kept.front().attempts >= 1);
  CHECK(kept.front().last_error.find("503") != std::string::npos);
  Receiver up([](const Received&) { return 200u; });
  izin::server::Server again(service(db, up.port()));
  again.start();
  REQUIRE(eventually([&] { return up.got().size() >= ids.size(); }));
  again.stop();
  for (const auto& id : ids) CHECK(up.count(id) == 1);
  CHECK(undelivered(db) == 0);
}
