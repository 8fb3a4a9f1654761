// The published service standards under /layanan/ (public, no sign-in): the
// files `izin publish` writes, byte for byte, from the live procedures. Their
// links are relative, so they work under this prefix as on a static host.
#include "page_words.hpp"
#include "pages.hpp"
#include "url.hpp"

namespace izin::server {

namespace {

constexpr std::string_view kPrefix = "/layanan/";

// The file under the site a path asks for: "/layanan/" → "index.html", "/layanan/en/pbg.html" → "en/pbg.html".
std::string site_path(const Call& call) {
  const std::string path = split_target(call.req.target()).first;
  std::string file = percent_decode(std::string_view(path).substr(kPrefix.size())).value_or("");
  if (file.empty() || file.back() == '/') file += "index.html";
  return file;
}

std::string content_type(const std::string& file) {
  if (file.ends_with(".json")) return "application/json";
  return file.ends_with(".svg") ? "image/svg+xml" : "text/html; charset=utf-8";
}

}  // namespace

Response service_site_home(App&, Call& call) { return redirect(call, std::string(kPrefix)); }

Response service_site_file(App& app, Call& call) {
  const std::string file = site_path(call);
  const std::string* text = app.service_site().find(file, app.engine().procedures());
  if (!text) {
    kainjow::mustache::data data{kainjow::mustache::data::type::object};
    data.set("message", page_word(page_language(call), "page_not_found"));
    return html_page(app, call, http::status::not_found, page_word(page_language(call), "page_not_found"), "pesan", data);
  }
  Response res{http::status::ok, call.req.version()};
  res.set(http::field::content_type, content_type(file));
  res.set(http::field::cache_control, "public, max-age=300");  // the same for everyone; changes with a procedure
  res.set("X-Content-Type-Options", "nosniff");
  // The pages carry one inline style, an inline QR code and the diagram beside them; nothing else may load or run.
  res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
  res.keep_alive(call.req.keep_alive());
  res.body() = *text;
  res.prepare_payload();
  return res;
}

}  // namespace izin::server
