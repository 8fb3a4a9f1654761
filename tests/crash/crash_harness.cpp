// Crash harness: a writer process fires events through izin::Engine into a
// SQLite store and is SIGKILLed at random moments, again and again. After
// every acknowledged commit the writer appends "case sequence" to a side
// file and fsyncs it. At the end every acknowledged entry must be in the
// database, every journal gapless, and every case must replay from its
// journal to exactly its stored snapshot. Each writer's clock moves on by
// minutes and is now and then set back hours (one writer in four starts a
// day behind the cases), as a misconfigured office PC would: events before a case's history must be
// refused (clock_behind), and every history must stay in time order. Now and
// then a writer installs an edited belu calendar (a regional holiday added,
// moved or dropped), and every writer starts with the repository's belu, as a
// program given the file would: open cases move between calendar versions,
// and replay must still agree.
//
//   crash_harness [--kills N] [--seed S] [--dir DIR] [--normal] [--db LOCATION]
// --db names the store as `izin --db` does (a postgresql:// URL of an empty
// schema: the PostgreSQL store); the side file stays in DIR.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "izin/izin.hpp"

namespace {

using namespace izin;

// A small procedure with a loop, so one case takes many events.
constexpr const char* kProcedure = R"(
procedure crash version 1 {
  title "Crash harness"
  legal "none: a test procedure"
  product "none"
  calendar belu
  sla 5 working days
  roles petugas
  data { putaran: integer }
  initial state a "A" {
    on maju by petugas -> b { set putaran = putaran + 1 }
    after 2 working days notify petugas "A menunggu"
  }
  state b "B" {
    on balik by petugas -> a
    on selesai by petugas -> done
    after 3 working days -> a
  }
  final state done "Done" outcome granted
}
)";

// Run settings from the command line.
struct Settings {
  int kills = 120;
  unsigned seed = 1;
  std::string dir;
  bool synchronous_full = true;
  std::string db;  // empty: DIR/izin.db
};

// The store under test, as open_store reads a --db location.
std::unique_ptr<Store> open_db(const Settings& s) {
  return open_store(s.db.empty() ? s.dir + "/izin.db" : s.db, SqliteOptions{s.synchronous_full, 5000});
}

// What every writer needs, loaded once by the parent before forking.
struct Setup {
  CalendarSet calendars;
  ProcedurePtr procedure;
};

// The calendars of the repository and the harness procedure compiled against them.
Setup load_setup() {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(IZIN_SOURCE_DIR "/procedures/calendars"))
    if (f.path().extension() == ".yaml") files.push_back(f.path());
  Setup s{load_calendars(files), nullptr};
  auto compiled = compile_procedure(kProcedure, "crash.izin", {}, &s.calendars);
  if (!compiled.procedure) {
    for (const auto& d : compiled.diagnostics) std::cerr << d.code << " " << d.message << "\n";
    throw std::runtime_error("the harness procedure does not compile");
  }
  s.procedure = compiled.procedure;
  return s;
}

// An engine over `store` with the harness procedure and calendars.
std::unique_ptr<Engine> make_engine(const Clock& clock, Store& store, const Setup& setup) {
  auto engine = std::make_unique<Engine>(clock, store);
  for (const auto& cal : setup.calendars.calendars) engine->set_calendar(cal);
  engine->add_procedure(setup.procedure);
  return engine;
}

// belu as an office might edit it: a regional holiday on one of the next few
// days (when open deadlines fall), or the file as shipped.
CalendarPtr edited_belu(const Setup& setup, Instant now, std::mt19937& rng) {
  const CalendarPtr shipped = setup.calendars.find("belu");
  const int days_ahead = static_cast<int>(rng() % 6);
  if (days_ahead == 0) return shipped;
  std::vector<Holiday> holidays = shipped->holidays();
  const Date day = shipped->local_date(now) + days_ahead;
  if (std::any_of(holidays.begin(), holidays.end(), [&](const Holiday& h) { return h.date == day; })) return shipped;
  holidays.push_back(Holiday{day, "Libur daerah", "holiday"});
  std::sort(holidays.begin(), holidays.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return std::make_shared<const WorkingDayCalendar>(shipped->id(), shipped->name(), shipped->timezone(),
                                                    shipped->utc_offset_minutes(), shipped->weekend(), holidays);
}

// Appends one acknowledged entry to the side file and forces it to disk. A
// kill can cut a write short; each record starts on a line of its own and
// ends with " .", so a cut one never joins the next into a valid-looking line.
void acknowledge(int fd, const std::string& case_id, std::uint64_t sequence) {
  const std::string line = "\n" + case_id + " " + std::to_string(sequence) + " .\n";
  if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || ::fsync(fd) != 0) std::_Exit(7);
}

// The event a writer fires next on a case in `state` (sometimes a refused one).
std::string next_event(const std::string& state, std::mt19937& rng) {
  const auto roll = rng() % 20;
  if (roll == 0) return "salah";  // no such event: refused, journaled
  if (state == "a") return "maju";
  return roll < 2 ? "selesai" : "balik";
}

// The writer's clock: mostly forward a few minutes, now and then set back hours.
void move_clock(FakeClock& clock, std::mt19937& rng) {
  clock.set(clock.now() + std::chrono::minutes{rng() % 30});
  if (rng() % 25 == 0) clock.set(clock.now() - std::chrono::minutes{rng() % 360});
}

// Fires what is due by the writer's clock; acknowledges each case it changed.
void tick(Engine& engine, const Clock& clock, Store& store, std::map<std::string, std::string>& open, int side) {
  for (const auto& out : engine.advance_to(clock.now())) {
    if (open.count(out.case_id)) open[out.case_id] = out.to;
    acknowledge(side, out.case_id, store.journal(out.case_id).back().sequence);
  }
}

// Opens a case or fires an event; returns the case touched (empty if none).
std::string step(Engine& engine, std::map<std::string, std::string>& open, std::mt19937& rng, int& counter) {
  if (open.empty() || rng() % 8 == 0) {
    OpenRequest req{"crash", {{"putaran", Value(0)}}, {}, {"ani", "petugas"}, ""};
    const auto out = engine.open(req);
    if (out.accepted) open[out.case_id] = out.to;
    return out.case_id;
  }
  auto it = std::next(open.begin(), static_cast<long>(rng() % open.size()));
  EventRequest req{next_event(it->second, rng), {"budi", "petugas"}, {}, {}, ""};
  if (rng() % 3 == 0) req.key = "k" + std::to_string(counter++);
  const auto out = engine.fire(it->first, req);
  const std::string id = it->first;
  if (out.accepted && out.to == "done") open.erase(it);
  else if (out.accepted) it->second = out.to;
  return id;
}

// The writer: runs until killed. Tells the parent through `ready` once set up.
[[noreturn]] void writer(const Settings& s, const Setup& setup, int ready, unsigned seed) {
  auto store = open_db(s);
  std::mt19937 rng(seed);
  FakeClock clock(std::chrono::sys_days{std::chrono::year{2026} / 3 / 16} + std::chrono::hours{1});
  auto engine = make_engine(clock, *store, setup);
  const int side = ::open((s.dir + "/acknowledged.txt").c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
  std::map<std::string, std::string> open;
  for (const auto& c : store->load_cases({"crash", "", true})) {
    open[c.id] = c.history.back().to;
    clock.set(std::max(clock.now(), c.history.back().at));
  }
  // One writer in four starts with its clock set back up to a day behind the cases.
  if (rng() % 4 == 0) clock.set(clock.now() - std::chrono::minutes{rng() % (24 * 60)});
  // One in three starts with an edited calendar file: the open cases move onto it.
  if (rng() % 3 == 0)
    for (const auto& out : engine->set_calendar(edited_belu(setup, clock.now(), rng)))
      acknowledge(side, out.case_id, store->journal(out.case_id).back().sequence);
  int counter = static_cast<int>(seed) * 100000;
  if (::write(ready, "r", 1) != 1) std::_Exit(6);
  for (;;) {
    move_clock(clock, rng);
    if (rng() % 60 == 0) {
      for (const auto& out : engine->set_calendar(edited_belu(setup, clock.now(), rng)))
        acknowledge(side, out.case_id, store->journal(out.case_id).back().sequence);
      continue;
    }
    if (rng() % 30 == 0) {
      tick(*engine, clock, *store, open, side);
      continue;
    }
    const auto id = step(*engine, open, rng, counter);
    if (!id.empty()) acknowledge(side, id, store->journal(id).back().sequence);
  }
}

// Reads the side file; a record cut short by a kill (no closing " .") is ignored.
std::vector<std::pair<std::string, std::uint64_t>> read_acknowledged(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::pair<std::string, std::uint64_t>> out;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string id, end, more;
    std::uint64_t sequence = 0;
    if (fields >> id >> sequence >> end && end == "." && !(fields >> more)) out.emplace_back(id, sequence);
  }
  return out;
}

// Counts a failed check and says which.
int fail(const std::string& what) {
  std::cerr << "FAIL: " << what << "\n";
  return 1;
}

// Whether every record of the case is at or after the one before it.
bool in_time_order(const Case& c) {
  for (std::size_t i = 1; i < c.history.size(); ++i)
    if (c.history[i].at < c.history[i - 1].at) return false;
  return true;
}

// Events the journal shows refused because the writer's clock was behind the case.
std::size_t clock_behind_refusals(const std::vector<JournalEntry>& journal) {
  std::size_t n = 0;
  for (const auto& e : journal) n += !e.accepted && e.result.find("\"clock_behind\"") != std::string::npos ? 1 : 0;
  return n;
}

// History records of deadlines moved by a calendar change.
std::size_t moved_deadlines(const Case& c) {
  return static_cast<std::size_t>(std::count_if(c.history.begin(), c.history.end(), [](const HistoryRecord& r) {
    return r.kind == RecordKind::DeadlineMoved;
  }));
}

// What verify counted, for the closing line and the must-have-happened checks.
struct Counts {
  std::size_t acknowledged = 0, cases = 0, behind = 0, recalendared = 0, moved = 0;
};

// Checks the database against the side file; returns the number of failures.
// The verifier knows only the shipped calendar and what the store kept.
int verify(const Settings& s, const Setup& setup, Counts& n) {
  auto store = open_db(s);
  FakeClock clock;
  auto engine = make_engine(clock, *store, setup);
  engine->restore_calendars();
  int failures = 0;
  const auto acks = read_acknowledged(s.dir + "/acknowledged.txt");
  n.acknowledged = acks.size();
  for (const auto& [id, sequence] : acks) {
    const auto journal = store->journal(id);
    if (journal.size() < sequence || journal[sequence - 1].sequence != sequence)
      failures += fail("acknowledged entry " + id + " #" + std::to_string(sequence) + " is missing");
  }
  const auto all = store->load_cases({});
  n.cases = all.size();
  for (const auto& c : all) {
    const auto journal = store->journal(c.id);
    for (std::size_t i = 0; i < journal.size(); ++i)
      if (journal[i].sequence != i + 1) failures += fail("journal of " + c.id + " has a gap");
    if (!in_time_order(c)) failures += fail("history of " + c.id + " is out of time order");
    n.behind += clock_behind_refusals(journal);
    n.moved += moved_deadlines(c);
    n.recalendared += static_cast<std::size_t>(std::count_if(
        journal.begin(), journal.end(), [](const JournalEntry& e) { return e.kind == JournalEntry::Kind::Calendar; }));
    const auto replayed = engine->replay(c.id);
    if (!replayed || *replayed != c) failures += fail("case " + c.id + " does not replay to its stored state");
  }
  return failures;
}

// Starts a writer, lets it run a random moment after it is ready, kills it.
void run_and_kill(const Settings& s, const Setup& setup, std::mt19937& rng, int round) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::close(pipe_fds[0]);
    writer(s, setup, pipe_fds[1], s.seed * 7919u + static_cast<unsigned>(round));
  }
  ::close(pipe_fds[1]);
  char byte = 0;
  const bool ready = ::read(pipe_fds[0], &byte, 1) == 1;
  ::close(pipe_fds[0]);
  if (ready) std::this_thread::sleep_for(std::chrono::microseconds(rng() % 80000));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!ready) throw std::runtime_error("writer died before it was ready (status " + std::to_string(status) + ")");
}

// Parses the command line.
Settings parse(int argc, char** argv) {
  Settings s;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--kills" && has_value) s.kills = std::atoi(argv[++i]);
    else if (arg == "--seed" && has_value) s.seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (arg == "--dir" && has_value) s.dir = argv[++i];
    else if (arg == "--normal") s.synchronous_full = false;
    else if (arg == "--db" && has_value) s.db = argv[++i];
    else throw std::runtime_error("usage: crash_harness [--kills N] [--seed S] [--dir DIR] [--normal] [--db LOCATION]");
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) try {
  Settings s = parse(argc, argv);
  const bool temporary = s.dir.empty();
  if (temporary) s.dir = (std::filesystem::temp_directory_path() / ("izin-crash-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(s.dir);
  const Setup setup = load_setup();
  std::mt19937 rng(s.seed);
  const auto started = std::chrono::steady_clock::now();
  for (int round = 0; round < s.kills; ++round) run_and_kill(s, setup, rng, round);
  Counts n;
  int failures = verify(s, setup, n);
  // Enough work always sets a clock behind a case and moves cases between calendar versions: both must have
  // happened (a machine so loaded that writers die before doing much proves nothing either way).
  const bool enough = s.kills >= 20 && n.acknowledged >= 2000;  // an idle machine does ~7,000
  if (enough && n.behind == 0) failures += fail("no event was refused for a clock set back");
  if (enough && n.recalendared == 0) failures += fail("no case was moved onto another calendar version");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << s.kills << " kills, " << n.acknowledged << " acknowledged entries, " << n.cases << " cases, " << n.behind
            << " clock-behind refusals, " << n.recalendared << " moves between calendar versions (" << n.moved
            << " deadlines moved), " << failures
            << " failures, " << seconds << " s\n";
  if (temporary && failures == 0) std::filesystem::remove_all(s.dir);
  return failures == 0 && n.acknowledged > 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "crash_harness: " << e.what() << "\n";
  return 2;
}
