// The studio's history of saved versions, a line diff of any two, the guide, and the editor's script.
#include <charconv>

#include "line_diff.hpp"
#include "page_assets.hpp"
#include "page_words.hpp"
#include "pages.hpp"
#include "pages_studio.hpp"
#include "studio_files.hpp"
#include "studio_guide.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

Response refused(App& app, const Call& call, http::status status, const std::string& word) {
  const Language lang = page_language(call);
  mustache::data data{mustache::data::type::object};
  data.set("message", page_word(lang, word));
  return html_page(app, call, status, page_word(lang, "studio_title"), "pesan", data);
}

// The saved version named by query key `key`, when it belongs to `file`.
std::optional<SavedVersion> version_of(App& app, const Call& call, const std::string& key, const std::string& file) {
  const auto it = call.query.find(key);
  if (it == call.query.end()) return std::nullopt;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), id);
  if (ec != std::errc() || end != it->second.data() + it->second.size()) return std::nullopt;
  auto v = app.studio_history().find(id);
  if (!v || v->file != file) return std::nullopt;
  return v;
}

mustache::data version_row(const SavedVersion& v, Language lang) {
  mustache::data row{mustache::data::type::object};
  row.set("id", std::to_string(v.id));
  row.set("saved_by", v.saved_by.empty() ? page_word(lang, "studio_before_studio") : v.saved_by);
  row.set("saved_at", v.saved_at);
  return row;
}

}  // namespace

Response studio_history_page(App& app, Call& call) {
  if (!studio_allowed(*call.caller)) return refused(app, call, http::status::forbidden, "studio_forbidden");
  const std::string file = call.params.at("file");
  if (!studio_file(app.procedures_dir(), file)) return refused(app, call, http::status::not_found, "studio_no_file");
  const Language lang = page_language(call);
  mustache::data versions{mustache::data::type::list};
  for (const auto& v : app.studio_history().list(file)) versions.push_back(version_row(v, lang));
  mustache::data data{mustache::data::type::object};
  data.set("file", file);
  data.set("href", percent_encode(file));
  data.set("versions", versions);
  data.set("none", versions.is_empty_list());
  return html_page(app, call, http::status::ok, page_word(lang, "studio_history"), "studio_riwayat", data);
}

Response studio_diff_page(App& app, Call& call) {
  if (!studio_allowed(*call.caller)) return refused(app, call, http::status::forbidden, "studio_forbidden");
  const std::string file = call.params.at("file");
  if (!studio_file(app.procedures_dir(), file)) return refused(app, call, http::status::not_found, "studio_no_file");
  const auto before = version_of(app, call, "dari", file), after = version_of(app, call, "ke", file);
  if (!before || !after) return refused(app, call, http::status::not_found, "studio_no_version");
  const Language lang = page_language(call);
  mustache::data lines{mustache::data::type::list};
  for (const auto& l : line_diff(before->text, after->text)) {
    mustache::data row{mustache::data::type::object};
    row.set("kind", l.kind == DiffLine::Kind::Same ? "same" : l.kind == DiffLine::Kind::Added ? "added" : "removed");
    row.set("mark", l.kind == DiffLine::Kind::Same ? " " : l.kind == DiffLine::Kind::Added ? "+" : "-");
    row.set("old_line", l.old_line ? std::to_string(l.old_line) : "");
    row.set("new_line", l.new_line ? std::to_string(l.new_line) : "");
    row.set("text", l.text);
    lines.push_back(row);
  }
  mustache::data data{mustache::data::type::object};
  data.set("file", file);
  data.set("href", percent_encode(file));
  data.set("before", version_row(*before, lang));
  data.set("after", version_row(*after, lang));
  data.set("lines", lines);
  return html_page(app, call, http::status::ok, page_word(lang, "studio_diff"), "studio_beda", data);
}

Response studio_guide_page(App& app, Call& call) {
  if (!studio_allowed(*call.caller)) return refused(app, call, http::status::forbidden, "studio_forbidden");
  mustache::data data{mustache::data::type::object};
  data.set("guide", guide_html());  // cmark-gfm's safe HTML of our own docs, put in unescaped
  return html_page(app, call, http::status::ok, page_word(page_language(call), "studio_guide"), "studio_panduan", data);
}

Response studio_script(App&, Call& call) {
  Response res{http::status::ok, call.req.version()};
  res.set(http::field::content_type, "text/javascript; charset=utf-8");
  res.set(http::field::cache_control, "public, max-age=86400");
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(call.req.keep_alive());
  res.body() = std::string(page_asset("studio.js"));
  res.prepare_payload();
  return res;
}

}  // namespace izin::server
