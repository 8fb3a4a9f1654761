#include "app.hpp"

#include <algorithm>

#include "errors.hpp"
#include "inbox_store.hpp"
#include "izin/log.hpp"
#include "izin/open_store.hpp"
#include "izin/store_unavailable.hpp"
#include "secrets.hpp"
#include "url.hpp"

namespace izin::server {

nlohmann::json Call::body() const {
  const auto parsed = nlohmann::json::parse(req.body(), nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object())
    throw ApiError{http::status::bad_request, "invalid_json"};
  return parsed;
}

Response reply(const Call& call, http::status status, const nlohmann::json& body) {
  return json_response(status, body, call.req.version(), call.req.keep_alive());
}

App::App(const ServerOptions& options, const Clock* clock)
    : clock_(clock ? clock : &system_clock_),
      sessions_(options.limits.session_idle, options.limits.session_lifetime),
      limiter_(options.limits.login_failures, options.limits.login_window),
      tracking_limiter_(options.limits.login_failures, options.limits.login_window) {
  procedures_dir_ = options.procedures;
  store_ = open_store(options.db);
  public_url_ = checked_public_url(options.public_url);
  site_ = std::make_unique<ServiceSite>(office_file(options.office, options.procedures), public_url_);
  engine_ = std::make_unique<Engine>(*clock_, *store_, Language::Indonesian);
  ProcedureSetOptions set;
  set.load.language = Language::Indonesian;
  set.poll = true;  // the watcher is a timer on the engine thread; no inotify thread needed
  set.on_reload = [this](const ReloadReport& report) {
    if (report.changed() || !report.rejected.empty()) problems_ = report.rejected;
    if (report.changed()) site_->invalidate();
  };
  procedures_ = std::make_unique<ProcedureSet>(*engine_, *store_, options.procedures, set);
  problems_ = procedures_->load().rejected;
  // The accounts' tables go into the file only once the engine's store has made it an izin database.
  users_ = open_sqlite_user_store(accounts_file(options.db, options.accounts));
  tracking_ = open_sqlite_tracking_store(accounts_file(options.db, options.accounts));
  // The survey's tables go where `izin skm` reads them: the --db file (the accounts file with PostgreSQL).
  survey_ = standards::open_sqlite_survey_store(accounts_file(options.db, options.accounts));
  inbox_ = std::make_unique<InboxStore>(accounts_file(options.db, options.accounts));
  studio_history_ = open_sqlite_studio_history(accounts_file(options.db, options.accounts));
}

App::~App() = default;

void App::tick() {
  const auto outcomes = engine_->advance_to(clock_->now());
  if (!outcomes.empty()) log_line(LogLevel::Info, "ticker: " + std::to_string(outcomes.size()) + " deadline(s) fired");
  try {
    inbox_->collect(*store_);
  } catch (const std::exception& e) {
    log_line(LogLevel::Error, std::string("ticker: cannot fill the inbox: ") + e.what());  // tried again next tick
  }
}

bool App::heads_office(const User& user) const {
  // The head's role in the shipped procedures, and an administrator's.
  static const std::vector<std::string> kHeadRoles = {"kepala_dinas", "admin"};
  for (const auto& role : user.roles)
    if (std::find(kHeadRoles.begin(), kHeadRoles.end(), role) != kHeadRoles.end()) return true;
  return false;
}

void App::watch() { procedures_->poll(); }

std::optional<Caller> App::authenticate(const Request& req) {
  const auto auth = req.find(http::field::authorization);
  if (auth != req.end()) {
    const std::string_view value = auth->value();
    if (value.substr(0, 7) != "Bearer ") return std::nullopt;
    auto user = users_->token_user(std::string(value.substr(7)));
    if (!user) return std::nullopt;
    return Caller{*user, ""};
  }
  const auto id = cookie(req, kSessionCookie);
  auto* session = id ? sessions_.find(*id) : nullptr;
  if (!session) return std::nullopt;
  auto user = users_->find(session->user);
  if (!user || user->disabled) {
    sessions_.close(*id);
    return std::nullopt;
  }
  // A password changed since sign-in (`izin user passwd`, even from another process) ends the session.
  const auto stamp = users_->credential_stamp(user->name);
  if (session->stamp.empty()) session->stamp = stamp;
  if (session->stamp != stamp) {
    sessions_.close(*id);
    return std::nullopt;
  }
  const bool changes_state = req.method() != http::verb::get && req.method() != http::verb::head;
  if (changes_state) {
    const auto token = req.find("X-CSRF-Token");
    if (token == req.end() || !same_secret(std::string(token->value()), session->csrf))
      throw ApiError{http::status::forbidden, "csrf_missing"};
  }
  return Caller{*user, *id};
}

Response App::dispatch(Call& call) {
  if (auto page = dispatch_page(call)) return std::move(*page);
  const auto [path, query] = split_target(call.req.target());
  bool path_known = false;
  for (const auto& route : routes()) {
    auto params = match_path(route.pattern, path);
    if (!params) continue;
    path_known = true;
    if (route.method != call.req.method()) continue;
    call.params = std::move(*params);
    call.query = parse_query(query);
    if (route.needs_caller) require_caller(call);
    return route.handle(*this, call);
  }
  if (path_known) throw ApiError{http::status::method_not_allowed, "method_not_allowed"};
  throw ApiError{http::status::not_found, "not_found"};
}

void App::require_caller(Call& call) {
  call.caller = authenticate(call.req);
  if (!call.caller) throw ApiError{http::status::unauthorized, "unauthenticated"};
}

Response App::handle(const Request& req, const std::string& client) {
  Call call{req, client, {}, {}, {}};
  return guarded(req, [&] { return dispatch(call); });
}

Response App::guarded(const Request& req, const std::function<Response()>& answer) {
  try {
    return answer();
  } catch (const ApiError& e) {
    return error_response(e, language_of(req), req.version(), req.keep_alive());
  } catch (const ConflictError&) {
    return error_response({http::status::conflict, "conflict"}, language_of(req), req.version(), req.keep_alive());
  } catch (const StoreUnavailableError& e) {
    // Passing: the client retries (with its Idempotency-Key) once the database is back.
    log_line(LogLevel::Warning, std::string("database unavailable: ") + e.what());
    Response res = error_response({http::status::service_unavailable, "store_unavailable"}, language_of(req),
                                  req.version(), req.keep_alive());
    res.set(http::field::retry_after, "5");
    return res;
  } catch (const std::exception& e) {
    log_line(LogLevel::Error, std::string("request failed: ") + e.what());
    return error_response({http::status::internal_server_error, "internal"}, language_of(req), req.version(),
                          req.keep_alive());
  }
}

}  // namespace izin::server
