// Figure 2: events/s on the SQLite store with synchronous=FULL, one event
// per transaction and batched with Engine::fire_batch (group commit), the
// bytes each event writes to the WAL, and the commit latency against the disk's fdatasync.
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parts.hpp"

namespace izin::bench {

namespace fs = std::filesystem;

namespace {

using Batch = std::vector<std::pair<std::string, EventRequest>>;

// A file opened through WalByteCounter: this header, then the real VFS's file.
struct CountedFile {
  sqlite3_file base;           // pMethods points at `methods`
  sqlite3_io_methods methods;  // forwards to the real file, at the real file's iVersion
  std::uint64_t* wal_bytes;    // the counter for a WAL file, null for any other
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

CountedFile* counted(sqlite3_file* f) { return reinterpret_cast<CountedFile*>(f); }
sqlite3_file* real(sqlite3_file* f) { return counted(f)->real(); }

// The io methods of a CountedFile: every call goes to the real file; writes to a WAL are counted.
constexpr sqlite3_io_methods kForwardingMethods{
    3,
    [](sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); },
    [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return real(f)->pMethods->xRead(real(f), b, n, o); },
    [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
      const int rc = real(f)->pMethods->xWrite(real(f), b, n, o);
      if (rc == SQLITE_OK && counted(f)->wal_bytes) *counted(f)->wal_bytes += static_cast<std::uint64_t>(n);
      return rc;
    },
    [](sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); },
    [](sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); },
    [](sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); },
    [](sqlite3_file* f, int lock) { return real(f)->pMethods->xLock(real(f), lock); },
    [](sqlite3_file* f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); },
    [](sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); },
    [](sqlite3_file* f, int op, void* arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); },
    [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); },
    [](sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); },
    [](sqlite3_file* f, int page, int size, int extend, void volatile** p) {
      return real(f)->pMethods->xShmMap(real(f), page, size, extend, p);
    },
    [](sqlite3_file* f, int offset, int n, int flags) {
      return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
    },
    [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); },
    [](sqlite3_file* f, int del) { return real(f)->pMethods->xShmUnmap(real(f), del); },
    [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) { return real(f)->pMethods->xFetch(real(f), o, n, p); },
    [](sqlite3_file* f, sqlite3_int64 o, void* p) { return real(f)->pMethods->xUnfetch(real(f), o, p); },
};

// Counts the bytes SQLite writes to WAL files, at the write call itself, for
// every connection opened while it lives: it is the default VFS meanwhile
// and forwards everything to the one it replaced.
class WalByteCounter {
 public:
  WalByteCounter() : real_(sqlite3_vfs_find(nullptr)), vfs_(wrap(real_, this)) {
    require(sqlite3_vfs_register(&vfs_, 1) == SQLITE_OK, "register the WAL-counting VFS");
  }
  ~WalByteCounter() {
    sqlite3_vfs_register(real_, 1);
    sqlite3_vfs_unregister(&vfs_);
  }
  WalByteCounter(const WalByteCounter&) = delete;
  WalByteCounter& operator=(const WalByteCounter&) = delete;
  std::uint64_t bytes() const { return bytes_; }

 private:
  static WalByteCounter* self(sqlite3_vfs* v) { return static_cast<WalByteCounter*>(v->pAppData); }
  static sqlite3_vfs* real(sqlite3_vfs* v) { return self(v)->real_; }

  // Opens through the real VFS; the file answers with the forwarding methods (SQLite
  // calls xClose whenever pMethods is set, so it is set only when the real open set it).
  static int open(sqlite3_vfs* v, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    CountedFile* c = counted(f);
    const int rc = real(v)->xOpen(real(v), name, c->real(), flags, out_flags);
    c->methods = kForwardingMethods;
    if (c->real()->pMethods) c->methods.iVersion = std::min(c->real()->pMethods->iVersion, 3);
    c->wal_bytes = (flags & SQLITE_OPEN_WAL) ? &self(v)->bytes_ : nullptr;
    c->base.pMethods = c->real()->pMethods ? &c->methods : nullptr;
    return rc;
  }

  // The real VFS with room for the header in front of its files, and every method forwarded.
  static sqlite3_vfs wrap(sqlite3_vfs* r, WalByteCounter* self) {
    sqlite3_vfs v{};
    v.iVersion = r->iVersion;
    v.szOsFile = static_cast<int>(sizeof(CountedFile)) + r->szOsFile;
    v.mxPathname = r->mxPathname;
    v.zName = "izin-bench-wal-count";
    v.pAppData = self;
    v.xOpen = open;
    v.xDelete = [](sqlite3_vfs* x, const char* n, int sync) { return real(x)->xDelete(real(x), n, sync); };
    v.xAccess = [](sqlite3_vfs* x, const char* n, int f, int* o) { return real(x)->xAccess(real(x), n, f, o); };
    v.xFullPathname = [](sqlite3_vfs* x, const char* n, int k, char* o) {
      return real(x)->xFullPathname(real(x), n, k, o);
    };
    v.xDlOpen = [](sqlite3_vfs* x, const char* n) { return real(x)->xDlOpen(real(x), n); };
    v.xDlError = [](sqlite3_vfs* x, int k, char* o) { real(x)->xDlError(real(x), k, o); };
    v.xDlSym = [](sqlite3_vfs* x, void* h, const char* n) { return real(x)->xDlSym(real(x), h, n); };
    v.xDlClose = [](sqlite3_vfs* x, void* h) { real(x)->xDlClose(real(x), h); };
    v.xRandomness = [](sqlite3_vfs* x, int k, char* o) { return real(x)->xRandomness(real(x), k, o); };
    v.xSleep = [](sqlite3_vfs* x, int us) { return real(x)->xSleep(real(x), us); };
    v.xCurrentTime = [](sqlite3_vfs* x, double* t) { return real(x)->xCurrentTime(real(x), t); };
    v.xGetLastError = [](sqlite3_vfs* x, int k, char* o) { return real(x)->xGetLastError(real(x), k, o); };
    v.xCurrentTimeInt64 = [](sqlite3_vfs* x, sqlite3_int64* t) { return real(x)->xCurrentTimeInt64(real(x), t); };
    v.xSetSystemCall = [](sqlite3_vfs* x, const char* n, sqlite3_syscall_ptr p) {
      return real(x)->xSetSystemCall(real(x), n, p);
    };
    v.xGetSystemCall = [](sqlite3_vfs* x, const char* n) { return real(x)->xGetSystemCall(real(x), n); };
    v.xNextSystemCall = [](sqlite3_vfs* x, const char* n) { return real(x)->xNextSystemCall(real(x), n); };
    return v;
  }

  sqlite3_vfs* real_;
  sqlite3_vfs vfs_;
  std::uint64_t bytes_ = 0;
};

// Seconds per write(4 KiB) + fdatasync of a file in `dir`: what the disk charges per commit.
// First as a growing file (each write past its end), then over the same blocks again.
struct RawSync {
  double append = 0;     // the target's yardstick since 28 November 2026
  double overwrite = 0;  // no new size for the file system to record
};
RawSync fdatasync_seconds(const fs::path& dir, int rounds) {
  const std::string file = (dir / "fsync-probe").string();
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  require(fd >= 0, "can create " + file);
  const std::vector<char> page(4096, 'x');
  const auto pass = [&] {
    Stopwatch w;
    for (int i = 0; i < rounds; ++i) {
      require(::pwrite(fd, page.data(), page.size(), static_cast<off_t>(i) * 4096) == 4096, "write " + file);
      require(::fdatasync(fd) == 0, "fdatasync " + file);
    }
    return w.seconds() / rounds;
  };
  RawSync s;
  s.append = pass();
  s.overwrite = pass();
  ::close(fd);
  fs::remove(file);
  return s;
}

// Fires `batches` with fire_batch; returns how many events were accepted.
std::size_t fire_batches(Engine& engine, const std::vector<Batch>& batches) {
  std::size_t accepted = 0;
  for (const Batch& b : batches)
    for (const Outcome& o : engine.fire_batch(b)) accepted += o.accepted ? 1 : 0;
  return accepted;
}

// The rest of the path for every case, cut into batches of `size` events;
// the first `done` cases already had their first event.
std::vector<Batch> path_batches(const std::vector<std::string>& ids, std::size_t done, std::size_t size) {
  std::vector<Batch> batches;
  for (std::size_t k = 0; k < pbg_path().size(); ++k)
    for (std::size_t i = (k == 0 ? done : 0); i < ids.size(); i += size) {
      Batch b;
      for (std::size_t j = i; j < std::min(ids.size(), i + size); ++j) b.emplace_back(ids[j], pbg_path()[k]);
      batches.push_back(std::move(b));
    }
  return batches;
}

// Reopens the file in a fresh engine: the last case must be approved, from disk.
void check_durable(const Office& office, const fs::path& db, const std::string& id) {
  FakeClock clock(wita(2026, 7, 7, 9));
  auto store = open_sqlite_store(db.string());
  Engine engine(clock, *store);
  register_office(engine, office);
  const std::optional<Case> c = engine.find(id);
  require(c && c->outcome == "granted" && c->history.size() == 6, "case " + id + " approved on disk");
}

}  // namespace

void measure_durable(Table& table, const Office& office, const Sizes& sizes, const fs::path& dir) {
  const fs::path db = dir / "bench.db";
  const std::vector<std::string> ids = open_on_sqlite(office, db.string(), sizes.durable_cases);
  const std::size_t singles = std::min(sizes.single_commits, ids.size());
  WalByteCounter wal;  // before the store opens: only files opened through it are counted
  FakeClock clock(wita(2026, 7, 6, 10));
  auto store = open_sqlite_store(db.string(), SqliteOptions{true, 5000});
  Engine engine(clock, *store);
  register_office(engine, office);
  std::size_t accepted = 0;
  const std::uint64_t wal_before = wal.bytes();
  Stopwatch single;
  for (std::size_t i = 0; i < singles; ++i) accepted += engine.fire(ids[i], pbg_path()[0]).accepted ? 1 : 0;
  const double single_s = single.seconds();
  const std::uint64_t single_wal = wal.bytes() - wal_before;
  require(accepted == singles, "single-commit events accepted");
  const RawSync raw = fdatasync_seconds(dir, 200);  // right after the single commits: the same disk state
  const std::vector<Batch> batches = path_batches(ids, singles, sizes.batch);
  const std::size_t batched_events = ids.size() * pbg_path().size() - singles;
  const std::uint64_t wal_batched_before = wal.bytes();
  Stopwatch batched;
  require(fire_batches(engine, batches) == batched_events, "batched events accepted");
  const double batched_s = batched.seconds();
  const double batched_wal_per_event =
      static_cast<double>(wal.bytes() - wal_batched_before) / static_cast<double>(batched_events);
  check_durable(office, db, ids.back());
  const std::string b = std::to_string(sizes.batch);
  const double single_latency_s = single_s / static_cast<double>(singles);
  table.add({"2 durable", "one event per transaction (" + std::to_string(singles) + " events)",
             static_cast<double>(singles) / single_s, "ev/s", "", std::nullopt});
  table.add({"2 durable", "commit latency, one event per transaction", 1e3 * single_latency_s, "ms", "", std::nullopt});
  table.add({"2 durable", "WAL bytes per event, one event per transaction",
             static_cast<double>(single_wal) / static_cast<double>(singles), "B/event", "", std::nullopt});
  table.add({"2 durable", "fire_batch of " + b + " (" + std::to_string(batched_events) + " events)",
             static_cast<double>(batched_events) / batched_s, "ev/s", "≥ 50,000", batched_events / batched_s >= 50000});
  table.add({"2 durable", "commit latency per batch of " + b,
             1e3 * batched_s / static_cast<double>(batches.size()), "ms", "", std::nullopt});
  table.add({"2 durable", "WAL bytes written per durable event (fire_batch of " + b + ")", batched_wal_per_event,
             "B/event", "≤ 400", batched_wal_per_event <= 400});
  table.add({"2 durable", "raw write 4 KiB + fdatasync on the same disk", 1e3 * raw.append, "ms", "", std::nullopt});
  table.add({"2 durable", "one-event commit latency ÷ raw fdatasync", single_latency_s / raw.append, "×", "≤ 1.5 ×",
             single_latency_s / raw.append <= 1.5});
  table.add({"2 durable", "raw 4 KiB overwrite + fdatasync (the file keeps its size)", 1e3 * raw.overwrite, "ms", "",
             std::nullopt});
  table.add({"2 durable", "one-event commit latency ÷ raw overwrite fdatasync", single_latency_s / raw.overwrite, "×",
             "", std::nullopt});
}

}  // namespace izin::bench
