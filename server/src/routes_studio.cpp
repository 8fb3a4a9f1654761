// POST /api/v1/studio/live: the studio editor's diagnostics and panels for the text being typed.
#include "errors.hpp"
#include "pages.hpp"
#include "pages_studio.hpp"
#include "routes.hpp"
#include "studio_files.hpp"

namespace izin::server::routes_impl {

namespace {
// The panel's inputs as the form fields the page POST would send (isi_…, dok_…, dari).
std::map<std::string, std::string> form_of(const nlohmann::json& body) {
  std::map<std::string, std::string> form;
  const auto it = body.find("form");
  if (it == body.end() || !it->is_object()) return form;
  for (const auto& [key, value] : it->items())
    if (value.is_string()) form[key] = value.get<std::string>();
  return form;
}
}  // namespace

Response studio_live(App& app, Call& call) {
  if (!studio_allowed(*call.caller)) throw ApiError{http::status::forbidden, "policy_role_required"};
  const auto body = call.body();
  const auto text = body.find("text");
  const auto file = body.find("file");
  if (text == body.end() || !text->is_string() || file == body.end() || !file->is_string())
    throw invalid_input(http::status::bad_request, "text and file are required", "text dan file wajib diisi");
  if (!studio_file(app.procedures_dir(), file->get<std::string>()))
    throw ApiError{http::status::not_found, "not_found", nullptr, file->get<std::string>()};
  const Language lang = page_language(call);
  const StudioCheck check = studio_check(app.procedures_dir(), *file, *text, lang);
  const auto view = studio_view(app, check, *file, form_of(body), false, lang);
  return reply(call, http::status::ok,
               {{"ok", check.ok()}, {"diagnostics", diagnostics_json(check.compiled.diagnostics)},
                {"panels", render_fragment(call, "studio_panels", view)}});
}

}  // namespace izin::server::routes_impl
