// SIGTERM an `izin serve` child under a load of events with idempotency
// keys, start it again on the same database: every acknowledged event is in
// the journal exactly once.
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <set>
#include <thread>

#include "izin/sqlite_store.hpp"
#include "izin/izin.hpp"
#include "office.hpp"

extern char** environ;

namespace {

// A child `izin serve` on a free port; its port read from the line it prints on stderr.
struct Child {
  pid_t pid = -1;
  std::uint16_t port = 0;

  explicit Child(const std::string& db) {
    int err[2];
    REQUIRE(pipe(err) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    const std::string procedures = std::string(IZIN_SOURCE_DIR) + "/procedures";
    std::vector<std::string> args = {IZIN_TOOL, "serve", "--listen", "127.0.0.1:0", "--db", db, "--procedures", procedures};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    REQUIRE(posix_spawn(&pid, IZIN_TOOL, &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(err[1]);
    std::string seen;
    char c;
    while (port == 0 && read(err[0], &c, 1) == 1) {
      seen += c;
      const auto at = seen.find("serving http://127.0.0.1:");
      if (c == '/' && at != std::string::npos && seen.size() > at + 26)
        port = static_cast<std::uint16_t>(std::stoi(seen.substr(at + 25)));
    }
    reader = std::thread([fd = err[0]] {  // keep draining stderr so the child never blocks on it
      char buf[256];
      while (read(fd, buf, sizeof buf) > 0) {
      }
      close(fd);
    });
    REQUIRE(port != 0);
  }
  // SIGTERM, then the exit status.
  int stop() {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    reader.join();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::thread reader;
};

// Cases opened in-process before the service starts, each waiting for `tolak`.
std::vector<std::string> open_cases(const std::string& db, int n) {
  auto store = izin::open_sqlite_store(db);
  izin::SystemClock clock;
  izin::Engine engine(clock, *store);
  izin::reload(engine, store.get(), std::string(IZIN_SOURCE_DIR) + "/procedures");
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    izin::OpenRequest r;
    r.procedure = "legalisir";
    r.actor = {"loket", "front_office"};
    ids.push_back(engine.open(r).case_id);
  }
  return ids;
}

// How many accepted journal entries carry `key` on the case.
int accepted_with_key(izin::Store& store, const std::string& id, const std::string& key) {
  int n = 0;
  for (const auto& e : store.journal(id)) n += e.accepted && e.key == key;
  return n;
}

}  // namespace

TEST_CASE("SIGTERM under load, restart: every acknowledged event is journaled exactly once") {
  serve_test::TempDir dir;
  const auto db = (dir.path / "izin.db").string();
  const auto ids = open_cases(db, 120);
  auto users = izin::server::open_sqlite_user_store(db);
  users->add("loket", {"front_office"}, "rahasia-loket");
  const auto token = users->issue_token("loket");
  users.reset();
  std::mutex mutex;
  std::set<std::string> acknowledged;
  // Fires `tolak` on the cases of one lane, key = case id, until told to stop or done.
  auto lane = [&](std::uint16_t port, int which, int lanes, const std::atomic<bool>& halt) {
    for (std::size_t i = static_cast<std::size_t>(which); i < ids.size() && !halt; i += static_cast<std::size_t>(lanes)) {
      serve_test::Client c{port, "", "", token, "", {{"Idempotency-Key", ids[i]}}};
      try {
        const auto r = c.post("/api/v1/cases/" + ids[i] + "/events", {{"event", "tolak"}});
        if (r.status / 100 == 2) {
          std::lock_guard lock(mutex);
          acknowledged.insert(ids[i]);
        }
      } catch (const std::exception&) {
        // the service went away mid-request: not acknowledged
      }
    }
  };
  {
    Child first(db);
    std::atomic<bool> halt{false};
    std::vector<std::thread> load;
    for (int l = 0; l < 4; ++l) load.emplace_back(lane, first.port, l, 4, std::cref(halt));
    // SIGTERM once some events are acknowledged, while the lanes are still sending.
    while (true) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      std::lock_guard lock(mutex);
      if (acknowledged.size() >= 20) break;
    }
    CHECK(first.stop() == 0);
    halt = true;
    for (auto& t : load) t.join();
  }
  INFO(acknowledged.size() << " events acknowledged before SIGTERM");
  CHECK(!acknowledged.empty());
  CHECK(acknowledged.size() < ids.size());  // the stop did land under load
  {
    auto store = izin::open_sqlite_store(db);
    for (const auto& id : acknowledged) CHECK(accepted_with_key(*store, id, id) == 1);
  }
  // Again on the same database: every event resent with its key; none happens twice.
  Child second(db);
  std::atomic<bool> never{false};
  lane(second.port, 0, 1, never);
  CHECK(second.stop() == 0);
  auto store = izin::open_sqlite_store(db);
  CHECK(acknowledged.size() == ids.size());
  for (const auto& id : ids) CHECK(accepted_with_key(*store, id, id) == 1);
}
