// The accounts in server-owned tables of the izin database file, on a
// connection of their own, with their own schema version.
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <functional>
#include <map>

#include "izin/server/users.hpp"
#include "secrets.hpp"

namespace izin::server {
namespace {

constexpr int kSchemaVersion = 1;

const char* const kSchema = R"(
CREATE TABLE IF NOT EXISTS service_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS service_users (
  name TEXT PRIMARY KEY, roles TEXT NOT NULL, password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS service_tokens (
  digest TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES service_users(name), created TEXT NOT NULL);
)";

// Statements prepared once per connection (keyed by their SQL literal): a
// request's token lookup must not parse SQL again.
class Prepared {
 public:
  Prepared() = default;
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  ~Prepared() { clear(); }
  sqlite3_stmt* get(sqlite3* db, const char* sql) {
    const auto found = statements_.find(sql);
    if (found != statements_.end()) return found->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      throw UserError(std::string("accounts: ") + sqlite3_errmsg(db));
    return statements_.emplace(sql, stmt).first->second;
  }
  void clear() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    statements_.clear();
  }

 private:
  std::map<const char*, sqlite3_stmt*> statements_;
};

// One use of a prepared statement, reset for the next when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, Prepared& prepared, const char* sql) : db_(db), stmt_(prepared.get(db, sql)) {}
  ~Statement() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  bool row() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) throw UserError(std::string("accounts: ") + sqlite3_errmsg(db_));
    return false;
  }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  int integer(int col) const { return sqlite3_column_int(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

std::vector<std::string> roles_from(const std::string& json) { return nlohmann::json::parse(json); }

void check_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.find_first_of(" \t\r\n:") != std::string::npos)
    throw UserError("user name '" + name + "' must be 1-64 characters without spaces or ':'");
}

void check_roles(const std::vector<std::string>& roles) {
  if (roles.empty()) throw UserError("a user needs at least one --role");
}

class SqliteUserStore final : public UserStore {
 public:
  explicit SqliteUserStore(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw UserError("cannot open accounts in " + path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
    exec(kSchema);
    Statement v(db_, prepared_, "SELECT version FROM service_schema");
    if (!v.row()) {
      exec("INSERT INTO service_schema VALUES (" + std::to_string(kSchemaVersion) + ")");
    } else if (v.integer(0) > kSchemaVersion) {
      throw UserError("accounts in " + path + " have schema " + std::to_string(v.integer(0)) +
                      ", newer than this izin knows (" + std::to_string(kSchemaVersion) + "): upgrade izin");
    }
  }
  ~SqliteUserStore() override {
    prepared_.clear();  // a connection with statements left open does not close
    sqlite3_close(db_);
  }

  void add(const std::string& name, const std::vector<std::string>& roles, const std::string& password) override {
    check_name(name);
    check_roles(roles);
    if (find(name)) throw UserError("user '" + name + "' already exists");
    Statement s(db_, prepared_, "INSERT INTO service_users (name, roles, password_hash) VALUES (?, ?, ?)");
    s.bind(1, name).bind(2, nlohmann::json(roles).dump()).bind(3, hash_password(password)).row();
  }
  void set_password(const std::string& name, const std::string& password) override {
    require(name);
    Statement s(db_, prepared_, "UPDATE service_users SET password_hash = ? WHERE name = ?");
    s.bind(1, hash_password(password)).bind(2, name).row();
  }
  void set_roles(const std::string& name, const std::vector<std::string>& roles) override {
    check_roles(roles);
    require(name);
    Statement s(db_, prepared_, "UPDATE service_users SET roles = ? WHERE name = ?");
    s.bind(1, nlohmann::json(roles).dump()).bind(2, name).row();
  }
  void disable(const std::string& name) override {
    require(name);
    Statement s(db_, prepared_, "UPDATE service_users SET disabled = 1 WHERE name = ?");
    s.bind(1, name).row();
  }
  std::vector<User> list() const override {
    Statement s(db_, prepared_, "SELECT name, roles, disabled FROM service_users ORDER BY name");
    std::vector<User> out;
    while (s.row()) out.push_back({s.text(0), roles_from(s.text(1)), s.integer(2) != 0});
    return out;
  }
  std::optional<User> find(const std::string& name) const override {
    Statement s(db_, prepared_, "SELECT name, roles, disabled FROM service_users WHERE name = ?");
    s.bind(1, name);
    if (!s.row()) return std::nullopt;
    return User{s.text(0), roles_from(s.text(1)), s.integer(2) != 0};
  }
  std::optional<User> authenticate(const std::string& name, const std::string& password) const override {
    Statement s(db_, prepared_, "SELECT password_hash FROM service_users WHERE name = ? AND disabled = 0");
    s.bind(1, name);
    if (!s.row() || !password_matches(s.text(0), password)) return std::nullopt;
    return find(name);
  }
  std::string issue_token(const std::string& name) override {
    require(name);
    const std::string token = random_token();
    Statement s(db_, prepared_, "INSERT INTO service_tokens (digest, name, created) VALUES (?, ?, datetime('now'))");
    s.bind(1, token_digest(token)).bind(2, name).row();
    return token;
  }
  std::optional<User> token_user(const std::string& token) const override {
    Statement s(db_, prepared_,
                "SELECT u.name, u.roles FROM service_tokens t JOIN service_users u ON u.name = t.name "
                "WHERE t.digest = ? AND u.disabled = 0");
    s.bind(1, token_digest(token));
    if (!s.row()) return std::nullopt;
    return User{s.text(0), roles_from(s.text(1)), false};
  }
  std::string credential_stamp(const std::string& name) const override {
    Statement s(db_, prepared_, "SELECT password_hash FROM service_users WHERE name = ?");
    s.bind(1, name);
    // Each hash has a fresh salt, so its digest changes with every passwd, even to the same password.
    return s.row() ? token_digest(s.text(0)) : "";
  }

 private:
  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string why = error ? error : "unknown error";
      sqlite3_free(error);
      throw UserError("accounts: " + why);
    }
  }
  void require(const std::string& name) const {
    if (!find(name)) throw UserError("no user '" + name + "'");
  }

  sqlite3* db_ = nullptr;
  mutable Prepared prepared_;  // reads are const; preparing once is not a change
};

}  // namespace

std::unique_ptr<UserStore> open_sqlite_user_store(const std::string& path) {
  return std::make_unique<SqliteUserStore>(path);
}

}  // namespace izin::server
