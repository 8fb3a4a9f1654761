// The case page (/kasus/{id}): where the case stands and what the signed-in user may do
// with it; firing an event from its forms, a refusal shown with every reason.
#include "errors.hpp"
#include "event_role.hpp"
#include "page_case_parts.hpp"
#include "page_fields.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

// The page for `c`, with the reasons of a refusal when firing was refused.
Response render_case(App& app, const Call& call, const Case& c, http::status status, mustache::data refusal) {
  const Language lang = page_language(call);
  const auto p = app.engine().procedure(c.procedure, c.version);
  const auto cal = app.engine().calendar(c);
  const CaseView v = app.engine().view(c);
  mustache::data data{mustache::data::type::object};
  data.set("id", c.id);
  data.set("procedure", p->title.empty() ? p->id : p->title);
  data.set("state", state_label(*p, v.state));
  data.set("closed", v.closed);
  data.set("outcome", v.outcome);
  auto fields = case_data(v, *p, lang);
  data.set("has_data", !fields.is_empty_list());
  data.set("data", fields);
  data.set("timeline", case_timeline(c, *p, *cal, lang));
  auto deadlines = case_deadlines(v, *p, *cal);
  data.set("has_deadlines", !deadlines.is_empty_list());
  data.set("deadlines", deadlines);
  data.set("sla", case_sla(app.engine().sla(c, app.now())));
  auto fees = case_fees(app.engine().fees(c));
  data.set("has_fees", !fees.is_empty_list());
  data.set("fees", fees);
  data.set("events", case_events(app.engine(), c, *p, *call.caller));
  data.set("refusal", refusal);
  return html_page(app, call, status, page_word(lang, "case_title") + " " + c.id, "kasus", data);
}

// The case named in the path whose procedure version and calendar are loaded, or nullopt.
std::optional<Case> shown_case(App& app, const Call& call) {
  auto c = app.engine().find(call.params.at("id"));
  if (!c || !app.engine().procedure(c->procedure, c->version) || !app.engine().calendar(*c)) return std::nullopt;
  return c;
}

Response not_found(App& app, const Call& call) {
  const Language lang = page_language(call);
  mustache::data data{mustache::data::type::object};
  data.set("message", page_word(lang, "case_not_found"));
  return html_page(app, call, http::status::not_found, page_word(lang, "page_not_found"), "pesan", data);
}

std::string field(const std::map<std::string, std::string>& form, const char* key) {
  const auto it = form.find(key);
  return it == form.end() ? "" : it->second;
}

}  // namespace

Response case_page(App& app, Call& call) {
  const auto c = shown_case(app, call);
  if (!c) return not_found(app, call);
  return render_case(app, call, *c, http::status::ok, mustache::data{false});
}

Response fire_from_page(App& app, Call& call) {
  const auto c = shown_case(app, call);
  if (!c) return not_found(app, call);
  const Language lang = page_language(call);
  const auto p = app.engine().procedure(c->procedure, c->version);
  const auto form = form_fields(call);
  EventRequest request;
  request.event = field(form, "peristiwa");
  request.actor = {call.caller->user.name, role_for_event(app.engine(), *c, *call.caller, request.event)};
  request.key = field(form, "kunci");
  request.documents = posted_documents(*p, form);
  auto posted = posted_data(*p, form);
  if (!posted.unfit.empty())
    return render_case(app, call, *c, http::status::unprocessable_entity, unfit_reasons(posted.unfit, lang));
  request.data = std::move(posted.data);
  const Outcome o = app.engine().fire(c->id, request);
  if (o.accepted) return redirect(call, "/kasus/" + percent_encode(c->id));
  const auto now = app.engine().find(c->id);  // a refused event changes nothing, but journals the refusal
  return render_case(app, call, now ? *now : *c, refusal_status(o.refusal->code), refusal_reasons(*o.refusal, lang));
}

}  // namespace izin::server
