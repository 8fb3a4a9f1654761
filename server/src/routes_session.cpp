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
    throw invalid_input(http::status::bad_request, std::string(key) + " is required", std::string(key) + " wajib diisi");
  return it->get<std::string>();
}
}  // namespace

SignIn sign_in_request(App& app, const Call& call) {
  const auto body = call.body();
  SignIn s{text_member(body, "name"), text_member(body, "password")};
  const auto now = std::chrono::steady_clock::now();
  if (app.limiter().blocked("address:" + call.client, now) || app.limiter().blocked("name:" + s.name, now))
    throw ApiError{http::status::too_many_requests, "too_many_attempts"};
  app.limiter().attempting("address:" + call.client);
  app.limiter().attempting("name:" + s.name);
  return s;
}

void sign_in_settled(App& app, const Call& call, const SignIn& s) {
  app.limiter().settled("address:" + call.client);
  app.limiter().settled("name:" + s.name);
}

PasswordCheck check_password(const UserStore& users, const SignIn& s) {
  // The stamp before the check: a password changed in between then ends this session at its first use.
  auto stamp = users.credential_stamp(s.name);
  return {users.authenticate(s.name, s.password), std::move(stamp)};
}

Response sign_in_answer(App& app, const Call& call, const SignIn& s, const PasswordCheck& checked) {
  const auto now = std::chrono::steady_clock::now();
  const std::string by_address = "address:" + call.client, by_name = "name:" + s.name;
  if (!checked.user) {
    app.limiter().failed(by_address, now);
    app.limiter().failed(by_name, now);
    log_line(LogLevel::Warning, "failed sign-in from " + call.client);  // never the name or password typed
    throw ApiError{http::status::unauthorized, "login_failed"};
  }
  app.limiter().forget(by_name);
  const auto& user = *checked.user;
  const auto [id, csrf] = app.sessions().open(user.name, checked.stamp);
  auto res = reply(call, http::status::ok, {{"user", user.name}, {"roles", user.roles}, {"csrf_token", csrf}});
  res.set(http::field::set_cookie, session_cookie(id));
  return res;
}

Response open_session(App& app, Call& call) {
  const auto s = sign_in_request(app, call);
  std::optional<PasswordCheck> checked;
  try {
    checked = check_password(app.users(), s);
  } catch (...) {
    sign_in_settled(app, call, s);
    throw;
  }
  sign_in_settled(app, call, s);
  return sign_in_answer(app, call, s, *checked);
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
