// The service's state and its request handling: engine, store, procedure
// set, accounts, sessions. Every member is used on the engine thread only.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth.hpp"
#include "http.hpp"
#include "izin/engine.hpp"
#include "izin/procedure_set.hpp"
#include "izin/server/server.hpp"
#include "izin/server/studio_history.hpp"
#include "izin/server/tracking.hpp"
#include "izin/server/users.hpp"
#include "izin/standards/survey.hpp"
#include "receipt_codes.hpp"
#include "service_site.hpp"

namespace izin::server {

// One request as a route sees it.
struct Call {
  const Request& req;
  std::string client;                         // peer address, for login limits
  std::map<std::string, std::string> params;  // {id} from the path, decoded
  std::map<std::string, std::string> query;   // ?k=v, decoded
  std::optional<Caller> caller;               // set for routes that need one
  nlohmann::json body() const;                // the JSON body; throws ApiError 400
};

class App;
class InboxStore;

// A route: method, path pattern with {id}, whether it needs a signed-in caller.
struct Route {
  http::verb method;
  std::string pattern;
  bool needs_caller;
  Response (*handle)(App&, Call&);
};

// Every route of /api/v1, in the order the router tries them.
const std::vector<Route>& routes();
// The HTML pages (pages.cpp); tried before the API, answered in HTML.
const std::vector<Route>& page_routes();

class App {
 public:
  // `clock` (tests) replaces the wall clock when given; it must outlive the App.
  explicit App(const ServerOptions& options, const Clock* clock = nullptr);
  ~App();

  // Answers one request; never throws.
  Response handle(const Request& req, const std::string& client);
  // What `answer` returns, or the JSON error it throws (ApiError, conflict, else 500); never throws.
  Response guarded(const Request& req, const std::function<Response()>& answer);
  // Sets the call's caller from its session or token; throws ApiError 401 without one.
  void require_caller(Call& call);
  // Fires due deadlines with the wall clock (the ticker).
  void tick();
  // Reloads changed procedure files (the watcher).
  void watch();

  Engine& engine() { return *engine_; }
  Store& store() { return *store_; }
  UserStore& users() { return *users_; }
  Sessions& sessions() { return sessions_; }
  LoginLimiter& limiter() { return limiter_; }
  TrackingStore& tracking() { return *tracking_; }
  LoginLimiter& tracking_limiter() { return tracking_limiter_; }
  ReceiptCodes& receipt_codes() { return receipt_codes_; }
  standards::SurveyStore& survey() { return *survey_; }
  ServiceSite& service_site() { return *site_; }
  InboxStore& inbox() { return *inbox_; }
  const std::vector<std::string>& problems() const { return problems_; }
  Instant now() const { return clock_->now(); }
  // Whether the user may see the head of office's figures.
  bool heads_office(const User& user) const;
  const std::filesystem::path& procedures_dir() const { return procedures_dir_; }
  // --public-url without a trailing '/', or "".
  const std::string& public_url() const { return public_url_; }
  StudioHistory& studio_history() { return *studio_history_; }

 private:
  Response dispatch(Call& call);
  std::optional<Response> dispatch_page(Call& call);
  std::optional<Caller> authenticate(const Request& req);

  SystemClock system_clock_;
  const Clock* clock_;
  std::string public_url_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<ProcedureSet> procedures_;
  std::unique_ptr<UserStore> users_;
  Sessions sessions_;
  LoginLimiter limiter_;
  std::unique_ptr<TrackingStore> tracking_;
  LoginLimiter tracking_limiter_;  // wrong tracking codes per client address
  ReceiptCodes receipt_codes_;     // codes in clear between opening a case and its receipt
  std::unique_ptr<InboxStore> inbox_;  // escalations for the pages' inbox
  std::vector<std::string> problems_;  // files the last load refused, and why
  std::unique_ptr<standards::SurveyStore> survey_;  // SKM questionnaires, beside the tracking codes
  std::unique_ptr<ServiceSite> site_;               // /layanan/, made again after each reload
  std::filesystem::path procedures_dir_;  // the studio reads and writes its files
  std::unique_ptr<StudioHistory> studio_history_;  // versions saved from the studio
};

// A JSON answer to `call` with `status`.
Response reply(const Call& call, http::status status, const nlohmann::json& body);

}  // namespace izin::server
