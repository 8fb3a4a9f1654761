// Working the pages like a browser does: hidden form fields, cookies, form POSTs, signing in.
#pragma once

#include <string>

#include "office.hpp"

namespace serve_test {

using verb = boost::beast::http::verb;

// The value of the hidden field `name` in the first form that has it.
inline std::string hidden(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  const auto at = html.find(marker);
  if (at == std::string::npos) return "";
  const auto from = at + marker.size();
  return html.substr(from, html.find('"', from) - from);
}

inline std::string cookie_pair(const Reply& r) {
  const auto& set = r.headers.at("Set-Cookie");
  return set.substr(0, set.find(';'));
}

inline Reply post_form(Client& c, const std::string& target, const std::string& body) {
  c.extra["Content-Type"] = "application/x-www-form-urlencoded";
  return c.send(verb::post, target, body);
}

// Signs in through the form; on success the client keeps the session cookie.
inline Reply page_sign_in(Client& c, const std::string& name, const std::string& password, const std::string& ke = "") {
  const auto form = c.get("/masuk");
  c.cookie = cookie_pair(form);
  auto r = post_form(c, "/masuk", "nama=" + name + "&sandi=" + password + "&csrf=" + hidden(form.body, "csrf") + "&ke=" + ke);
  if (r.status == 303) c.cookie = cookie_pair(r);
  return r;
}
}  // namespace serve_test
