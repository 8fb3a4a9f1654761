// `izin user add|passwd|roles|disable|list|token`: the office service's
// staff accounts, in the same database file as the cases.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "commands.hpp"
#include "izin/izin.hpp"
#include "izin/server/studio.hpp"
#include "izin/server/users.hpp"

namespace izin::cli {

namespace {

struct UserOptions {
  std::string db = "izin.db";
  std::string accounts;  // SQLite file of the accounts; empty: the --db file
  std::string procedures = "procedures";
  std::string name;
  std::vector<std::string> roles;
  bool password_stdin = false;
};

// The accounts of the database, making it an izin database first when missing.
std::unique_ptr<server::UserStore> open_users(const UserOptions& o) {
  open_store(o.db).reset();
  return server::open_sqlite_user_store(server::accounts_file(o.db, o.accounts));
}

// A password from stdin: one line; typed without echo on a terminal, twice.
std::string read_password(const UserOptions& o) {
  const bool terminal = !o.password_stdin && isatty(STDIN_FILENO);
  termios saved{};
  if (terminal) {
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::cerr << "password: " << std::flush;
  }
  std::string password, again;
  std::getline(std::cin, password);
  if (terminal) {
    std::cerr << "\nagain: " << std::flush;
    std::getline(std::cin, again);
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
    if (again != password) throw server::UserError("the two passwords differ");
  }
  if (password.size() < 8) throw server::UserError("a password needs at least 8 characters");
  return password;
}

// Warns about roles no procedure of the directory declares (the account still works for the others).
void warn_unknown_roles(const UserOptions& o) {
  const Library lib = load({o.procedures}, LoadOptions{Language::English, false});
  std::set<std::string> known{server::kStudioRole};  // the service's own role, for the procedure studio
  for (const auto& p : lib.procedures)
    for (const auto& r : p->roles) known.insert(r.id);
  for (const auto& r : o.roles)
    if (!known.count(r)) std::cerr << "izin user: warning: no procedure under " << o.procedures << " has role '" << r << "'\n";
}

void guarded(const std::function<void()>& body) {
  try {
    body();
  } catch (const server::UserError& e) {
    std::cerr << "izin user: " << e.what() << "\n";
    exit_status() = 2;
  } catch (const StoreError& e) {
    std::cerr << "izin user: " << e.what() << "\n";
    exit_status() = 2;
  }
}

CLI::App* subcommand(CLI::App& parent, const char* name, const char* help, UserOptions& o, bool named = true) {
  auto* cmd = parent.add_subcommand(name, help);
  cmd->add_option("--db", o.db, "case database (SQLite file or postgresql:// URL)")->capture_default_str();
  cmd->add_option("--accounts", o.accounts, "SQLite file of the accounts (default: the --db file)");
  if (named) cmd->add_option("NAME", o.name, "user name")->required();
  return cmd;
}

}  // namespace

void add_user_command(CLI::App& app) {
  auto o = std::make_shared<UserOptions>();
  auto* user = app.add_subcommand("user", "staff accounts of `izin serve`");
  user->require_subcommand(1);
  auto* add = subcommand(*user, "add", "add a user with roles and a password", *o);
  add->add_option("--role", o->roles, "a role id of the procedures (repeat for more)")->required();
  add->add_option("--procedures", o->procedures, "procedure directory (to check the roles)")->capture_default_str();
  add->add_flag("--password-stdin", o->password_stdin, "read the password from stdin (one line)");
  add->callback([o] { guarded([o] {
    warn_unknown_roles(*o);
    open_users(*o)->add(o->name, o->roles, read_password(*o));
  }); });
  auto* passwd = subcommand(*user, "passwd", "set a user's password", *o);
  passwd->add_flag("--password-stdin", o->password_stdin, "read the password from stdin (one line)");
  passwd->callback([o] { guarded([o] { open_users(*o)->set_password(o->name, read_password(*o)); }); });
  auto* roles = subcommand(*user, "roles", "replace a user's roles", *o);
  roles->add_option("--role", o->roles, "a role id (repeat for more)")->required();
  roles->add_option("--procedures", o->procedures, "procedure directory (to check the roles)")->capture_default_str();
  roles->callback([o] { guarded([o] {
    warn_unknown_roles(*o);
    open_users(*o)->set_roles(o->name, o->roles);
  }); });
  subcommand(*user, "disable", "stop a user signing in (their tokens stop too)", *o)
      ->callback([o] { guarded([o] { open_users(*o)->disable(o->name); }); });
  subcommand(*user, "token", "print a new API token for the user, once", *o)
      ->callback([o] { guarded([o] { std::cout << open_users(*o)->issue_token(o->name) << "\n"; }); });
  subcommand(*user, "list", "list users and their roles", *o, false)->callback([o] { guarded([o] {
    for (const auto& u : open_users(*o)->list()) {
      std::cout << u.name << "\t";
      for (std::size_t i = 0; i < u.roles.size(); ++i) std::cout << (i ? "," : "") << u.roles[i];
      std::cout << (u.disabled ? "\tdisabled" : "") << "\n";
    }
  }); });
}

}  // namespace izin::cli
