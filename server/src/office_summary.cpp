#include "office_summary.hpp"

#include <chrono>

#include "izin/calendar.hpp"

namespace izin::server {

namespace {

constexpr std::size_t kPage = 200;

// [start, end) of the local calendar month holding `now`.
struct Month {
  Instant start, end;
  std::string label;
};

Month month_of(const Engine& engine, const Procedure& p, Instant now) {
  using namespace std::chrono;
  const auto cal = engine.calendar(p.calendar);
  const Date today = cal ? cal->local_date(now) : Date{static_cast<std::int32_t>(floor<days>(now).time_since_epoch().count())};
  const year_month_day ymd = today.ymd();
  const year_month first = ymd.year() / ymd.month(), next = first + months{1};
  const Date from = Date::from_ymd(int(first.year()), unsigned(first.month()), 1);
  const Date to = Date::from_ymd(int(next.year()), unsigned(next.month()), 1);
  auto start_of = [&](Date d) { return cal ? cal->start_of_day(d) : Instant{sys_days{days{d.days}}}; };
  return {start_of(from), start_of(to), from.to_string().substr(0, 7)};
}

bool in(const Month& m, Instant t) { return m.start <= t && t < m.end; }

// Every case matching `q`, page by page, as the store keeps them.
template <typename Visit>
void each_case(Engine& engine, CaseQuery q, Visit visit) {
  q.limit = kPage;
  do {
    const CasePage page = engine.find_cases(q);
    for (const auto& s : page.cases)
      if (const auto c = engine.find(s.id)) visit(*c);
    q.cursor = page.next_cursor;
  } while (!q.cursor.empty());
}

// Deemed transitions and escalations of one case's history that fall in the month.
void count_history(const Case& c, const Month& m, ServiceFigures& f) {
  for (const auto& r : c.history) {
    if (!in(m, r.at)) continue;
    if (r.deemed) ++f.deemed_this_month;
    if (r.kind == RecordKind::Notification) ++f.escalations_this_month;
  }
}

// Escalations since the case last entered its state: they still wait for an answer.
std::size_t open_escalations(const Case& c) {
  std::size_t n = 0;
  for (const auto& r : c.history)
    if (r.kind == RecordKind::Notification && r.at >= c.entered_at) ++n;
  return n;
}

ServiceFigures figures(Engine& engine, const Procedure& p, Instant now) {
  const Month m = month_of(engine, p, now);
  ServiceFigures f;
  f.procedure = p.id;
  f.title = p.title.empty() ? p.id : p.title;
  f.month = m.label;
  CaseQuery open;
  open.procedure = p.id;
  open.status = CaseQuery::Status::Open;
  each_case(engine, open, [&](const Case& c) {
    ++f.open;
    if (engine.sla(c, now).breached) ++f.overdue;
    f.escalations_open += open_escalations(c);
    count_history(c, m, f);  // an open case may have been deemed or escalated this month
  });
  CaseQuery closed;
  closed.procedure = p.id;
  closed.status = CaseQuery::Status::Closed;
  closed.closed_from = m.start;
  closed.closed_before = m.end;
  // A case deemed or escalated this month is open now or was closed since: these two walks see each once.
  each_case(engine, closed, [&](const Case& c) {
    ++f.closed_this_month;
    if (!engine.sla(c, now).breached) ++f.closed_within_sla;
    count_history(c, m, f);
  });
  return f;
}

}  // namespace

std::vector<ServiceFigures> office_summary(Engine& engine, Instant now) {
  std::vector<ServiceFigures> out;
  for (const auto& p : engine.procedures())
    if (engine.procedure(p->id) == p) out.push_back(figures(engine, *p, now));  // the newest version only
  return out;
}

nlohmann::json figures_json(const ServiceFigures& f) {
  return {{"procedure", f.procedure},
          {"title", f.title},
          {"month", f.month},
          {"open", f.open},
          {"overdue", f.overdue},
          {"closed_this_month", f.closed_this_month},
          {"closed_within_sla", f.closed_within_sla},
          {"deemed_this_month", f.deemed_this_month},
          {"escalations_open", f.escalations_open},
          {"escalations_this_month", f.escalations_this_month}};
}

}  // namespace izin::server
