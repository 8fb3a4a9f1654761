// Matching, ordering and paging of case queries, shared by every store so
// they page alike; and the Store defaults built on load_cases.
#include "case_query.hpp"

#include <algorithm>
#include <charconv>

#include "store_rules.hpp"

namespace izin::detail {
namespace {

std::int64_t seconds(Instant t) { return t.time_since_epoch().count(); }

bool in_range(Instant t, const std::optional<Instant>& from, const std::optional<Instant>& before) {
  return (!from || t >= *from) && (!before || t < *before);
}

bool in_states(const CaseQuery& q, const CaseSummary& s) {
  if (!q.in_states) return true;
  return std::any_of(q.in_states->begin(), q.in_states->end(), [&](const StateRef& r) {
    return r.procedure == s.procedure && r.version == s.version && r.state == s.state;
  });
}

bool field_equals(const CaseQuery& q, const CaseSummary& s, const std::vector<Value>& data) {
  if (q.field.empty()) return true;
  for (const FieldSlot& slot : *q.field_slots) {
    if (slot.procedure != s.procedure || slot.version != s.version) continue;
    const auto i = static_cast<std::size_t>(slot.index);
    return slot.index >= 0 && i < data.size() && data[i] == q.equals;
  }
  return false;  // the case's version has no such field
}

}  // namespace

SortKey sort_key(const CaseSummary& s, CaseOrder order) {
  if (order == CaseOrder::ById) return {false, 0, s.id};
  return {!s.next_due.has_value(), s.next_due ? seconds(*s.next_due) : 0, s.id};
}

// The cursor names the last case of a page by its sort key, not by position,
// so cases added or changed elsewhere in the order do not shift the next page.
std::string cursor_after(const CaseSummary& last, CaseOrder order) {
  const SortKey k = sort_key(last, order);
  if (order == CaseOrder::ById) return "id:" + k.id;
  return "due:" + (k.no_due ? std::string("-") : std::to_string(k.due)) + ":" + k.id;
}

namespace {
[[noreturn]] void bad_cursor(const std::string& cursor, CaseOrder order) {
  throw QueryError("case query: cursor '" + cursor + "' was not issued by a query ordered " +
                   (order == CaseOrder::ById ? "by id" : "by next due") +
                   "; pass back a next_cursor of the same query, or an empty cursor for the first page");
}
}  // namespace

SortKey decode_cursor(const std::string& cursor, CaseOrder order) {
  const std::string prefix = order == CaseOrder::ById ? "id:" : "due:";
  if (cursor.rfind(prefix, 0) != 0) bad_cursor(cursor, order);
  const std::string rest = cursor.substr(prefix.size());
  if (order == CaseOrder::ById) return {false, 0, rest};
  const auto colon = rest.find(':');
  if (colon == std::string::npos) bad_cursor(cursor, order);
  const std::string due = rest.substr(0, colon);
  if (due == "-") return {true, 0, rest.substr(colon + 1)};
  std::int64_t s = 0;
  const auto [end, error] = std::from_chars(due.data(), due.data() + due.size(), s);
  if (error != std::errc{} || end != due.data() + due.size() || due.empty()) bad_cursor(cursor, order);
  return {false, s, rest.substr(colon + 1)};
}

CaseSummary summarize(const Case& c, std::string state, std::optional<Instant> next_due) {
  CaseSummary s{c.id, c.procedure, c.version, std::move(state), c.opened_at, c.closed, std::nullopt,
                c.outcome, next_due, c.revision};
  if (c.closed) s.closed_at = c.entered_at;  // the visit to the final state began when it closed
  return s;
}

void check_resolved(const CaseQuery& q) {
  if (!q.role.empty() && !q.in_states)
    throw QueryError("case query: role '" + q.role + "' needs procedure models to resolve; use Engine::find_cases");
  if (!q.field.empty() && !q.field_slots)
    throw QueryError("case query: field '" + q.field + "' needs procedure models to resolve; use Engine::find_cases");
}

bool matches(const CaseQuery& q, const CaseSummary& s, const std::vector<Value>& data) {
  if (!q.procedure.empty() && s.procedure != q.procedure) return false;
  if (!q.states.empty() && std::find(q.states.begin(), q.states.end(), s.state) == q.states.end()) return false;
  if (q.status == CaseQuery::Status::Open && s.closed) return false;
  if (q.status == CaseQuery::Status::Closed && !s.closed) return false;
  if (!in_range(s.opened_at, q.opened_from, q.opened_before)) return false;
  if ((q.closed_from || q.closed_before) && !(s.closed_at && in_range(*s.closed_at, q.closed_from, q.closed_before)))
    return false;
  if (q.overdue_at && !(s.next_due && *s.next_due <= *q.overdue_at)) return false;
  return in_states(q, s) && field_equals(q, s, data);
}

CasePage page_of(std::vector<CaseSummary> matches, const CaseQuery& q) {
  const auto before = [&](const CaseSummary& a, const CaseSummary& b) { return sort_key(a, q.order) < sort_key(b, q.order); };
  std::sort(matches.begin(), matches.end(), before);
  auto first = matches.begin();
  if (!q.cursor.empty()) {
    const SortKey after = decode_cursor(q.cursor, q.order);
    first = std::find_if(matches.begin(), matches.end(), [&](const CaseSummary& s) { return after < sort_key(s, q.order); });
  }
  CasePage page;
  page.total = matches.size();
  if (q.count_upto && page.total > *q.count_upto) {
    page.total = *q.count_upto;
    page.total_capped = true;
  }
  const auto left = static_cast<std::size_t>(matches.end() - first);
  const auto take = std::min(q.limit, left);
  page.cases.assign(std::make_move_iterator(first), std::make_move_iterator(first + static_cast<std::ptrdiff_t>(take)));
  if (take > 0 && take < left) page.next_cursor = cursor_after(page.cases.back(), q.order);
  return page;
}

}  // namespace izin::detail

namespace izin {

CasePage Store::query_cases(const CaseQuery& query) {
  detail::check_resolved(query);
  std::vector<CaseSummary> matches;
  for (const Case& c : load_cases(CaseFilter{query.procedure, "", query.status == CaseQuery::Status::Open})) {
    const std::optional<Instant> due =
        c.pending.empty() ? std::nullopt : std::optional<Instant>(std::min_element(c.pending.begin(), c.pending.end(),
            [](const auto& a, const auto& b) { return a.due < b.due; })->due);
    CaseSummary s = detail::summarize(c, detail::current_state_id(c), due);
    if (detail::matches(query, s, c.data)) matches.push_back(std::move(s));
  }
  return detail::page_of(std::move(matches), query);
}

bool Store::load_case_into(const std::string& id, Case& out) {
  std::optional<Case> c = load_case(id);
  if (!c) return false;
  out = std::move(*c);
  return true;
}

std::vector<std::string> Store::claim_due(Instant upto, std::size_t, std::chrono::seconds) { return due_cases(upto); }

std::vector<DueCase> Store::due(Instant upto, std::size_t limit) {
  std::vector<DueCase> out;
  for (const std::string& id : due_cases(upto)) {
    if (out.size() >= limit) break;
    const std::optional<Case> c = load_case(id);
    if (!c || c->pending.empty()) continue;
    const auto earliest = std::min_element(c->pending.begin(), c->pending.end(),
                                           [](const auto& a, const auto& b) { return a.due < b.due; });
    out.push_back({id, earliest->due});
  }
  return out;
}

}  // namespace izin
