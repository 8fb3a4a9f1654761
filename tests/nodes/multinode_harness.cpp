// Several `izin serve` nodes on one PostgreSQL (a throw-away cluster of its
// own, so it can be stopped mid-load), clients firing events with
// idempotency keys at every node in turn.
//
// Test (default): three nodes; one node is SIGKILLed and started again, then
// PostgreSQL is stopped and started again, all under load. Afterwards every
// acknowledged event is in the journal exactly once (and no other event is),
// every case replays to its stored state, and every due deadline fired
// exactly once. During the outage the nodes answered 503 store_unavailable.
// Every escalation the deadlines raised reached the webhook at least once,
// whichever node delivered it (repeats carry the same delivery id).
//
// Bench (--bench): N nodes (or one node on SQLite with --sqlite), no faults;
// prints the durable (acknowledged) events per second.
#include <sys/resource.h>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "izin/izin.hpp"
#include "node_process.hpp"
#include "office.hpp"
#include "webhook_receiver.hpp"

namespace {

using namespace izin;
using steady = std::chrono::steady_clock;
using serve_test::Reply;

// A waiting state that moves on by itself after two working days.
constexpr const char* kProcedure = R"(procedure multi version 1 {
  title "Multi-node"
  legal "none: a test procedure"
  product "none"
  calendar belu
  sla 5 working days
  roles petugas
  data { putaran: integer }
  initial state a "A" {
    on maju by petugas -> b
    after 1 working day notify petugas "Berkas menunggu"
    after 2 working days -> b
  }
  state b "B" {
    on balik by petugas -> a
    on selesai by petugas -> done
  }
  final state done "Done" outcome granted
}
)";

struct Settings {
  std::string izin;    // the izin program
  std::string source;  // the repository (scripts/pg.sh, procedures/calendars)
  int nodes = 3;
  int lanes = 6;
  int seconds = 20;  // load time (bench); the test's phases take about as long
  bool bench = false;
  bool sqlite = false;  // bench one node on an SQLite file instead
};

void sleep_ms(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// The run's own PostgreSQL cluster: scripts/pg.sh with a private state file.
class Cluster {
 public:
  Cluster(const Settings& s, const std::filesystem::path& dir) : script_(s.source + "/scripts/pg.sh") {
    ::setenv("IZIN_PG_STATE", (dir / "pg.state").c_str(), 1);
    url = run("start");
  }
  ~Cluster() {
    try {
      run("stop");
    } catch (const std::exception& e) {
      std::cerr << "multinode: " << e.what() << "\n";
    }
  }
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  // Runs pg.sh COMMAND; its output without the line end. Throws when it fails.
  std::string run(const std::string& command) {
    FILE* out = ::popen(("bash '" + script_ + "' " + command).c_str(), "r");
    if (!out) throw std::runtime_error("cannot run " + script_);
    std::string text;
    char buf[256];
    while (std::fgets(buf, sizeof buf, out)) text += buf;
    if (::pclose(out) != 0) throw std::runtime_error("scripts/pg.sh " + command + " failed");
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }
  std::string url;

 private:
  std::string script_;
};

// What the lanes and the conductor share.
struct Shared {
  std::mutex mutex;
  std::vector<std::uint16_t> ports;                      // 0 while a node is down
  std::map<std::string, std::vector<std::string>> keys;  // case → its acknowledged keys
  std::vector<std::string> problems;
  std::string token;
  std::atomic<bool> halt{false};
  std::atomic<int> acknowledged{0}, unavailable{0}, conflicts{0}, unreachable{0}, repeats{0};

  std::uint16_t port(int turn) {
    std::lock_guard lock(mutex);
    return ports[static_cast<std::size_t>(turn) % ports.size()];
  }
  void problem(const std::string& what) {
    std::lock_guard lock(mutex);
    problems.push_back(what);
  }
};

// Posts the event until a node acknowledges it (200), trying the nodes in turn; nullopt after a problem.
std::optional<Reply> send(Shared& s, const std::string& id, const std::string& event, const std::string& key,
                          int turn) {
  const auto give_up = steady::now() + std::chrono::seconds(60);
  for (; steady::now() < give_up; ++turn) {
    const std::uint16_t port = s.port(turn);
    if (port == 0) continue;
    try {
      serve_test::Client c{port, "", "", s.token, "", {{"Idempotency-Key", key}}};
      Reply r = c.post("/api/v1/cases/" + id + "/events", {{"event", event}});
      if (r.status == 200) return r;
      const std::string code = r.json.is_object() ? r.json["error"].value("code", "") : "";
      if (r.status == 503 && code == "store_unavailable") {
        ++s.unavailable;
        sleep_ms(50);
      } else if (r.status == 409 && code == "conflict") {
        ++s.conflicts;
      } else {
        s.problem(id + " " + event + " " + key + ": answered " + std::to_string(r.status) + " " + r.body);
        return std::nullopt;
      }
    } catch (const std::exception&) {
      ++s.unreachable;  // the node was killed, or is starting again
      sleep_ms(20);
    }
  }
  s.problem(id + " " + event + " " + key + ": not acknowledged within 60 s");
  return std::nullopt;
}

// One client: moves its own cases a → b → a … with a fresh key per event,
// now and then sending an acknowledged key again to another node.
void lane(Shared& s, int which, const std::vector<std::string>& cases, bool resend) {
  std::vector<std::string> state(cases.size(), "a");
  std::mt19937 rng(static_cast<unsigned>(which));
  for (int n = 0; !s.halt; ++n) {
    const std::size_t i = static_cast<std::size_t>(n) % cases.size();
    const std::string event = state[i] == "a" ? "maju" : "balik";
    const std::string key = "L" + std::to_string(which) + "-" + std::to_string(n);
    const auto r = send(s, cases[i], event, key, which + n);
    if (!r) return;
    state[i] = r->json.value("to", "");
    ++s.acknowledged;
    {
      std::lock_guard lock(s.mutex);
      s.keys[cases[i]].push_back(key);
    }
    if (!resend || rng() % 8 != 0) continue;
    const auto again = send(s, cases[i], event, key, which + n + 1);
    if (!again) return;
    if (!again->json.value("repeated", false) || again->json.value("to", "") != state[i])
      s.problem(cases[i] + " " + key + ": sent again, answered " + again->body);
    ++s.repeats;
  }
}

// A procedures directory with the harness procedure and the repository's calendars.
std::string make_procedures(const Settings& s, const std::filesystem::path& dir) {
  const auto procedures = dir / "procedures";
  std::filesystem::create_directories(procedures);
  std::filesystem::copy(s.source + "/procedures/calendars", procedures / "calendars");
  std::ofstream(procedures / "multi.izin") << kProcedure;
  return procedures.string();
}

// Opens `n` cases as of `at` (in the past: their deadline is due now).
std::vector<std::string> open_cases(const std::string& db, const std::string& procedures, int n, Instant at) {
  auto store = open_store(db);
  FakeClock clock(at);
  Engine engine(clock, *store);
  reload(engine, store.get(), procedures);
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    const Outcome o =
        engine.open(OpenRequest{"multi", {{"putaran", Value(0)}}, {}, {"loket", "petugas"}, ""});
    if (!o.accepted) throw std::runtime_error("the harness could not open a case");
    ids.push_back(o.case_id);
  }
  return ids;
}

// The accounts file every node shares, with one clerk; returns the clerk's API token.
std::string make_account(const std::string& accounts) {
  open_sqlite_store(accounts).reset();  // an izin database first, as `izin user` makes it
  auto users = server::open_sqlite_user_store(accounts);
  users->add("petugas", {"petugas"}, "rahasia-petugas");
  return users->issue_token("petugas");
}

// The nodes of the run.
struct Nodes {
  Nodes(const Settings& s, std::filesystem::path dir, std::string db, std::string accounts,
        std::string procedures, std::uint16_t webhook = 0)
      : s_(s), dir_(std::move(dir)), args_{"--db",         std::move(db),
                                           "--accounts",   std::move(accounts),
                                           "--procedures", std::move(procedures)} {
    if (webhook) args_.insert(args_.end(), {"--webhook", "http://127.0.0.1:" + std::to_string(webhook) + "/hook"});
  }
  // Starts node `i` (again) and publishes its port.
  void start(Shared& shared, std::size_t i) {
    const std::string log =
        (dir_ / ("node" + std::to_string(i) + "-" + std::to_string(starts_++) + ".log")).string();
    auto node = std::make_unique<nodes::NodeProcess>(s_.izin, args_, log);
    std::lock_guard lock(shared.mutex);
    if (shared.ports.size() <= i) shared.ports.resize(i + 1, 0);
    shared.ports[i] = node->port();
    if (running.size() <= i) running.resize(i + 1);
    running[i] = std::move(node);
  }
  // SIGKILLs node `i`; clients find it gone.
  int kill(Shared& shared, std::size_t i) {
    {
      std::lock_guard lock(shared.mutex);
      shared.ports[i] = 0;
    }
    return running[i]->stop(SIGKILL);
  }
  std::vector<std::unique_ptr<nodes::NodeProcess>> running;

 private:
  const Settings& s_;
  std::filesystem::path dir_;
  std::vector<std::string> args_;
  int starts_ = 0;
};

// How many journal entries of the case are of `kind`.
std::size_t count_kind(const std::vector<JournalEntry>& journal, JournalEntry::Kind kind) {
  return static_cast<std::size_t>(
      std::count_if(journal.begin(), journal.end(), [&](const JournalEntry& e) { return e.kind == kind; }));
}

// Every escalation of the due cases (delivery id "<case>/<record>") reached the webhook at least once.
int verify_delivered(const Case& c, serve_test::Receiver& webhook, int& repeats) {
  int failures = 0;
  for (const HistoryRecord& r : c.history) {
    if (r.kind != RecordKind::Notification) continue;
    const std::size_t got = webhook.count(c.id + "/" + std::to_string(r.sequence));
    if (got == 0) failures += (std::cerr << "FAIL: " << c.id << ": escalation " << r.sequence << " never delivered\n", 1);
    repeats += got > 1 ? static_cast<int>(got - 1) : 0;
  }
  return failures;
}

// Checks the database after the load; returns the failures, each printed.
int verify(const std::string& db, const std::string& procedures, Shared& s,
           const std::vector<std::string>& worked, const std::vector<std::string>& due,
           serve_test::Receiver& webhook, int& delivered_again) {
  auto store = open_store(db);
  SystemClock clock;
  Engine engine(clock, *store);
  reload(engine, store.get(), procedures);
  int failures = 0;
  auto fail = [&](const std::string& what) {
    std::cerr << "FAIL: " << what << "\n";
    ++failures;
  };
  for (const std::string& id : worked) {
    const auto journal = store->journal(id);
    const auto& keys = s.keys[id];
    // Every acknowledged key once; nothing else fired (every key sent was acknowledged in the end).
    for (const std::string& key : keys) {
      const auto n = std::count_if(journal.begin(), journal.end(),
                                   [&](const JournalEntry& e) { return e.key == key && e.accepted; });
      if (n != 1) fail(id + ": key " + key + " journaled " + std::to_string(n) + " times");
    }
    if (count_kind(journal, JournalEntry::Kind::Fire) != keys.size())
      fail(id + ": " + std::to_string(count_kind(journal, JournalEntry::Kind::Fire)) + " events journaled, " +
           std::to_string(keys.size()) + " acknowledged");
    if (engine.replay(id) != store->load_case(id)) fail(id + ": replay differs from the stored case");
  }
  for (const std::string& id : due) {
    const auto c = store->load_case(id);
    const auto fired =
        c ? std::count_if(c->history.begin(), c->history.end(),
                          [](const HistoryRecord& r) { return r.kind == RecordKind::Deadline; })
          : 0;
    if (fired != 1) fail(id + ": its due deadline fired " + std::to_string(fired) + " times");
    if (c) failures += verify_delivered(*c, webhook, delivered_again);
    if (count_kind(store->journal(id), JournalEntry::Kind::Advance) != 1)
      fail(id + ": advanced more than once");
    if (engine.replay(id) != c) fail(id + ": replay differs from the stored case");
  }
  return failures;
}

// Waits until no deadline is due any more (the nodes tick every 5 s); false after `seconds`.
bool wait_until_nothing_due(const std::string& db, int seconds) {
  auto store = open_store(db);
  for (int i = 0; i < seconds * 5; ++i) {
    if (store->due_cases(SystemClock{}.now()).empty()) return true;
    sleep_ms(200);
  }
  return false;
}

// Waits until the outbox holds nothing undelivered (a node delivers as it ticks); false after `seconds`.
bool wait_until_delivered(const std::string& db, int seconds) {
  auto store = open_store(db);
  for (int i = 0; i < seconds * 5; ++i) {
    if (store->undelivered_notifications(1).empty()) return true;
    sleep_ms(200);
  }
  return false;
}

// The cases of each lane: lane l takes every lanes-th case.
std::vector<std::vector<std::string>> split(const std::vector<std::string>& ids, int lanes) {
  std::vector<std::vector<std::string>> out(static_cast<std::size_t>(lanes));
  for (std::size_t i = 0; i < ids.size(); ++i) out[i % out.size()].push_back(ids[i]);
  return out;
}

int run_test(const Settings& s) {
  serve_test::TempDir dir;
  Cluster pg(s, dir.path);
  const std::string procedures = make_procedures(s, dir.path);
  const std::string accounts = (dir.path / "accounts.db").string();
  Shared shared;
  shared.token = make_account(accounts);
  const Instant now = SystemClock{}.now();
  const auto worked = open_cases(pg.url, procedures, s.lanes * 8, now);
  auto due = open_cases(pg.url, procedures, 100, now - std::chrono::hours(24 * 30));  // due at the first tick
  serve_test::Receiver webhook([](const serve_test::Received&) { return 200u; });
  Nodes nodes(s, dir.path, pg.url, accounts, procedures, webhook.port());
  for (std::size_t i = 0; i < static_cast<std::size_t>(s.nodes); ++i) nodes.start(shared, i);
  std::vector<std::thread> lanes;
  const auto owned = split(worked, s.lanes);
  for (int l = 0; l < s.lanes; ++l)
    lanes.emplace_back(lane, std::ref(shared), l, owned[static_cast<std::size_t>(l)], true);
  auto acknowledged_grows = [&](int by) {
    const int from = shared.acknowledged;
    for (int i = 0; i < 3000 && shared.acknowledged < from + by; ++i) sleep_ms(10);
    return shared.acknowledged >= from + by;
  };
  int failures = 0;
  acknowledged_grows(100);
  // A node dies holding whatever it was doing; the others go on, and take its due deadlines.
  const int killed = nodes.kill(shared, 1);
  if (killed != 128 + SIGKILL)
    failures += (std::cerr << "FAIL: node 1 was not killed (" << killed << ")\n", 1);
  const auto more = open_cases(pg.url, procedures, 100, now - std::chrono::hours(24 * 30));
  due.insert(due.end(), more.begin(), more.end());
  acknowledged_grows(100);
  nodes.start(shared, 1);
  acknowledged_grows(100);
  // PostgreSQL goes away for three seconds: the nodes answer 503 store_unavailable, then recover by
  // themselves.
  pg.run("down");
  sleep_ms(3000);
  pg.run("up");
  const int after_outage = shared.acknowledged;
  if (!acknowledged_grows(200))
    failures += (std::cerr << "FAIL: the nodes did not recover after the outage\n", 1);
  shared.halt = true;
  for (auto& t : lanes) t.join();
  if (shared.unavailable == 0) failures += (std::cerr << "FAIL: no node answered 503 store_unavailable\n", 1);
  if (!wait_until_nothing_due(pg.url, 20))
    failures += (std::cerr << "FAIL: deadlines still due after 20 s\n", 1);
  if (!wait_until_delivered(pg.url, 20))
    failures += (std::cerr << "FAIL: escalations still undelivered after 20 s\n", 1);
  for (const auto& p : shared.problems) failures += (std::cerr << "FAIL: " << p << "\n", 1);
  for (std::size_t i = 0; i < nodes.running.size(); ++i)
    if (const int status = nodes.running[i]->stop(SIGTERM); status != 0)
      failures += (std::cerr << "FAIL: node " << i << " exited " << status << "\n", 1);
  int delivered_again = 0;
  failures += verify(pg.url, procedures, shared, worked, due, webhook, delivered_again);
  std::cout << "multinode: " << s.nodes << " nodes, " << shared.acknowledged << " events acknowledged ("
            << shared.acknowledged - after_outage << " after the outage), " << shared.repeats
            << " keys sent again, " << shared.conflicts << " 409 conflicts, " << shared.unavailable
            << " 503 during the outage, " << shared.unreachable << " refused connections, " << due.size()
            << " deadlines due, " << webhook.got().size() << " webhook deliveries (" << delivered_again
            << " repeated)\n";
  std::cout << (failures == 0 ? 1 : 0) << " passed, " << (failures == 0 ? 0 : 1) << " failed\n";
  return failures == 0 ? 0 : 1;
}

int run_bench(const Settings& s) {
  serve_test::TempDir dir;
  std::unique_ptr<Cluster> pg;
  std::string db = (dir.path / "izin.db").string();
  if (!s.sqlite) {
    pg = std::make_unique<Cluster>(s, dir.path);
    db = pg->url;
  }
  const std::string procedures = make_procedures(s, dir.path);
  const std::string accounts = (dir.path / "accounts.db").string();
  const auto worked = open_cases(db, procedures, s.lanes * 8, SystemClock{}.now());
  Shared shared;
  shared.token = make_account(accounts);
  Nodes nodes(s, dir.path, db, accounts, procedures);
  const int count = s.sqlite ? 1 : s.nodes;
  for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i) nodes.start(shared, i);
  std::vector<std::thread> lanes;
  const auto owned = split(worked, s.lanes);
  const auto start = steady::now();
  for (int l = 0; l < s.lanes; ++l)
    lanes.emplace_back(lane, std::ref(shared), l, owned[static_cast<std::size_t>(l)], false);
  sleep_ms(s.seconds * 1000);
  shared.halt = true;
  for (auto& t : lanes) t.join();
  const double took = std::chrono::duration<double>(steady::now() - start).count();
  for (auto& n : nodes.running) n->stop(SIGTERM);
  std::printf("%s, %d node(s), %d clients: %.0f durable events/s (%d in %.1f s, %d 409 retried)\n",
              s.sqlite ? "SQLite" : "PostgreSQL", count, s.lanes, shared.acknowledged / took,
              static_cast<int>(shared.acknowledged), took, static_cast<int>(shared.conflicts));
  for (const auto& p : shared.problems) std::cerr << "problem: " << p << "\n";
  return shared.problems.empty() ? 0 : 1;
}

Settings parse(int argc, char** argv) {
  Settings s;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " wants a value");
      return argv[++i];
    };
    if (a == "--izin")
      s.izin = next();
    else if (a == "--source")
      s.source = next();
    else if (a == "--nodes")
      s.nodes = std::stoi(next());
    else if (a == "--clients")
      s.lanes = std::stoi(next());
    else if (a == "--seconds")
      s.seconds = std::stoi(next());
    else if (a == "--bench")
      s.bench = true;
    else if (a == "--sqlite")
      s.sqlite = true;
    else
      throw std::invalid_argument("unknown argument " + a);
  }
  if (s.izin.empty() || s.source.empty())
    throw std::invalid_argument("--izin PATH and --source DIR are required");
  if (s.nodes < 1 || s.lanes < 1 || s.seconds < 1)
    throw std::invalid_argument("--nodes, --clients, --seconds >= 1");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Settings s = parse(argc, argv);
    ::signal(SIGPIPE, SIG_IGN);  // a node killed mid-request is a failed send, not our death
    return s.bench ? run_bench(s) : run_test(s);
  } catch (const std::exception& e) {
    std::cerr << "multinode: " << e.what() << "\n";
    return 2;
  }
}
