// Several engines (as several `izin serve` nodes) on one PostgreSQL schema,
// each with its own handle and its own case cache: an event on a case another
// node moved retries on fresh state, an idempotency key retried on another
// node returns the first answer, and nodes ticking at once fire each due
// deadline exactly once (the revision check lets one node win per case).
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "izin/izin.hpp"
#include "postgres_factory.hpp"

using namespace izin;
using namespace izin::testing;

namespace {

// A waiting state with an escalation after one working day and a move after two.
constexpr const char* kProcedure = R"(
procedure multi version 1 {
  title "Multi-node"
  legal "none: a test procedure"
  product "none"
  calendar belu
  sla 5 working days
  roles petugas
  data { putaran: integer }
  initial state a "A" {
    on maju by petugas -> b
    after 1 working days notify petugas "A menunggu"
    after 2 working days -> b
  }
  state b "B" {
    on balik by petugas -> a
    on selesai by petugas -> done
  }
  final state done "Done" outcome granted
}
)";

// The same without the escalation: only the revision check stands between two nodes and a double firing
// (with an escalation, the outbox's unique notification id would also refuse the second commit).
std::string quiet_procedure() {
  std::string text = kProcedure;
  text.replace(text.find("procedure multi"), 15, "procedure quiet");
  const auto notify = text.find("    after 1 working days notify");
  text.erase(notify, text.find('\n', notify) + 1 - notify);
  return text;
}

// The repository's calendars and the test procedures, compiled once.
struct Setup {
  CalendarSet calendars;
  ProcedurePtr procedure, quiet;
};

const Setup& setup() {
  static const Setup s = [] {
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(IZIN_SOURCE_DIR "/procedures/calendars"))
      if (f.path().extension() == ".yaml") files.push_back(f.path());
    Setup out{load_calendars(files), nullptr, nullptr};
    out.procedure = compile_procedure(kProcedure, "multi.izin", {}, &out.calendars).procedure;
    out.quiet = compile_procedure(quiet_procedure(), "quiet.izin", {}, &out.calendars).procedure;
    if (!out.procedure || !out.quiet) throw std::runtime_error("the test procedures do not compile");
    return out;
  }();
  return s;
}

// One node: its own connection, its own engine (and so its own case cache).
struct Node {
  Node(PostgresStoreFactory& db, const Clock& clock) : store(db.make()), engine(clock, *store) {
    for (const auto& cal : setup().calendars.calendars) engine.set_calendar(cal);
    engine.add_procedure(setup().procedure);
    engine.add_procedure(setup().quiet);
  }
  std::unique_ptr<Store> store;
  Engine engine;
};

const Actor kClerk{"ani", "petugas"};

// Monday 2026-03-16 09:00 WITA.
Instant monday() { return std::chrono::sys_days{std::chrono::year{2026} / 3 / 16} + std::chrono::hours{1}; }

std::string open_case(Node& node, const std::string& procedure = "multi") {
  const Outcome o = node.engine.open(OpenRequest{procedure, {{"putaran", Value(0)}}, {}, kClerk, ""});
  REQUIRE(o.accepted);
  return o.case_id;
}

std::size_t count_kind(const std::vector<JournalEntry>& journal, JournalEntry::Kind kind) {
  return static_cast<std::size_t>(
      std::count_if(journal.begin(), journal.end(), [&](const JournalEntry& e) { return e.kind == kind; }));
}

std::size_t count_records(const Case& c, RecordKind kind) {
  return static_cast<std::size_t>(std::count_if(c.history.begin(), c.history.end(),
                                                [&](const HistoryRecord& r) { return r.kind == kind; }));
}

}  // namespace

TEST_CASE("two engines: an event on a case the other node moved is applied on fresh state",
          "[postgres][nodes]") {
  PostgresStoreFactory db;
  FakeClock clock(monday());
  Node a(db, clock), b(db, clock);
  const std::string id = open_case(a);  // a caches the case in state a
  REQUIRE(b.engine.fire(id, EventRequest{"maju", kClerk, {}, {}, ""}).accepted);
  // Valid only in state b, which node a has not seen: its stale revision conflicts, it reloads and retries.
  const Outcome o = a.engine.fire(id, EventRequest{"selesai", kClerk, {}, {}, ""});
  CHECK(o.accepted);
  CHECK(o.to == "done");
  CHECK(a.store->journal(id).size() == 3);
  CHECK(b.engine.find(id) == a.engine.find(id));
  CHECK(a.engine.replay(id) == a.engine.find(id));
}

TEST_CASE("two engines: a key retried on the other node returns the first answer and journals once",
          "[postgres][nodes]") {
  PostgresStoreFactory db;
  FakeClock clock(monday());
  Node a(db, clock), b(db, clock);
  const std::string id = open_case(a);
  const Outcome first = a.engine.fire(id, EventRequest{"maju", kClerk, {}, {}, "k-1"});
  REQUIRE(first.accepted);
  const Outcome again = b.engine.fire(id, EventRequest{"maju", Actor{"budi", "petugas"}, {}, {}, "k-1"});
  CHECK(again.accepted);
  CHECK(again.repeated);
  CHECK(again.to == first.to);
  CHECK(a.store->journal(id).size() == 2);
  // Another request under the key on the other node is refused, not applied.
  const Outcome other = b.engine.fire(id, EventRequest{"selesai", kClerk, {}, {}, "k-1"});
  REQUIRE(other.refusal);
  CHECK(other.refusal->code == RefusalCode::KeyReused);
  CHECK(a.store->journal(id).size() == 2);
}

TEST_CASE("two engines racing one key on every case both answer it and journal it once",
          "[postgres][nodes]") {
  PostgresStoreFactory db;
  FakeClock clock(monday());
  std::vector<std::string> ids;
  {
    Node opener(db, clock);
    for (int i = 0; i < 30; ++i) ids.push_back(open_case(opener));
  }
  std::map<std::string, std::vector<Outcome>> answers;
  std::mutex answers_mutex;
  auto race = [&] {
    Node node(db, clock);
    for (const std::string& id : ids) {
      Outcome o = node.engine.fire(id, EventRequest{"maju", kClerk, {}, {}, "k-" + id});
      std::lock_guard lock(answers_mutex);
      answers[id].push_back(std::move(o));
    }
  };
  std::thread one(race), two(race);
  one.join();
  two.join();
  Node check(db, clock);
  for (const std::string& id : ids) {
    INFO(id);
    const auto& both = answers.at(id);
    REQUIRE(both.size() == 2);
    CHECK(both[0].accepted);
    CHECK(both[1].accepted);
    CHECK(both[0].to == "b");
    CHECK(both[1].to == "b");
    CHECK(both[0].repeated != both[1].repeated);  // one applied it, the other answered it again
    CHECK(count_kind(check.store->journal(id), JournalEntry::Kind::Fire) == 1);
  }
}

namespace {
// Opens 150 cases of `procedure`, moves the clock past their deadlines, lets three
// engines tick at once, and checks that each case advanced exactly once.
void tick_three_at_once(const std::string& procedure, bool escalates) {
  PostgresStoreFactory db;
  FakeClock clock(monday());
  std::vector<std::string> ids;
  {
    Node opener(db, clock);
    for (int i = 0; i < 150; ++i) ids.push_back(open_case(opener, procedure));
  }
  clock.set(monday() + std::chrono::hours{24 * 21});  // three weeks on (past the Lebaran holidays): both due
  std::atomic<std::size_t> advanced{0};
  std::atomic<int> ready{0};
  std::vector<std::unique_ptr<Node>> nodes;
  for (int i = 0; i < 3; ++i) nodes.push_back(std::make_unique<Node>(db, clock));
  auto tick = [&](Node& node) {
    ++ready;
    while (ready < 3) std::this_thread::yield();  // all three read the same due cases at once
    for (int round = 0; round < 3; ++round) advanced += node.engine.advance_to(clock.now()).size();
  };
  std::thread one(tick, std::ref(*nodes[0])), two(tick, std::ref(*nodes[1])),
      three(tick, std::ref(*nodes[2]));
  one.join();
  two.join();
  three.join();
  CHECK(advanced == ids.size());  // each case advanced by exactly one node
  Node check(db, clock);
  CHECK(check.store->due_cases(clock.now()).empty());
  for (const std::string& id : ids) {
    INFO(id);
    const auto c = check.engine.find(id);
    REQUIRE(c);
    CHECK(count_kind(check.store->journal(id), JournalEntry::Kind::Advance) == 1);
    CHECK(count_records(*c, RecordKind::Notification) == (escalates ? 1 : 0));
    CHECK(count_records(*c, RecordKind::Deadline) == 1);
    CHECK(check.engine.replay(id) == c);
  }
  // Each escalation is kept once in the outbox, under one id, for whichever node delivers it.
  CHECK(check.store->undelivered_notifications(1000).size() == (escalates ? ids.size() : 0));
}
}  // namespace

TEST_CASE("three engines ticking at once fire each due deadline exactly once whether claimed or raced",
          "[postgres][nodes]") {
  tick_three_at_once("quiet", false);
}

TEST_CASE("three engines ticking at once keep each escalation once in the outbox", "[postgres][nodes]") {
  tick_three_at_once("multi", true);
}

TEST_CASE("two handles see one outbox: a notification delivered by one node is no longer due on the other",
          "[postgres][nodes]") {
  PostgresStoreFactory db;
  FakeClock clock(monday());
  Node a(db, clock), b(db, clock);
  const std::string id = open_case(a);
  clock.set(monday() + std::chrono::hours{24 * 21});
  REQUIRE(a.engine.advance_to(clock.now()).size() == 1);
  const auto due_on_b = b.store->due_notifications(clock.now(), 10);
  REQUIRE(due_on_b.size() == 1);
  const std::string note = due_on_b.front().notification.id;
  CHECK(!note.empty());
  CHECK(a.store->due_notifications(clock.now(), 10).front().notification.id ==
        note);  // same id on every node
  b.store->record_deliveries({DeliveryAttempt{note, clock.now(), true, "", clock.now()}});
  CHECK(a.store->due_notifications(clock.now(), 10).empty());
  CHECK(a.store->find_notification(note)->delivered_at.has_value());
}
