// Tracking codes in a server-owned table of the izin database file, on a
// connection of their own; only a digest of case id and code is stored.
#include <sqlite3.h>

#include <stdexcept>

#include "izin/server/tracking.hpp"
#include "secrets.hpp"

namespace izin::server {
namespace {

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS service_tracking (case_id TEXT PRIMARY KEY, digest TEXT NOT NULL);
)";

// The digest binds the code to its case, so one code never opens another case.
std::string digest(const std::string& case_id, const std::string& code) { return token_digest(case_id + "\n" + code); }

class SqliteTrackingStore final : public TrackingStore {
 public:
  explicit SqliteTrackingStore(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot open tracking codes in " + path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
    if (sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
  }
  ~SqliteTrackingStore() override { sqlite3_close(db_); }
  SqliteTrackingStore(const SqliteTrackingStore&) = delete;
  SqliteTrackingStore& operator=(const SqliteTrackingStore&) = delete;

  std::string issue(const std::string& case_id) override {
    const std::string code = new_tracking_code();
    sqlite3_stmt* s = prepare("INSERT OR REPLACE INTO service_tracking (case_id, digest) VALUES (?, ?)");
    bind(s, 1, case_id);
    bind(s, 2, digest(case_id, code));
    const int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) fail();
    return code;
  }

  bool matches(const std::string& case_id, std::string_view typed) const override {
    const auto code = normalize_tracking_code(typed);
    if (!code) return false;
    sqlite3_stmt* s = prepare("SELECT digest FROM service_tracking WHERE case_id = ?");
    bind(s, 1, case_id);
    std::string stored;
    if (sqlite3_step(s) == SQLITE_ROW) stored = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return !stored.empty() && same_secret(stored, digest(case_id, *code));
  }

 private:
  sqlite3_stmt* prepare(const char* sql) const {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) fail();
    return s;
  }
  static void bind(sqlite3_stmt* s, int i, const std::string& text) {
    sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  [[noreturn]] void fail() const { throw std::runtime_error(std::string("tracking codes: ") + sqlite3_errmsg(db_)); }

  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<TrackingStore> open_sqlite_tracking_store(const std::string& path) {
  return std::make_unique<SqliteTrackingStore>(path);
}

}  // namespace izin::server
