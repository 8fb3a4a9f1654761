#include "pg_case_query.hpp"

#include <algorithm>
#include <cstdint>

#include "case_query.hpp"
#include "codec.hpp"
#include "pg_outbox.hpp"

namespace izin::detail {
namespace {

// The next-due order of the index cases_open_due: cases without a deadline last, ties by id.
constexpr const char* kDueOrder = "(CASE WHEN next_due IS NULL THEN 1 ELSE 0 END), coalesce(next_due, 0), id COLLATE \"C\"";

// SQL conditions with their parameters, numbered as they are added.
struct Conditions {
  std::string text;
  std::vector<PgParam> params;

  std::string param(PgParam p) {
    params.push_back(std::move(p));
    return "$" + std::to_string(params.size());
  }
  void add(const std::string& condition) { text += (text.empty() ? " WHERE " : " AND ") + condition; }
};

void add_states(Conditions& c, const CaseQuery& q) {
  if (!q.states.empty()) {
    std::string list;
    for (const auto& s : q.states) list += (list.empty() ? "" : ", ") + c.param(s);
    c.add("state IN (" + list + ")");
  }
  if (!q.in_states) return;
  if (q.in_states->empty()) return c.add("false");  // the role may act in no state
  std::string rows;
  for (const StateRef& r : *q.in_states)
    rows += (rows.empty() ? "(" : ", (") + c.param(r.procedure) + ", " + c.param(std::int64_t{r.version}) +
            "::integer, " + c.param(r.state) + ")";
  c.add("(procedure, version, state) IN (" + rows + ")");
}

// Every criterion the columns answer (not a data field's value).
Conditions conditions(const CaseQuery& q) {
  Conditions c;
  c.add("opened_at IS NOT NULL");  // a row unreadable when the columns were filled stays quarantined
  if (!q.procedure.empty()) c.add("procedure = " + c.param(q.procedure));
  if (q.status == CaseQuery::Status::Open) c.add("NOT closed");
  if (q.status == CaseQuery::Status::Closed) c.add("closed");
  if (q.opened_from) c.add("opened_at >= " + c.param(pg_seconds(*q.opened_from)));
  if (q.opened_before) c.add("opened_at < " + c.param(pg_seconds(*q.opened_before)));
  if (q.closed_from) c.add("closed_at >= " + c.param(pg_seconds(*q.closed_from)));
  if (q.closed_before) c.add("closed_at < " + c.param(pg_seconds(*q.closed_before)));
  if (q.closed_from || q.closed_before) c.add("closed_at IS NOT NULL");
  if (q.overdue_at) c.add("next_due <= " + c.param(pg_seconds(*q.overdue_at)));
  add_states(c, q);
  return c;
}

void add_cursor(Conditions& c, const CaseQuery& q) {
  if (q.cursor.empty()) return;
  const SortKey after = decode_cursor(q.cursor, q.order);
  if (q.order == CaseOrder::ById) return c.add("id COLLATE \"C\" > " + c.param(after.id));
  c.add(std::string("(") + kDueOrder + ") > (" + c.param(std::int64_t{after.no_due}) + "::integer, " +
        c.param(after.due) + "::bigint, " + c.param(after.id) + ")");
}

CaseSummary summary_from(const PgResult& r, int i) {
  CaseSummary s;
  s.id = r.text(i, 0);
  s.procedure = r.text(i, 1);
  s.version = static_cast<int>(r.integer(i, 2));
  s.state = r.text(i, 3);
  s.opened_at = pg_instant(r.integer(i, 4));
  s.closed = r.boolean(i, 5);
  if (!r.is_null(i, 6)) s.closed_at = pg_instant(r.integer(i, 6));
  s.outcome = r.text(i, 7);
  if (!r.is_null(i, 8)) s.next_due = pg_instant(r.integer(i, 8));
  s.revision = static_cast<std::uint64_t>(r.integer(i, 9));
  return s;
}

// A data field's value lives in the snapshot: decode the cases the columns let
// through (without history) and page in-process, as the SQLite store does.
CasePage by_field(PgDb& db, const CaseQuery& q, const Conditions& c) {
  const PgResult r = db.run_once("SELECT " IZIN_PG_SUMMARY_COLUMNS ", snapshot FROM cases" + c.text, c.params,
                                 "finding cases by a data field");
  std::vector<CaseSummary> found;
  for (int i = 0; i < r.rows(); ++i) {
    Case snapshot;
    try {
      snapshot = decode<Case>(r.text(i, 10));
    } catch (const CodecError&) {
      continue;  // quarantined, as in load_cases; damaged_cases() names it
    }
    CaseSummary s = summary_from(r, i);
    if (matches(q, s, snapshot.data)) found.push_back(std::move(s));
  }
  return page_of(std::move(found), q);
}

// Every match, or one past count_upto at most: a capped count reads no more rows than that.
std::size_t count(PgDb& db, const CaseQuery& q, const Conditions& c) {
  const std::string matching = "SELECT 1 FROM cases" + c.text;
  const std::string sql = q.count_upto ? "SELECT count(*) FROM (" + matching + " LIMIT " +
                                             std::to_string(std::min<std::size_t>(*q.count_upto, INT64_MAX - 1) + 1) + ") m"
                                       : "SELECT count(*) FROM (" + matching + ") m";
  return static_cast<std::size_t>(db.run_once(sql, c.params, "counting cases").integer(0, 0));
}

}  // namespace

CasePage pg_query_cases(PgDb& db, const CaseQuery& q) {
  check_resolved(q);
  Conditions c = conditions(q);
  if (!q.field.empty()) return by_field(db, q, c);
  CasePage page;
  page.total = count(db, q, c);
  if (q.count_upto && page.total > *q.count_upto) {
    page.total = *q.count_upto;
    page.total_capped = true;
  }
  add_cursor(c, q);  // after the count: the total is of every page
  if (q.limit == 0) return page;
  const std::string order = q.order == CaseOrder::ById ? "id COLLATE \"C\"" : kDueOrder;
  const PgResult r = db.run_once("SELECT " IZIN_PG_SUMMARY_COLUMNS " FROM cases" + c.text + " ORDER BY " + order +
                                     " LIMIT " + std::to_string(std::min<std::size_t>(q.limit, INT64_MAX - 1) + 1),
                                 c.params, "finding cases");
  for (int i = 0; i < r.rows() && page.cases.size() < q.limit; ++i) page.cases.push_back(summary_from(r, i));
  if (static_cast<std::size_t>(r.rows()) > q.limit) page.next_cursor = cursor_after(page.cases.back(), q.order);
  return page;
}

}  // namespace izin::detail
