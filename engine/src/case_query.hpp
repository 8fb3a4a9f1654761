// Finding cases the same way in every store: which cases match a query, in
// which order, and where a page begins (the cursor).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "izin/store.hpp"

// Shared with the store libraries beside the engine (stores/): exported from a shared izin.
#pragma GCC visibility push(default)

namespace izin::detail {

// A stored case as a listing shows it; `state` and `next_due` as the store keeps them.
CaseSummary summarize(const Case& c, std::string state, std::optional<Instant> next_due);

// Throws QueryError when `role` or `field` is set but not resolved into states or slots.
void check_resolved(const CaseQuery& q);

// Whether a case (its summary and data) meets every criterion of the query.
bool matches(const CaseQuery& q, const CaseSummary& s, const std::vector<Value>& data);

// The matches in the query's order, cut to the page after its cursor; total counts them all.
// Throws QueryError for a cursor this order does not issue.
CasePage page_of(std::vector<CaseSummary> matches, const CaseQuery& q);

}  // namespace izin::detail

#pragma GCC visibility pop
