#include "page_case_parts.hpp"

#include <algorithm>

#include "izin/calendar.hpp"
#include "izin/expr.hpp"
#include "page_fields.hpp"
#include "page_words.hpp"
#include "secrets.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {
mustache::data texts(const std::vector<std::string>& items) {
  mustache::data out{mustache::data::type::list};
  for (const auto& item : items) out.push_back(mustache::data{item});
  return out;
}

std::string what_happened(const HistoryRecord& r, Language lang) {
  if (r.kind == RecordKind::Opened) return page_word(lang, "opened");
  if (r.kind == RecordKind::Notification) return r.note;
  return r.event;
}

bool user_may(const AvailableEvent& e, const Caller& caller) {
  if (e.roles.empty()) return true;
  return std::any_of(caller.user.roles.begin(), caller.user.roles.end(), [&](const std::string& mine) {
    return std::find(e.roles.begin(), e.roles.end(), mine) != e.roles.end();
  });
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Adds `more` to `into`, keeping each index once and the first order.
void merge(std::vector<int>& into, const std::vector<int>& more) {
  for (const int i : more)
    if (std::find(into.begin(), into.end(), i) == into.end()) into.push_back(i);
}

// A value as people read it: text as typed, yes/no in the page's language.
std::string shown_value(const Value& v, Language lang) {
  if (v.is_text()) return v.text();
  if (v.is_bool()) return page_word(lang, v.boolean() ? "yes" : "no");
  return v.to_string();
}

// What a step changed, as "label = value" in the page's language.
std::vector<std::string> change_texts(const HistoryRecord& r, const Procedure& p, Language lang) {
  std::vector<std::string> out;
  for (const auto& ch : r.changes) {
    const int i = p.field_index(ch.field);
    const std::string name = i < 0 || p.data[static_cast<std::size_t>(i)].label.empty()
                                 ? ch.field : p.data[static_cast<std::size_t>(i)].label;
    out.push_back(name + " = " + shown_value(ch.after, lang));
  }
  return out;
}

const State& state_of(const Procedure& p, const Case& c) { return p.states[static_cast<std::size_t>(c.state)]; }

// The data fields an event's guards read and the documents it requires, from the case's state.
std::vector<int> event_fields(const Procedure& p, const Case& c, const std::string& event) {
  std::vector<int> out;
  for (const auto& t : state_of(p, c).transitions)
    if (t.event == event && t.guard) merge(out, fields_read(*t.guard));
  return out;
}

std::vector<int> event_documents(const Procedure& p, const Case& c, const std::string& event) {
  std::vector<int> out;
  for (const auto& t : state_of(p, c).transitions)
    if (t.event == event) merge(out, t.documents);
  return out;
}
}  // namespace

mustache::data case_timeline(const Case& c, const Procedure& p, const WorkingDayCalendar& cal, Language lang) {
  mustache::data out{mustache::data::type::list};
  for (const auto& r : c.history) {
    mustache::data row{mustache::data::type::object};
    row.set("at", format_local(r.at, cal));
    row.set("who", r.actor.user);
    row.set("role", r.actor.role);
    row.set("what", what_happened(r, lang));
    row.set("moved", r.from != r.to);
    row.set("to", state_label(p, r.to));
    row.set("changes", texts(change_texts(r, p, lang)));
    row.set("documents", texts(r.documents));
    out.push_back(row);
  }
  return out;
}

mustache::data case_data(const CaseView& v, const Procedure& p, Language lang) {
  mustache::data out{mustache::data::type::list};
  for (const auto& f : p.data) {
    const Value& value = v.value(f.id);
    if (value.is_null()) continue;
    mustache::data row{mustache::data::type::object};
    row.set("label", f.label.empty() ? f.id : f.label);
    row.set("value", shown_value(value, lang));
    out.push_back(row);
  }
  return out;
}

mustache::data case_deadlines(const CaseView& v, const Procedure& p, const WorkingDayCalendar& cal) {
  mustache::data out{mustache::data::type::list};
  for (const auto& d : v.pending) {
    mustache::data row{mustache::data::type::object};
    row.set("after", d.after);
    row.set("due", format_local(d.due, cal));
    row.set("provisional", d.provisional);
    row.set("to", d.target.empty() ? "" : state_label(p, d.target));
    row.set("notify", d.notify);
    row.set("has_to", !d.target.empty());
    row.set("has_notify", !d.notify.empty());
    out.push_back(row);
  }
  return out;
}

mustache::data case_sla(const SlaStatus& sla) {
  mustache::data out{mustache::data::type::object};
  out.set("declared", sla.declared);
  out.set("days_used", std::to_string(sla.working_days_used));
  out.set("due", sla.due ? sla.due->to_string() : "");
  out.set("has_due", sla.due.has_value());
  out.set("paused", sla.paused);
  out.set("breached", sla.breached);
  out.set("provisional", sla.provisional);
  return out;
}

mustache::data case_fees(const std::vector<FeeValue>& fees) {
  mustache::data out{mustache::data::type::list};
  for (const auto& f : fees) {
    mustache::data row{mustache::data::type::object};
    row.set("label", f.label.empty() ? f.fee : f.label);
    row.set("amount", f.amount ? f.amount->to_rupiah() : "");
    row.set("known", f.amount.has_value());
    row.set("needs", joined(f.missing_fields));
    out.push_back(row);
  }
  return out;
}

mustache::data case_events(const Engine& engine, const Case& c, const Procedure& p, const Caller& caller) {
  mustache::data mine{mustache::data::type::list}, others{mustache::data::type::list};
  for (const auto& e : engine.available_events(c)) {
    mustache::data form{mustache::data::type::object};
    form.set("event", e.event);
    if (!user_may(e, caller)) {
      form.set("roles", joined(e.roles));
      others.push_back(form);
      continue;
    }
    form.set("key", random_token());  // a double submit of this rendering fires once
    mustache::data fields{mustache::data::type::list}, documents{mustache::data::type::list};
    for (const int i : event_fields(p, c, e.event))
      fields.push_back(field_input(p.data[static_cast<std::size_t>(i)], c.data[static_cast<std::size_t>(i)]));
    for (const int i : event_documents(p, c, e.event))
      if (!c.documents[static_cast<std::size_t>(i)])
        documents.push_back(document_input(p.requirements[static_cast<std::size_t>(i)], false));
    form.set("fields", fields);
    form.set("documents", documents);
    mine.push_back(form);
  }
  mustache::data out{mustache::data::type::object};
  out.set("has_mine", !mine.is_empty_list());
  out.set("mine", mine);
  out.set("has_others", !others.is_empty_list());
  out.set("others", others);
  return out;
}

mustache::data refusal_reasons(const Refusal& r, Language lang) {
  mustache::data out{mustache::data::type::object};
  out.set("message", r.message);
  mustache::data missing{mustache::data::type::list};
  for (const auto& m : r.missing) {
    mustache::data row{mustache::data::type::object};
    row.set("label", m.label.empty() ? m.requirement : m.label);
    row.set("reason", m.reason);
    row.set("has_reason", !m.reason.empty());
    row.set("internal", m.internal);
    missing.push_back(row);
  }
  out.set("has_missing", !r.missing.empty());
  out.set("missing", missing);
  out.set("has_rules", !r.rules.empty());
  out.set("rules", texts(r.rules));
  out.set("has_values", !r.values.empty());
  out.set("values", texts(r.values));
  out.set("wrong_role", r.code == RefusalCode::RoleNotAllowed);
  out.set("allowed_roles", joined(r.allowed_roles));
  out.set("title", page_word(lang, "refused"));
  return out;
}

mustache::data unfit_reasons(const std::vector<std::string>& fields, Language lang) {
  Refusal r;
  r.code = RefusalCode::WrongType;
  r.message = page_word(lang, "not_a_value") + ": " + joined(fields);
  return refusal_reasons(r, lang);
}

}  // namespace izin::server
