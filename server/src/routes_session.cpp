// Signing in and out, the OpenAPI document, and the procedure problems list.
#include <algorithm>

#include "errors.hpp"
#include "izin/log.hpp"
#include "openapi_text.hpp"
#include "routes.hpp"

namespace izin::server::routes_impl {

namespace {
std::string text_member(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || !it->is_string())
    throw ApiError{http::status::bad_request, "invalid_input", nullptr, std::string(key) + " is required"};
  return it->get<std::string>();
}
}  // namespace

Response open_session(App& app, Call& call) {
  const auto body = call.body();
  const std::string name = text_member(body, "name"), password = text_member(body, "password");
  const auto now = std::chrono::steady_clock::now();
  const std::string by_address = "address:" + call.client, by_name = "name:" + name;
  if (app.limiter().blocked(by_address, now) || app.limiter().blocked(by_name, now))
    throw ApiError{http::status::too_many_requests, "too_many_attempts"};
  const auto user = app.users().authenticate(name, password);
  if (!user) {
    app.limiter().failed(by_address, now);
    app.limiter().failed(by_name, now);
    log_line(LogLevel::Warning, "failed sign-in from " + call.client);  // never the name or password typed
    throw ApiError{http::status::unauthorized, "login_failed"};
  }
  app.limiter().forget(by_name);
  const auto [id, csrf] = app.sessions().open(user->name);
  auto res = reply(call, http::status::ok, {{"user", user->name}, {"roles", user->roles}, {"csrf_token", csrf}});
  res.set(http::field::set_cookie, session_cookie(id));
  return res;
}

Response close_session(App& app, Call& call) {
  if (!call.caller->session.empty()) app.sessions().close(call.caller->session);
  auto res = reply(call, http::status::ok, {{"signed_out", true}});
  res.set(http::field::set_cookie, session_cookie(""));
  return res;
}

Response openapi(App&, Call& call) {
  Response res{http::status::ok, call.req.version()};
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.keep_alive(call.req.keep_alive());
  res.body() = std::string(openapi_text());
  res.prepare_payload();
  return res;
}

Response problems(App& app, Call& call) {
  return reply(call, http::status::ok, {{"problems", app.problems()}});
}

std::string acting_role(const Caller& caller, const std::string& requested) {
  const auto& roles = caller.user.roles;
  if (requested.empty()) return roles.empty() ? "" : roles.front();
  if (std::find(roles.begin(), roles.end(), requested) == roles.end())
    throw ApiError{http::status::forbidden, "role_not_yours", {{"role", requested}, {"roles", roles}}};
  return requested;
}

}  // namespace izin::server::routes_impl
