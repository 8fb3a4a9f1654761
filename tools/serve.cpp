// `izin serve`: runs the office service until SIGTERM or SIGINT, then stops
// cleanly (requests in flight answered) and exits 0.
#include <csignal>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "commands.hpp"
#include "izin/izin.hpp"
#include "izin/log.hpp"
#include "izin/names.hpp"
#include "izin/server/demo.hpp"
#include "izin/server/server.hpp"
#include "izin/server/studio.hpp"
#include "izin/server/users.hpp"

namespace izin::cli {

namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string db = "izin.db";
  std::string accounts;  // empty: the --db file
  std::string procedures = "procedures";
  std::string office;  // empty: PROCEDURES/office.yaml when present
  std::string public_url;
  int session_idle_minutes = 30;
  int session_hours = 12;
  std::string webhook;
  std::string webhook_secret_file;
  bool demo = false;
};

// The secret's first line, without the line end; throws std::runtime_error when unreadable or empty.
std::string read_secret(const std::string& path) {
  std::ifstream in(path);
  std::string secret;
  if (!in || !std::getline(in, secret)) throw std::runtime_error("--webhook-secret-file: cannot read '" + path + "'");
  while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ')) secret.pop_back();
  if (secret.empty()) throw std::runtime_error("--webhook-secret-file: '" + path + "' starts with an empty line");
  return secret;
}

// "HOST:PORT" into the server's options; throws std::invalid_argument naming the flaw.
void parse_listen(const std::string& text, server::ServerOptions& out) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("--listen wants HOST:PORT, got '" + text + "'");
  out.address = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535)
    throw std::invalid_argument("--listen: '" + port + "' is not a port number");
  out.port = static_cast<std::uint16_t>(std::stoi(port));
}

// The roles the directory's procedures declare, in file order, each once.
std::vector<std::string> declared_roles(const std::string& procedures) {
  const Library lib = load({procedures}, LoadOptions{Language::English, false});
  std::vector<std::string> roles;
  std::set<std::string> seen;
  for (const auto& p : lib.procedures)
    for (const auto& r : p->roles)
      if (seen.insert(r.id).second) roles.push_back(r.id);
  if (seen.insert(server::kStudioRole).second) roles.push_back(server::kStudioRole);  // policy staff, for /studio
  return roles;
}

// --demo: one account per role with a fresh password, printed for the newcomer to sign in with
// (the running service has made the database).
void print_demo_accounts(const ServeOptions& o, const std::string& address) {
  const auto users = server::open_sqlite_user_store(server::accounts_file(o.db, o.accounts));
  std::cout << "Demo office: sign in at " << address << "/masuk as one of these (new passwords each start):\n";
  for (const auto& a : server::make_demo_accounts(*users, declared_roles(o.procedures)))
    std::cout << "  " << a.name << "  " << a.password << "\n";
  std::cout << "Open a case at " << address << "/loket; track it at " << address << "/lacak.\n" << std::flush;
}

int run_serve(const ServeOptions& o) {
  // Lines go to stderr with their level; the library never logs secrets, and neither does the service.
  set_log_sink([](LogLevel level, std::string_view line) { std::cerr << "izin: " << to_string(level) << ": " << line << '\n'; });
  server::ServerOptions options;
  parse_listen(o.listen, options);
  options.db = o.db;
  options.accounts = o.accounts;
  options.procedures = o.procedures;
  options.office = o.office;
  options.public_url = o.public_url;
  options.limits.session_idle = std::chrono::minutes(o.session_idle_minutes);
  options.limits.session_lifetime = std::chrono::hours(o.session_hours);
  options.webhook = o.webhook;
  if (!o.webhook_secret_file.empty()) options.webhook_secret = read_secret(o.webhook_secret_file);
  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  server::Server service(options);
  service.start();
  // Listening on every address: this PC's own browser reaches it at 127.0.0.1.
  const std::string host = options.address == "0.0.0.0" ? "127.0.0.1" : options.address;
  if (o.demo) print_demo_accounts(o, "http://" + host + ":" + std::to_string(service.port()));
  std::cerr << "izin: serving http://" << options.address << ":" << service.port() << "/api/v1/" << std::endl;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cerr << "izin: stopping (" << (signal == SIGTERM ? "SIGTERM" : "SIGINT") << ")" << std::endl;
  service.stop();
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "run the office's HTTP service (JSON API under /api/v1/)");
  cmd->add_option("--listen", options->listen, "address and port")->capture_default_str();
  cmd->add_option("--db", options->db, "case database: SQLite file (made when missing) or postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--accounts", options->accounts, "SQLite file of staff accounts (default: the --db file; "
                                                   "required with a postgresql:// --db)");
  cmd->add_option("--procedures", options->procedures, "procedure directory")->capture_default_str();
  cmd->add_option("--office", options->office, "office.yaml for the service standards under /layanan/ "
                                               "(default: PROCEDURES/office.yaml when present)");
  cmd->add_option("--public-url", options->public_url,
                  "where citizens reach this service (https://…): the QR codes on receipts and printed pages");
  cmd->add_option("--session-idle", options->session_idle_minutes, "minutes unused before a browser session ends")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  cmd->add_option("--session-hours", options->session_hours, "hours after sign-in that a browser session ends")
      ->check(CLI::Range(1, 24 * 7))
      ->capture_default_str();
  cmd->add_option("--webhook", options->webhook, "POST each notification as JSON to this http:// URL");
  cmd->add_option("--webhook-secret-file", options->webhook_secret_file,
                  "file whose first line signs each POST (X-Izin-Signature: sha256=HMAC)")
      ->needs("--webhook");
  cmd->add_flag("--demo", options->demo, "make a demo staff account per role and print the passwords");
  cmd->callback([options] {
    try {
      exit_status() = run_serve(*options);
    } catch (const std::exception& e) {
      std::cerr << "izin serve: " << e.what() << "\n";
      exit_status() = 2;
    }
  });
}

}  // namespace izin::cli
