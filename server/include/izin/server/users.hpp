// Staff accounts and API tokens of `izin serve`, kept apart from the engine's
// store behind a small interface (SQLite now; PostgreSQL can follow).
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace izin::server {

// A user operation refused (unknown user, name taken, bad name or role).
struct UserError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One staff account as listed: never its password hash.
struct User {
  std::string name;
  std::vector<std::string> roles;  // role ids of the loaded procedures
  bool disabled = false;
  friend bool operator==(const User&, const User&) = default;
};

// Where accounts live. Passwords and tokens arrive in clear and are stored
// only as argon2id hashes (passwords) or keyed digests (tokens).
class UserStore {
 public:
  virtual ~UserStore() = default;
  virtual void add(const std::string& name, const std::vector<std::string>& roles, const std::string& password) = 0;
  virtual void set_password(const std::string& name, const std::string& password) = 0;
  virtual void set_roles(const std::string& name, const std::vector<std::string>& roles) = 0;
  virtual void disable(const std::string& name) = 0;
  virtual std::vector<User> list() const = 0;
  virtual std::optional<User> find(const std::string& name) const = 0;
  // The user when the password is theirs and the account is enabled.
  virtual std::optional<User> authenticate(const std::string& name, const std::string& password) const = 0;
  // A new API token for the user, returned once in clear.
  virtual std::string issue_token(const std::string& name) = 0;
  // The enabled user a token belongs to.
  virtual std::optional<User> token_user(const std::string& token) const = 0;
  // Text that changes whenever the user's password does (never the hash
  // itself), so sessions signed in before a change end; "" for an unknown user.
  virtual std::string credential_stamp(const std::string& /*name*/) const { return ""; }
};

// The accounts in the izin database at `path` (server-owned tables beside the
// engine's). The izin store must already exist there; throws UserError naming
// the file when it cannot be opened.
std::unique_ptr<UserStore> open_sqlite_user_store(const std::string& path);

// The SQLite file the staff accounts live in: `accounts` when given, else the
// --db file. Throws std::runtime_error when --db is a PostgreSQL URL and no
// accounts file is given (accounts do not live in PostgreSQL yet).
std::string accounts_file(const std::string& db, const std::string& accounts);

}  // namespace izin::server
