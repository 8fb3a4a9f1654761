// Reading refused events back from a case's journal, for the office report.
#pragma once

#include <map>
#include <string>
#include <tuple>

#include "izin/office.hpp"

namespace izin::detail {

// procedure, refusal code, detail → count.
using RefusalCounts = std::map<std::tuple<std::string, RefusalCode, std::string>, int>;

// Adds every refused event of the case's journal to `counts` by reason, and
// each missing document to `missing` ("pbg: gambar (label)").
void count_refusals(Store& store, const Procedure& p, const Case& c, RefusalCounts& counts,
                    std::map<std::string, int>& missing);

// The tallies, most frequent first (ties in procedure, code, detail order).
std::vector<RefusalTally> sorted_tallies(const RefusalCounts& counts);

}  // namespace izin::detail
