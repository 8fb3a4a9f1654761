// The notification outbox seen from the engine: a failing sink never loses
// or repeats a notification, retries back off, a fresh engine delivers what
// a dead one committed, and subscribers hear each committed change once.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <set>
#include <stdexcept>

#include "engine_fixture.hpp"
#include "izin/sqlite_store.hpp"

using namespace izin;
using namespace izin::test;

namespace {
// `lapor`: waiting in `tunggu` escalates three times (1, 2 and 3 hours), and `tutup` ends it.
std::shared_ptr<Procedure> make_escalating() {
  auto p = std::make_shared<Procedure>();
  p->id = "lapor";
  p->version = 1;
  p->calendar = "belu";
  p->roles = {Role{"kepala", {}}};
  for (const char* s : {"tunggu", "selesai"}) p->states.push_back(State{s, "", false, false, "", false, {}, {}, {}});
  p->states[0].initial = true;
  p->initial_state = 0;
  p->states[1].final = true;
  p->states[1].outcome = "granted";
  p->states[0].transitions = {on(*p, "tutup", {"kepala"}, "selesai")};
  const auto h = DurationUnit::Hours;
  p->states[0].deadlines = {notify(*p, 1, h, "kepala", "satu"), notify(*p, 2, h, "kepala", "dua"),
                            notify(*p, 3, h, "kepala", "tiga")};
  return p;
}

// A sink that throws for its next `failures` calls, then takes everything.
struct FlakySink : NotificationSink {
  int failures = 0;
  std::vector<Notification> sent;
  void notify(const Notification& n) override {
    if (failures > 0) {
      --failures;
      throw std::runtime_error("gateway down");
    }
    sent.push_back(n);
  }
};

// An engine with `lapor` and belu over the given store.
struct World {
  FakeClock clock{wita("2026-04-06T09:00")};  // a Monday
  std::unique_ptr<Store> store;
  Engine engine;
  FlakySink sink;

  explicit World(std::unique_ptr<Store> s, bool with_sink = true) : store(std::move(s)), engine(clock, *store) {
    if (with_sink) engine.set_notification_sink(&sink);
    engine.set_calendar(belu());
    engine.add_procedure(make_escalating());
  }
  std::string open() {
    const Outcome o = engine.open(OpenRequest{"lapor", {}, {}, Actor{"ani", "kepala"}, ""});
    REQUIRE(o.accepted);
    return o.case_id;
  }
  // Moves the clock to `local` (WITA) and fires what is due.
  std::vector<Outcome> advance(const std::string& local) {
    clock.set(wita(local));
    return engine.advance_to(clock.now());
  }
};

// The delivery ids of notifications.
std::multiset<std::string> ids(const std::vector<Notification>& notes) {
  std::multiset<std::string> out;
  for (const auto& n : notes) out.insert(n.id);
  return out;
}

// A fresh SQLite file path, removed with its directory when the object dies.
struct TempFile {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("izin-outbox-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
  TempFile() { std::filesystem::create_directories(dir); }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string path() const { return (dir / "izin.db").string(); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};
}  // namespace

TEST_CASE("a sink that throws on the first of three: nothing thrown, nothing lost, none delivered twice",
          "[outbox]") {
  World w(make_memory_store());
  const std::string id = w.open();
  w.sink.failures = 1;
  std::vector<Outcome> outcomes;
  REQUIRE_NOTHROW(outcomes = w.advance("2026-04-06T13:00"));
  REQUIRE(outcomes.size() == 1);
  const std::vector<Notification> raised = outcomes[0].notifications;
  REQUIRE(raised.size() == 3);
  CHECK(w.engine.find(id)->history.size() == 4);  // the advance is committed
  CHECK(w.sink.sent == std::vector<Notification>{raised[1], raised[2]});
  // The first waits, with its error, for a try one minute later.
  const auto waiting = w.engine.undelivered_notifications();
  REQUIRE(waiting.size() == 1);
  CHECK(waiting[0] == OutboxNotification{raised[0], 1, "gateway down", w.clock.now() + std::chrono::minutes{1}, std::nullopt});
  CHECK(w.engine.deliver_notifications().empty());  // not due yet
  w.clock.set(w.clock.now() + std::chrono::seconds{59});
  CHECK(w.engine.deliver_notifications().empty());
  w.clock.set(w.clock.now() + std::chrono::seconds{1});
  const auto tries = w.engine.deliver_notifications();
  CHECK(tries == std::vector<DeliveryAttempt>{DeliveryAttempt{raised[0].id, w.clock.now(), true, "", w.clock.now()}});
  CHECK(ids(w.sink.sent) == ids(raised));
  CHECK(w.engine.undelivered_notifications().empty());
  CHECK(w.store->find_notification(raised[0].id)->delivered_at == w.clock.now());
  CHECK(w.store->find_notification(raised[1].id)->delivered_at == wita("2026-04-06T13:00"));
  // Later rounds hand over nothing again.
  w.clock.set(w.clock.now() + std::chrono::hours{5});
  CHECK(w.engine.deliver_notifications().empty());
  CHECK(w.sink.sent.size() == 3);
}

TEST_CASE("a sink that throws while an event is fired does not refuse or undo the event", "[outbox]") {
  World w(make_memory_store());
  const std::string id = w.open();
  w.sink.failures = 2;
  w.clock.set(wita("2026-04-06T11:30"));
  Outcome o;
  REQUIRE_NOTHROW(o = w.engine.fire(id, EventRequest{"tutup", Actor{"budi", "kepala"}, {}, {}, ""}));
  CHECK(o.accepted);
  CHECK(o.notifications.size() == 2);  // 10:00 and 11:00 fell due before the event
  CHECK(w.engine.find(id)->closed);
  CHECK(w.sink.sent.empty());
  CHECK(w.engine.undelivered_notifications().size() == 2);
  w.clock.set(wita("2026-04-06T11:31"));
  CHECK(w.engine.deliver_notifications().size() == 2);
  CHECK(ids(w.sink.sent) == ids(o.notifications));
}

TEST_CASE("failed tries back off from one minute, doubling, to at most an hour", "[outbox]") {
  World w(make_memory_store());
  w.open();
  w.sink.failures = 1000;
  const auto outcomes = w.advance("2026-04-06T10:30");
  REQUIRE(outcomes.at(0).notifications.size() == 1);
  const std::string id = outcomes[0].notifications[0].id;
  std::vector<long> waits;  // minutes from each try to the next
  for (int i = 0; i < 9; ++i) {
    const auto kept = w.store->find_notification(id);
    REQUIRE(kept);
    CHECK(kept->attempts == static_cast<std::uint32_t>(i + 1));
    waits.push_back(std::chrono::duration_cast<std::chrono::minutes>(kept->next_attempt - w.clock.now()).count());
    w.clock.set(kept->next_attempt);
    CHECK(w.engine.deliver_notifications().size() == 1);
  }
  CHECK(waits == std::vector<long>{1, 2, 4, 8, 16, 32, 60, 60, 60});
  w.sink.failures = 0;
  w.clock.set(w.store->find_notification(id)->next_attempt);
  CHECK(w.engine.deliver_notifications().at(0).delivered);
  CHECK(w.sink.sent.size() == 1);
}

TEST_CASE("without a sink notifications wait in the outbox, deliver_notifications tries nothing", "[outbox]") {
  World w(make_memory_store(), false);
  w.open();
  const auto outcomes = w.advance("2026-04-06T13:00");
  CHECK(w.engine.undelivered_notifications().size() == 3);
  CHECK(w.engine.undelivered_notifications(2).size() == 2);
  CHECK(w.engine.deliver_notifications().empty());
  w.engine.set_notification_sink(&w.sink);
  CHECK(w.engine.deliver_notifications(2).size() == 2);
  CHECK(w.engine.deliver_notifications().size() == 1);
  CHECK(w.sink.sent == outcomes.at(0).notifications);  // earliest due first
}

TEST_CASE("a process that dies between commit and delivery loses nothing: a fresh engine delivers", "[outbox]") {
  TempFile file;
  std::vector<Notification> raised;
  {
    // Dies before delivering: the advance is committed, no sink ever saw its notifications.
    World dying(open_sqlite_store(file.path()), false);
    dying.open();
    raised = dying.advance("2026-04-06T13:00").at(0).notifications;
    REQUIRE(raised.size() == 3);
  }
  World fresh(open_sqlite_store(file.path()));
  fresh.clock.set(wita("2026-04-06T13:05"));
  CHECK(fresh.engine.undelivered_notifications().size() == 3);
  CHECK(fresh.engine.deliver_notifications().size() == 3);
  CHECK(fresh.sink.sent == raised);
  World later(open_sqlite_store(file.path()));
  later.clock.set(wita("2026-04-07T13:05"));
  CHECK(later.engine.deliver_notifications().empty());
  CHECK(later.sink.sent.empty());
}

TEST_CASE("delivery ids are the case id and the notification's history record, unique across cases", "[outbox]") {
  World w(make_memory_store());
  const std::string a = w.open(), b = w.open();
  w.advance("2026-04-06T13:00");
  REQUIRE(w.sink.sent.size() == 6);
  CHECK(ids(w.sink.sent).size() == 6);
  std::set<std::string> distinct;
  for (const auto& n : w.sink.sent) {
    distinct.insert(n.id);
    const Case c = *w.engine.find(n.case_id);
    const auto slash = n.id.rfind('/');
    REQUIRE(slash != std::string::npos);
    CHECK(n.id.substr(0, slash) == n.case_id);
    const HistoryRecord& r = c.history.at(std::stoul(n.id.substr(slash + 1)) - 1);
    CHECK(r.kind == RecordKind::Notification);
    CHECK(r.note == n.message);
  }
  CHECK(distinct.size() == 6);
  CHECK(w.engine.replay(a) == w.engine.find(a));
  CHECK(w.engine.replay(b) == w.engine.find(b));
}

TEST_CASE("subscribers hear each committed change once, in commit order, one that throws hides nothing",
          "[outbox]") {
  World w(make_memory_store());
  std::vector<Change> heard;
  int thrown = 0;
  w.engine.subscribe([&](const Change&) {
    ++thrown;
    throw std::runtime_error("subscriber broke");
  });
  const std::size_t listening = w.engine.subscribe([&](const Change& c) { heard.push_back(c); });
  const std::string a = w.open(), b = w.open();
  w.clock.set(wita("2026-04-06T09:30"));
  const Outcome refused = w.engine.fire(a, EventRequest{"buka", Actor{"budi", "kepala"}, {}, {}, ""});
  CHECK_FALSE(refused.accepted);  // journaled, but no change
  const Outcome closed = w.engine.fire(b, EventRequest{"tutup", Actor{"budi", "kepala"}, {}, {}, ""});
  CHECK(closed.accepted);
  CHECK(w.engine.find(b)->closed);
  w.advance("2026-04-06T10:30");
  const auto feed = w.store->changes_since(0, 100);
  CHECK(heard == feed);
  REQUIRE(heard.size() == 4);
  CHECK(heard[0].case_id == a);
  CHECK(heard[1].case_id == b);
  CHECK(heard[2].case_id == b);
  CHECK(heard[2].kind == JournalEntry::Kind::Fire);
  CHECK(heard[3].case_id == a);
  CHECK(heard[3].kind == JournalEntry::Kind::Advance);
  CHECK(heard[3].revision == 2);
  CHECK(thrown == 4);
  w.engine.unsubscribe(listening);
  w.advance("2026-04-06T11:30");
  CHECK(heard.size() == 4);
  CHECK(thrown == 5);
}

TEST_CASE("a subscriber that commits again is heard after the change it was told about", "[outbox]") {
  World w(make_memory_store());
  std::vector<std::string> order;
  w.engine.subscribe([&](const Change& c) {
    order.push_back(c.case_id + "@" + std::to_string(c.revision));
    if (c.kind == JournalEntry::Kind::Open) w.engine.fire(c.case_id, EventRequest{"tutup", Actor{"x", "kepala"}, {}, {}, ""});
  });
  std::vector<std::string> second;
  w.engine.subscribe([&](const Change& c) { second.push_back(c.case_id + "@" + std::to_string(c.revision)); });
  const std::string a = w.open();
  CHECK(order == std::vector<std::string>{a + "@1", a + "@2"});
  CHECK(second == order);
}

TEST_CASE("a subscriber that fires while a fire is being announced leaves that fire's outcome whole", "[outbox]") {
  World w(make_memory_store());
  const std::string a = w.open(), b = w.open();
  std::vector<Outcome> inner;
  w.engine.subscribe([&](const Change& c) {
    if (c.case_id == a && c.kind == JournalEntry::Kind::Fire)
      inner.push_back(w.engine.fire(b, EventRequest{"tutup", Actor{"x", "kepala"}, {}, {}, ""}));
  });
  const Outcome outer = w.engine.fire(a, EventRequest{"tutup", Actor{"budi", "kepala"}, {}, {}, ""});
  CHECK(outer.accepted);
  CHECK(outer.case_id == a);
  REQUIRE(outer.records.size() == 1);
  CHECK(outer.records[0].actor.user == "budi");
  REQUIRE(inner.size() == 1);
  CHECK(inner[0].accepted);
  CHECK(inner[0].case_id == b);
  CHECK(inner[0].records.at(0).actor.user == "x");
  CHECK(w.engine.find(a)->closed);
  CHECK(w.engine.find(b)->closed);
}
