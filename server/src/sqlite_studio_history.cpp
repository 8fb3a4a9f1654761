// The studio's saved versions in a server-owned table of the izin database file.
#include <sqlite3.h>

#include <stdexcept>

#include "izin/server/studio_history.hpp"

namespace izin::server {
namespace {

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS service_studio_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS service_studio_versions_file ON service_studio_versions (file, id);
)";

std::string column_text(sqlite3_stmt* s, int i) {
  const auto* t = sqlite3_column_text(s, i);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : "";
}

class SqliteStudioHistory final : public StudioHistory {
 public:
  explicit SqliteStudioHistory(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot open the studio history in " + path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
    if (sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
  }
  ~SqliteStudioHistory() override { sqlite3_close(db_); }
  SqliteStudioHistory(const SqliteStudioHistory&) = delete;
  SqliteStudioHistory& operator=(const SqliteStudioHistory&) = delete;

  std::int64_t record(const std::string& file, const std::string& saved_by, const std::string& saved_at,
                      const std::string& text) override {
    sqlite3_stmt* s = prepare("INSERT INTO service_studio_versions (file, saved_by, saved_at, text) VALUES (?, ?, ?, ?)");
    bind(s, 1, file);
    bind(s, 2, saved_by);
    bind(s, 3, saved_at);
    bind(s, 4, text);
    const int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) fail();
    return sqlite3_last_insert_rowid(db_);
  }

  std::vector<SavedVersion> list(const std::string& file) const override {
    sqlite3_stmt* s = prepare("SELECT id, file, saved_by, saved_at FROM service_studio_versions WHERE file = ? ORDER BY id DESC");
    bind(s, 1, file);
    std::vector<SavedVersion> out;
    while (sqlite3_step(s) == SQLITE_ROW)
      out.push_back({sqlite3_column_int64(s, 0), column_text(s, 1), column_text(s, 2), column_text(s, 3), ""});
    sqlite3_finalize(s);
    return out;
  }

  std::optional<SavedVersion> find(std::int64_t id) const override {
    sqlite3_stmt* s = prepare("SELECT id, file, saved_by, saved_at, text FROM service_studio_versions WHERE id = ?");
    sqlite3_bind_int64(s, 1, id);
    std::optional<SavedVersion> out;
    if (sqlite3_step(s) == SQLITE_ROW)
      out = SavedVersion{sqlite3_column_int64(s, 0), column_text(s, 1), column_text(s, 2), column_text(s, 3), column_text(s, 4)};
    sqlite3_finalize(s);
    return out;
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
  [[noreturn]] void fail() const { throw std::runtime_error(std::string("studio history: ") + sqlite3_errmsg(db_)); }

  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<StudioHistory> open_sqlite_studio_history(const std::string& path) {
  return std::make_unique<SqliteStudioHistory>(path);
}

}  // namespace izin::server
