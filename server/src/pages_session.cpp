// Signing in and out with forms (/masuk, /keluar). Before a session exists the
// sign-in form is protected by a double-submit token: a cookie and a hidden field.
#include <chrono>

#include "izin/log.hpp"
#include "page_words.hpp"
#include "pages.hpp"
#include "secrets.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {
constexpr const char* kLoginCookie = "izin_masuk";

// Only a path of this service: never another site (an open redirect) nor "//host".
std::string safe_return(const std::string& ke) {
  if (ke.size() < 2 || ke[0] != '/' || ke[1] == '/' || ke[1] == '\\') return "/kerja";
  return ke;
}

std::string field(const std::map<std::string, std::string>& fields, const char* key) {
  const auto it = fields.find(key);
  return it == fields.end() ? "" : it->second;
}

// The form with a fresh token, and `message` when there is one.
Response form(App& app, const Call& call, http::status status, const std::string& name, const std::string& ke,
              const std::string& message) {
  const Language lang = page_language(call);
  const std::string token = random_token();
  mustache::data data{mustache::data::type::object};
  data.set("csrf", token);
  data.set("ke", ke);
  data.set("nama", name);
  data.set("has_message", !message.empty());
  data.set("message", message);
  auto res = html_page(app, call, status, page_word(lang, "sign_in_title"), "masuk", data);
  res.insert(http::field::set_cookie, std::string(kLoginCookie) + "=" + token + "; Path=/masuk; HttpOnly; SameSite=Strict");
  return res;
}
}  // namespace

Response sign_in_form(App& app, Call& call) {
  const auto it = call.query.find("ke");
  return form(app, call, http::status::ok, "", it == call.query.end() ? "" : it->second, "");
}

Response sign_in(App& app, Call& call) {
  const Language lang = page_language(call);
  const auto fields = form_fields(call);
  const std::string name = field(fields, "nama"), ke = field(fields, "ke");
  const auto expected = cookie(call.req, kLoginCookie);
  if (!expected || expected->empty() || !same_secret(field(fields, "csrf"), *expected))
    return form(app, call, http::status::forbidden, name, ke, page_word(lang, "form_expired"));
  const auto now = std::chrono::steady_clock::now();
  const std::string by_address = "address:" + call.client, by_name = "name:" + name;
  if (app.limiter().blocked(by_address, now) || app.limiter().blocked(by_name, now))
    return form(app, call, http::status::too_many_requests, name, ke, page_word(lang, "too_many"));
  const auto user = app.users().authenticate(name, field(fields, "sandi"));
  if (!user) {
    app.limiter().failed(by_address, now);
    app.limiter().failed(by_name, now);
    log_line(LogLevel::Warning, "failed sign-in from " + call.client);  // never the name or password typed
    return form(app, call, http::status::unauthorized, name, ke, page_word(lang, "login_failed"));
  }
  app.limiter().forget(by_name);
  const auto session = app.sessions().open(user->name).first;
  auto res = redirect(call, safe_return(ke));
  res.insert(http::field::set_cookie, std::string(kLoginCookie) + "=; Path=/masuk; Max-Age=0");
  res.insert(http::field::set_cookie, session_cookie(session));
  return res;
}

Response sign_out(App& app, Call& call) {
  app.sessions().close(call.caller->session);
  auto res = redirect(call, "/masuk");
  res.set(http::field::set_cookie, session_cookie(""));
  return res;
}

}  // namespace izin::server
