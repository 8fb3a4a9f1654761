#include "inbox_store.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>

#include "izin/log.hpp"

namespace izin::server {

namespace {

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS service_inbox (
  position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, case_id TEXT NOT NULL,
  role TEXT NOT NULL, message TEXT NOT NULL, at INTEGER NOT NULL, state TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS service_inbox_role ON service_inbox (role, position);
CREATE TABLE IF NOT EXISTS service_inbox_cursor (one INTEGER PRIMARY KEY CHECK (one = 1), sequence INTEGER NOT NULL);
)";

constexpr std::size_t kBatch = 500;       // changes read at a time
constexpr int kBatchesPerCollect = 8;     // so catching up on a large feed never stalls one request long

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

void bind(sqlite3_stmt* s, int i, const std::string& text) {
  sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::int64_t seconds(Instant t) { return t.time_since_epoch().count(); }

// The roles as one text, "\nr1\nr2\n", so one statement takes any number of them.
std::string role_list(const std::vector<std::string>& roles) {
  std::string out = "\n";
  for (const auto& role : roles) out += role + "\n";
  return out;
}

#define IZIN_INBOX_WHERE "WHERE instr(?1, char(10) || role || char(10)) > 0 "

}  // namespace

InboxStore::InboxStore(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open the inbox in " + path + ": " + why);
  }
  sqlite3_busy_timeout(db_, 5000);
  if (sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
}

InboxStore::~InboxStore() { sqlite3_close(db_); }

sqlite3_stmt* InboxStore::prepare(const char* sql) const {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) fail();
  return s;
}

void InboxStore::fail() const { throw std::runtime_error(std::string("inbox: ") + sqlite3_errmsg(db_)); }

std::uint64_t InboxStore::cursor() const {
  Statement s(prepare("SELECT sequence FROM service_inbox_cursor WHERE one = 1"), sqlite3_finalize);
  return sqlite3_step(s.get()) == SQLITE_ROW ? static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 0)) : 0;
}

void InboxStore::set_cursor(std::uint64_t sequence) {
  Statement s(prepare("INSERT OR REPLACE INTO service_inbox_cursor (one, sequence) VALUES (1, ?)"), sqlite3_finalize);
  sqlite3_bind_int64(s.get(), 1, static_cast<std::int64_t>(sequence));
  if (sqlite3_step(s.get()) != SQLITE_DONE) fail();
}

bool InboxStore::kept(const std::string& id) const {
  Statement s(prepare("SELECT 1 FROM service_inbox WHERE id = ?"), sqlite3_finalize);
  bind(s.get(), 1, id);
  return sqlite3_step(s.get()) == SQLITE_ROW;
}

void InboxStore::keep(const Notification& n) {
  Statement s(prepare("INSERT OR IGNORE INTO service_inbox (id, case_id, role, message, at, state) VALUES (?, ?, ?, ?, ?, ?)"),
              sqlite3_finalize);
  bind(s.get(), 1, n.id);
  bind(s.get(), 2, n.case_id);
  bind(s.get(), 3, n.role);
  bind(s.get(), 4, n.message);
  sqlite3_bind_int64(s.get(), 5, seconds(n.at));
  bind(s.get(), 6, n.state);
  if (sqlite3_step(s.get()) != SQLITE_DONE) fail();
}

void InboxStore::copy_new(Store& store, const std::string& case_id) {
  for (const OutboxNotification& n : store.case_notifications(case_id))
    if (!kept(n.notification.id)) keep(n.notification);
}

void InboxStore::collect(Store& store) {
  for (int batch = 0; batch < kBatchesPerCollect; ++batch) {
    const auto changes = store.changes_since(cursor(), kBatch);
    if (changes.empty()) return;
    std::set<std::string> changed;
    for (const auto& change : changes) changed.insert(change.case_id);
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) fail();
    try {
      for (const auto& id : changed) {
        try {
          copy_new(store, id);
        } catch (const DamagedCaseError& e) {
          log_line(LogLevel::Warning, std::string("inbox: skipped a damaged case: ") + e.what());
        }
      }
      set_cursor(changes.back().sequence);
      if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) fail();
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    if (changes.size() < kBatch) return;
  }
}

InboxPage InboxStore::page(const std::vector<std::string>& roles, std::uint64_t before, std::size_t limit) const {
  InboxPage out;
  if (roles.empty()) return out;
  const std::string list = role_list(roles);
  Statement count(prepare("SELECT count(*) FROM service_inbox " IZIN_INBOX_WHERE), sqlite3_finalize);
  bind(count.get(), 1, list);
  if (sqlite3_step(count.get()) == SQLITE_ROW) out.total = static_cast<std::size_t>(sqlite3_column_int64(count.get(), 0));
  if (limit == 0) return out;
  // One row past the page tells whether another page follows.
  Statement s(prepare("SELECT id, case_id, role, message, at, state, position FROM service_inbox " IZIN_INBOX_WHERE
                      "AND (?2 = 0 OR position < ?2) ORDER BY position DESC LIMIT ?3"),
              sqlite3_finalize);
  bind(s.get(), 1, list);
  sqlite3_bind_int64(s.get(), 2, static_cast<std::int64_t>(before));
  sqlite3_bind_int64(s.get(), 3, static_cast<std::int64_t>(limit) + 1);
  std::uint64_t last = 0;
  auto text = [&](int col) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s.get(), col))); };
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    if (out.notifications.size() == limit) {
      out.next = last;
      break;
    }
    out.notifications.push_back(Notification{text(1), text(2), text(3),
                                             Instant{std::chrono::seconds{sqlite3_column_int64(s.get(), 4)}},
                                             text(5), text(0)});
    last = static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 6));
  }
  return out;
}

}  // namespace izin::server
