// The worklist page (/kerja): per role of the signed-in user, the open cases
// that role may act on now, soonest deadline first, overdue ones marked.
#include "izin/calendar.hpp"
#include "page_fields.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

// An instant in the local time of the procedure's calendar (UTC when it has none in force).
std::string local_time(App& app, const Procedure& p, Instant t) {
  const auto cal = app.engine().calendar(p.calendar);
  return cal ? format_local(t, *cal) : format_instant(t);
}

mustache::data row(App& app, const CaseSummary& s) {
  mustache::data out{mustache::data::type::object};
  out.set("id", s.id);
  const auto p = app.engine().procedure(s.procedure, s.version);
  out.set("procedure", p && !p->title.empty() ? p->title : s.procedure);
  out.set("state", p ? state_label(*p, s.state) : s.state);
  out.set("due", s.next_due ? (p ? local_time(app, *p, *s.next_due) : format_instant(*s.next_due)) : "");
  out.set("overdue", s.next_due.has_value() && *s.next_due < app.now());
  return out;
}

mustache::data role_list(App& app, const std::string& role) {
  mustache::data out{mustache::data::type::object};
  out.set("role", role);
  mustache::data cases{mustache::data::type::list};
  try {
    for (const auto& s : app.engine().worklist(role, 200).cases) cases.push_back(row(app, s));
  } catch (const QueryError&) {
    // A role no loaded procedure declares has no worklist: shown empty.
  }
  out.set("has_cases", !cases.is_empty_list());
  out.set("cases", cases);
  return out;
}

}  // namespace

Response worklist_page(App& app, Call& call) {
  mustache::data roles{mustache::data::type::list};
  for (const auto& role : call.caller->user.roles) roles.push_back(role_list(app, role));
  mustache::data data{mustache::data::type::object};
  data.set("roles", roles);
  return html_page(app, call, http::status::ok, page_word(page_language(call), "worklist_title"), "kerja", data);
}

}  // namespace izin::server
