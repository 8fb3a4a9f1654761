// Finding cases the same way in every store: which cases match a query, in
// which order, and where a page begins (the cursor).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "izin/store.hpp"

// Shared with the store libraries beside the engine (stores/): exported from a shared izin.
#pragma GCC visibility push(default)

namespace izin::detail {

// A stored case as a listing shows it; `state` and `next_due` as the store keeps them.
CaseSummary summarize(const Case& c, std::string state, std::optional<Instant> next_due);

// Where a case sorts in a query's order: (no deadline?, due seconds, id), or the id alone.
struct SortKey {
  bool no_due = false;
  std::int64_t due = 0;
  std::string id;
  friend auto operator<=>(const SortKey&, const SortKey&) = default;
};
SortKey sort_key(const CaseSummary& s, CaseOrder order);

// The next_cursor of a page ending at `last`, and the key a cursor names; a
// cursor this order does not issue is a QueryError.
std::string cursor_after(const CaseSummary& last, CaseOrder order);
SortKey decode_cursor(const std::string& cursor, CaseOrder order);

// Throws QueryError when `role` or `field` is set but not resolved into states or slots.
void check_resolved(const CaseQuery& q);

// Whether a case (its summary and data) meets every criterion of the query.
bool matches(const CaseQuery& q, const CaseSummary& s, const std::vector<Value>& data);

// The matches in the query's order, cut to the page after its cursor; total counts them all.
// Throws QueryError for a cursor this order does not issue.
CasePage page_of(std::vector<CaseSummary> matches, const CaseQuery& q);

}  // namespace izin::detail

#pragma GCC visibility pop
