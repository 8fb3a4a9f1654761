// The procedures as data: list, one model, a deadline preview, and checking a posted text.
#include "api_json.hpp"
#include "errors.hpp"
#include "izin/load.hpp"
#include "izin/names.hpp"
#include "izin/preview.hpp"
#include "routes.hpp"

namespace izin::server::routes_impl {

namespace {
ProcedurePtr procedure_of(App& app, const Call& call) {
  int version = 0;
  if (const auto it = call.query.find("version"); it != call.query.end()) {
    try {
      version = std::stoi(it->second);
    } catch (const std::exception&) {
      throw invalid_input(http::status::bad_request, "version must be a number", "version harus berupa angka");
    }
  }
  auto p = app.engine().procedure(call.params.at("id"), version);
  if (!p) throw ApiError{http::status::not_found, "unknown_procedure", nullptr, call.params.at("id")};
  return p;
}

nlohmann::json preview_json(const DeadlinePreview& pv, const WorkingDayCalendar& cal) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : pv.steps) {
    nlohmann::json deadlines = nlohmann::json::array();
    for (const auto& d : s.deadlines)
      deadlines.push_back({{"text", d.text}, {"due", format_instant(d.due)}, {"last_day", d.last_day.to_string()},
                           {"automatic", d.automatic}, {"deemed", d.deemed}, {"conditional", d.conditional},
                           {"provisional", d.provisional}, {"target", d.target}, {"notify", d.notify}});
    steps.push_back({{"state", s.id}, {"label", s.label}, {"paused", s.paused},
                     {"entered", format_instant(s.entered)}, {"left", format_instant(s.left)},
                     {"leave_by", s.leave_by}, {"deadlines", deadlines}});
  }
  return {{"calendar", cal.id()}, {"steps", steps}, {"reached_final", pv.reached_final}, {"outcome", pv.outcome},
          {"deemed", pv.deemed},
          {"sla_due", pv.sla_due ? nlohmann::json(pv.sla_due->to_string()) : nlohmann::json(nullptr)},
          {"sla_provisional", pv.sla_provisional}};
}
}  // namespace

Response list_procedures(App& app, Call& call) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : app.engine().procedures())
    out.push_back({{"id", p->id}, {"version", p->version}, {"title", p->title}});
  return reply(call, http::status::ok, {{"procedures", out}});
}

Response show_procedure(App& app, Call& call) {
  return reply(call, http::status::ok, procedure_json(*procedure_of(app, call)));
}

Response preview_deadlines(App& app, Call& call) {
  const auto p = procedure_of(app, call);
  const auto from = call.query.find("from");
  const auto date = from == call.query.end() ? std::nullopt : Date::parse(from->second);
  if (!date) throw invalid_input(http::status::bad_request, "from wants YYYY-MM-DD", "from harus tanggal YYYY-MM-DD");
  const CalendarPtr cal = app.engine().calendar(p->calendar);
  if (!cal) throw invalid_input(http::status::unprocessable_entity, "no calendar " + p->calendar, "kalender " + p->calendar + " tidak ada");
  // Opened at 08:00 local: the counter's first hour.
  const Instant opened = cal->start_of_day(*date) + std::chrono::hours(8);
  return reply(call, http::status::ok, preview_json(preview_deadlines(*p, *cal, opened), *cal));
}

Response check(App&, Call& call) {
  const auto body = call.body();
  const auto text = body.find("text");
  if (text == body.end() || !text->is_string())
    throw invalid_input(http::status::bad_request, "text is required", "text wajib diisi");
  LoadOptions options;
  options.language = language_of(call.req);
  const auto result = compile_procedure(text->get<std::string>(), body.value("file", "posted.izin"), options);
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& d : result.diagnostics)
    diagnostics.push_back({{"severity", to_string(d.severity)}, {"code", d.code}, {"file", d.file},
                           {"line", d.line}, {"column", d.column}, {"message", d.message}});
  return reply(call, http::status::ok, {{"ok", result.procedure != nullptr}, {"diagnostics", diagnostics}});
}

}  // namespace izin::server::routes_impl
