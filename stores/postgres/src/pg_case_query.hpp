// Case queries run in PostgreSQL: every criterion but a data field's value,
// the order and the page are SQL over the case row's columns, so a worklist
// page costs the rows it shows, not every open case.
#pragma once

#include "izin/store.hpp"
#include "pg_db.hpp"

namespace izin::detail {

// The columns a CaseSummary is read from, in the order pg_query_cases reads them.
#define IZIN_PG_SUMMARY_COLUMNS \
  "id, procedure, version, state, opened_at, closed, closed_at, outcome, next_due, revision"

// The query's page and total, read inside the caller's (read) transaction.
// Throws QueryError for an unresolved role or field, or a foreign cursor.
CasePage pg_query_cases(PgDb& db, const CaseQuery& q);

}  // namespace izin::detail
