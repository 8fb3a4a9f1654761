// The HTML pages' table, their dispatch, and the layout every page shares.
#include "pages.hpp"

#include <cctype>
#include <stdexcept>

#include "errors.hpp"
#include "inbox.hpp"
#include "page_assets.hpp"
#include "page_words.hpp"
#include "pages_studio.hpp"
#include "secrets.hpp"
#include "url.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

const std::vector<Route>& page_routes() {
  using http::verb;
  static const std::vector<Route> table = {
      {verb::get, "/static/izin.css", false, stylesheet},
      {verb::get, "/lacak", false, track},
      {verb::post, "/lacak/survei", false, answer_survey},
      {verb::get, "/layanan", false, service_site_home},
      {verb::get, "/layanan/", false, service_site_file},
      {verb::get, "/layanan/{file}", false, service_site_file},
      {verb::get, "/layanan/en/", false, service_site_file},
      {verb::get, "/layanan/en/{file}", false, service_site_file},
      {verb::get, "/layanan/json/{file}", false, service_site_file},
      {verb::get, "/masuk", false, sign_in_form},
      {verb::post, "/masuk", false, sign_in},
      {verb::post, "/keluar", true, sign_out},
      {verb::get, "/kerja", true, worklist_page},
      {verb::get, "/kotak-masuk", true, inbox_page},
      {verb::get, "/pimpinan", true, head_of_office_page},
      {verb::get, "/kasus/{id}", true, case_page},
      {verb::post, "/kasus/{id}/peristiwa", true, fire_from_page},
      {verb::get, "/kasus/{id}/tanda-terima", true, receipt_page},
      {verb::post, "/kasus/{id}/kode-lacak", true, reissue_tracking_code},
      {verb::get, "/loket", true, counter_services},
      {verb::get, "/loket/survei", true, paper_survey_form},  // before /loket/{procedure}
      {verb::post, "/loket/survei", true, paper_survey_submit},
      {verb::get, "/loket/{procedure}", true, counter_form},
      {verb::post, "/loket/{procedure}", true, counter_submit},
      {verb::get, "/static/studio.js", false, studio_script},
      {verb::get, "/studio", true, studio_list},
      {verb::get, "/studio/panduan", true, studio_guide_page},
      {verb::get, "/studio/{file}", true, studio_editor},
      {verb::post, "/studio/{file}", true, studio_submit},
      {verb::get, "/studio/{file}/riwayat", true, studio_history_page},
      {verb::get, "/studio/{file}/beda", true, studio_diff_page},
  };
  return table;
}

namespace {
// The hidden csrf field of a signed-in form is the session's token.
bool form_csrf_ok(App& app, const Call& call) {
  const auto* session = app.sessions().find(call.caller->session);
  const auto fields = form_fields(call);
  const auto it = fields.find("csrf");
  return session && it != fields.end() && same_secret(it->second, session->csrf);
}

Response form_expired(App& app, const Call& call) {
  mustache::data data{mustache::data::type::object};
  data.set("message", page_word(page_language(call), "form_expired"));
  return html_page(app, call, http::status::forbidden, page_word(page_language(call), "sign_in_title"), "pesan", data);
}
}  // namespace

std::optional<Response> App::dispatch_page(Call& call) {
  const auto [path, query] = split_target(call.req.target());
  for (const auto& route : page_routes()) {
    if (route.method != call.req.method()) continue;
    auto params = match_path(route.pattern, path);
    if (!params) continue;
    call.params = std::move(*params);
    call.query = parse_query(query);
    if (route.needs_caller) {
      call.caller = page_caller(*this, call.req);
      // A GET comes back here after signing in; a stale POST starts again from the worklist.
      if (!call.caller) return redirect(call, route.method == http::verb::get ? "/masuk?ke=" + percent_encode(call.req.target()) : "/masuk");
      if (route.method == http::verb::post && !form_csrf_ok(*this, call)) return form_expired(*this, call);
    }
    return route.handle(*this, call);
  }
  return std::nullopt;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {
constexpr const char* kLanguageCookie = "izin_lang";

std::string lang_code(Language lang) { return lang == Language::English ? "en" : "id"; }

// The same page in the other language, keeping what was asked (e.g. the case being tracked).
std::string other_language_href(const Call& call, Language other) {
  std::string href = split_target(call.req.target()).first + "?";
  for (const auto& [k, v] : call.query)
    if (k != "lang") href += percent_encode(k) + "=" + percent_encode(v) + "&";
  return href + "lang=" + lang_code(other);
}

std::string render(std::string_view name, const mustache::data& data) {
  mustache::mustache tmpl{std::string(page_asset(name))};
  if (!tmpl.is_valid()) throw std::logic_error(std::string(name) + ": " + tmpl.error_message());
  return tmpl.render(data);
}

// The words as {{w.…}} and the pieces several pages share as partials.
void add_shared_parts(mustache::data& data, Language lang) {
  data.set("w", page_words(lang));
  for (const char* part : {"field_input", "document_input", "refusal_reasons", "survey_questions", "studio_panels"})
    data.set(part, mustache::partial{[part] { return std::string(page_asset(std::string(part) + ".mustache")); }});
}
}  // namespace

std::string render_fragment(const Call& call, std::string_view name, mustache::data data) {
  add_shared_parts(data, page_language(call));
  return render(std::string(name) + ".mustache", data);
}

Language page_language(const Call& call) {
  if (const auto it = call.query.find("lang"); it != call.query.end() && (it->second == "en" || it->second == "id"))
    return it->second == "en" ? Language::English : Language::Indonesian;
  if (const auto chosen = cookie(call.req, kLanguageCookie)) return *chosen == "en" ? Language::English : Language::Indonesian;
  return language_of(call.req);
}

Response html_page(App& app, const Call& call, http::status status, const std::string& title, std::string_view name,
                   mustache::data data) {
  const Language lang = page_language(call);
  const Language other = lang == Language::English ? Language::Indonesian : Language::English;
  add_shared_parts(data, lang);
  mustache::data layout{mustache::data::type::object};
  layout.set("w", page_words(lang));
  layout.set("lang", lang_code(lang));
  layout.set("title", title);
  layout.set("other_lang", lang_code(other));
  layout.set("other_lang_href", other_language_href(call, other));
  if (call.caller && !call.caller->session.empty())
    if (const auto* session = app.sessions().find(call.caller->session)) {
      layout.set("user", call.caller->user.name);
      layout.set("inbox_count", std::to_string(inbox_count(app, call.caller->user)));
      layout.set("heads_office", app.heads_office(call.caller->user));
      layout.set("studio", studio_allowed(*call.caller));
      layout.set("csrf", session->csrf);
      data.set("csrf", session->csrf);  // every form of a signed-in page carries it
    }
  layout.set("content", render(std::string(name) + ".mustache", data));
  Response res{status, call.req.version()};
  res.set(http::field::content_type, "text/html; charset=utf-8");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  res.set("Referrer-Policy", "no-referrer");  // page addresses may carry a tracking code
  res.set(http::field::cache_control, "no-store");
  if (const auto it = call.query.find("lang"); it != call.query.end() && (it->second == "en" || it->second == "id"))
    res.set(http::field::set_cookie, std::string(kLanguageCookie) + "=" + it->second +
                                         "; Path=/; Max-Age=31536000; SameSite=Lax");
  res.keep_alive(call.req.keep_alive());
  res.body() = render("layout.mustache", layout);
  res.prepare_payload();
  return res;
}

std::optional<Caller> page_caller(App& app, const Request& req) {
  const auto id = cookie(req, kSessionCookie);
  const auto* session = id ? app.sessions().find(*id) : nullptr;
  if (!session) return std::nullopt;
  auto user = app.users().find(session->user);
  if (!user || user->disabled) return std::nullopt;
  return Caller{*user, *id};
}

std::map<std::string, std::string> form_fields(const Call& call) {
  const auto type = call.req.find(http::field::content_type);
  if (type == call.req.end() || type->value().find("application/x-www-form-urlencoded") != 0) return {};
  return parse_query(call.req.body());
}

Response redirect(const Call& call, const std::string& location) {
  Response res{http::status::see_other, call.req.version()};
  res.set(http::field::location, location);
  res.set(http::field::cache_control, "no-store");
  res.keep_alive(call.req.keep_alive());
  res.prepare_payload();
  return res;
}

Response stylesheet(App&, Call& call) {
  Response res{http::status::ok, call.req.version()};
  res.set(http::field::content_type, "text/css; charset=utf-8");
  res.set(http::field::cache_control, "public, max-age=86400");
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(call.req.keep_alive());
  res.body() = std::string(page_asset("izin.css"));
  res.prepare_payload();
  return res;
}

}  // namespace izin::server
