// Citizen tracking (/lacak): case number + tracking code → where the
// application stands, in plain words. A wrong code and an unknown case look
// the same, and wrong attempts are limited per client address.
#include <chrono>

#include "page_checklist.hpp"
#include "page_fields.hpp"
#include "page_survey.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

std::string query_value(const Call& call, const char* key) {
  const auto it = call.query.find(key);
  return it == call.query.end() ? "" : it->second;
}

// Steps the applicant cares about: the opening and every change of state, not reminders to staff.
mustache::data steps(const Case& c, const Procedure& p, const WorkingDayCalendar& cal, Language lang) {
  mustache::data out{mustache::data::type::list};
  for (const auto& r : c.history) {
    mustache::data step{mustache::data::type::object};
    step.set("at", format_local(r.at, cal));
    if (r.kind == RecordKind::Opened) {
      step.set("label", page_word(lang, "opened"));
    } else if (r.from != r.to && (r.kind == RecordKind::Event || r.kind == RecordKind::Deadline)) {
      step.set("label", state_label(p, r.to));
    } else {
      continue;
    }
    out.push_back(step);
  }
  return out;
}

// Deadlines that move the case on (not reminders to staff), earliest first.
mustache::data next_steps(const CaseView& v, const Procedure& p, const WorkingDayCalendar& cal) {
  mustache::data out{mustache::data::type::list};
  for (const auto& d : v.pending) {
    if (d.target.empty()) continue;
    mustache::data next{mustache::data::type::object};
    next.set("label", state_label(p, d.target));
    next.set("due", format_local(d.due, cal));
    next.set("provisional", d.provisional);
    out.push_back(next);
  }
  return out;
}

// Documents the applicant brings that apply to this case and are not in yet.
mustache::data missing_documents(const Case& c, const Procedure& p) {
  mustache::data out{mustache::data::type::list};
  for (std::size_t i = 0; i < p.requirements.size(); ++i) {
    const auto& r = p.requirements[i];
    if (r.internal || c.documents[i] || requirement_need(p, i, c.data, c.documents) != Need::Required) continue;
    mustache::data doc{mustache::data::type::object};
    doc.set("label", r.label.empty() ? r.id : r.label);
    out.push_back(doc);
  }
  return out;
}

mustache::data status(App& app, const Case& c, Language lang, const standards::SurveyResponse* posted) {
  const auto p = app.engine().procedure(c.procedure, c.version);
  const auto cal = app.engine().calendar(c);
  const CaseView v = app.engine().view(c);
  const SlaStatus sla = app.engine().sla(c, app.now());
  mustache::data found{mustache::data::type::object};
  found.set("procedure", p->title.empty() ? p->id : p->title);
  found.set("id", c.id);
  found.set("state", state_label(*p, v.state));
  found.set("closed", v.closed);
  found.set("steps", steps(c, *p, *cal, lang));
  auto next = next_steps(v, *p, *cal);
  found.set("has_next", !next.is_empty_list());
  found.set("next", next);
  found.set("has_sla", sla.due.has_value() && !v.closed);
  found.set("sla_due", sla.due ? sla.due->to_string() : "");
  found.set("sla_provisional", sla.provisional);
  found.set("sla_paused", sla.paused);
  auto missing = v.closed ? mustache::data{mustache::data::type::list} : missing_documents(c, *p);
  found.set("has_missing", !missing.is_empty_list());
  found.set("missing", missing);
  // A decided case invites the satisfaction survey, once.
  const bool answered = v.closed && app.survey().answered(c.id);
  found.set("survey_answered", answered);
  if (v.closed && !answered) found.set("survey", survey_form(lang, posted));
  return found;
}

}  // namespace

Response tracking_page(App& app, const Call& call, http::status code, const TrackingAsked& asked, const Case* c,
                       const std::string& message, const standards::SurveyResponse* posted) {
  const Language lang = page_language(call);
  mustache::data data{mustache::data::type::object};
  data.set("kasus", asked.kasus);
  data.set("kode", asked.kode);
  data.set("has_message", !message.empty());
  data.set("message", message);
  if (c) data.set("found", status(app, *c, lang, posted));
  return html_page(app, call, code, page_word(lang, "track_title"), "lacak", data);
}

TrackedCase tracked_case(App& app, const Call& call, const TrackingAsked& asked) {
  const auto now = std::chrono::steady_clock::now();
  const std::string by_address = "address:" + call.client;
  if (app.tracking_limiter().blocked(by_address, now)) return {std::nullopt, http::status::too_many_requests, "too_many"};
  auto c = app.engine().find(asked.kasus);
  if (!c || !app.engine().procedure(c->procedure, c->version) || !app.engine().calendar(*c) ||
      !app.tracking().matches(c->id, asked.kode)) {
    app.tracking_limiter().failed(by_address, now);
    return {std::nullopt, http::status::not_found, "not_found"};
  }
  return {std::move(c), http::status::ok, ""};
}

Response track(App& app, Call& call) {
  const TrackingAsked asked{query_value(call, "kasus"), query_value(call, "kode")};
  if (asked.kasus.empty() && asked.kode.empty()) return tracking_page(app, call, http::status::ok, asked, nullptr, "");
  const auto tracked = tracked_case(app, call, asked);
  const std::string message = tracked.refused.empty() ? "" : page_word(page_language(call), tracked.refused);
  return tracking_page(app, call, tracked.status, asked, tracked.c ? &*tracked.c : nullptr, message);
}

}  // namespace izin::server
