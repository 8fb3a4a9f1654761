// The studio's editor page and its form: check, compare with the live version, save.
#include "pages_studio.hpp"

#include <algorithm>

#include "page_words.hpp"
#include "pages.hpp"
#include "studio_files.hpp"
#include "studio_panels.hpp"
#include "studio_save.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

bool studio_allowed(const Caller& caller) {
  const auto& roles = caller.user.roles;
  return std::find(roles.begin(), roles.end(), kStudioRole) != roles.end();
}

namespace {

Response message_page(App& app, const Call& call, http::status status, const std::string& word) {
  const Language lang = page_language(call);
  mustache::data data{mustache::data::type::object};
  data.set("message", page_word(lang, word));
  return html_page(app, call, status, page_word(lang, "studio_title"), "pesan", data);
}

mustache::data diagnostic_rows(const std::vector<Diagnostic>& diagnostics) {
  mustache::data rows{mustache::data::type::list};
  for (const auto& d : diagnostics) {
    const auto [what, hint] = split_hint(d.message);
    mustache::data row{mustache::data::type::object};
    row.set("severity", std::string(severity_name(d.severity)));
    row.set("code", d.code);
    row.set("line", std::to_string(d.line));
    row.set("message", what);
    row.set("hint", hint);
    rows.push_back(row);
  }
  return rows;
}

// The editor page for `text`, with the panels (and the rollout when `compare`) and a note on top.
Response editor_page(App& app, const Call& call, http::status status, const std::string& file, const std::string& text,
                     const std::map<std::string, std::string>& form, bool compare, mustache::data note) {
  const Language lang = page_language(call);
  const StudioCheck check = studio_check(app.procedures_dir(), file, text, lang);
  mustache::data data = studio_view(app, check, file, form, compare, lang);
  data.set("file", file);
  data.set("href", percent_encode(file));
  data.set("text", text);
  data.set("note", note);
  return html_page(app, call, status, page_word(lang, "studio_title") + ": " + file, "studio_edit", data);
}

mustache::data saved_note(const StudioSave& saved, Language lang) {
  mustache::data note{mustache::data::type::object};
  note.set("saved", page_word(lang, saved.live ? "studio_saved_live" : "studio_saved_not_live"));
  return note;
}

mustache::data refused_note(const StudioSave& saved, Language lang) {
  mustache::data note{mustache::data::type::object};
  note.set("refused", page_word(lang, "studio_refused"));
  note.set("reasons", diagnostic_rows(saved.refusals));
  return note;
}

}  // namespace

mustache::data studio_view(App& app, const StudioCheck& check, const std::string& file,
                           const std::map<std::string, std::string>& form, bool compare, Language lang) {
  mustache::data data = studio_panels(app, check, file, form, compare, lang);
  data.set("diagnostics", diagnostic_rows(check.compiled.diagnostics));
  data.set("no_diagnostics", check.compiled.diagnostics.empty());
  data.set("has_procedure", check.compiled.procedure != nullptr);
  return data;
}

Response studio_list(App& app, Call& call) {
  if (!studio_allowed(*call.caller)) return message_page(app, call, http::status::forbidden, "studio_forbidden");
  mustache::data files{mustache::data::type::list};
  for (const auto& name : studio_files(app.procedures_dir())) {
    mustache::data row{mustache::data::type::object};
    row.set("name", name);
    row.set("href", percent_encode(name));
    files.push_back(row);
  }
  mustache::data data{mustache::data::type::object};
  data.set("files", files);
  return html_page(app, call, http::status::ok, page_word(page_language(call), "studio_title"), "studio", data);
}

Response studio_editor(App& app, Call& call) {
  if (!studio_allowed(*call.caller)) return message_page(app, call, http::status::forbidden, "studio_forbidden");
  const std::string file = call.params.at("file");
  const auto path = studio_file(app.procedures_dir(), file);
  if (!path) return message_page(app, call, http::status::not_found, "studio_no_file");
  mustache::data note{mustache::data::type::object};
  if (call.query.count("disimpan")) note.set("saved", page_word(page_language(call), "studio_saved_live"));
  return editor_page(app, call, http::status::ok, file, read_file_text(*path), {}, false, note);
}

Response studio_submit(App& app, Call& call) {
  if (!studio_allowed(*call.caller)) return message_page(app, call, http::status::forbidden, "studio_forbidden");
  const std::string file = call.params.at("file");
  if (!studio_file(app.procedures_dir(), file)) return message_page(app, call, http::status::not_found, "studio_no_file");
  const auto form = form_fields(call);
  const auto text_field = form.find("teks");
  const std::string text = text_field == form.end() ? "" : text_field->second;
  const auto action_field = form.find("aksi");
  const std::string action = action_field == form.end() ? "periksa" : action_field->second;
  const Language lang = page_language(call);
  if (action != "simpan")
    return editor_page(app, call, http::status::ok, file, text, form, action == "bandingkan", mustache::data{false});
  const StudioCheck check = studio_check(app.procedures_dir(), file, text, lang);
  const StudioSave saved = save_studio_text(app, file, text, check, call.caller->user.name, lang);
  if (!saved.saved)  // nothing written: the text stays in the form to be fixed
    return editor_page(app, call, http::status::unprocessable_entity, file, text, form, false, refused_note(saved, lang));
  if (saved.live) return redirect(call, "/studio/" + percent_encode(file) + "?disimpan=" + std::to_string(saved.version_id));
  return editor_page(app, call, http::status::ok, file, text, form, false, saved_note(saved, lang));
}

}  // namespace izin::server
