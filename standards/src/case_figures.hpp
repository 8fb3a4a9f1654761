// Service-quality figures measured on the cases of a period.
#pragma once

#include "izin/standards/skm_report.hpp"

namespace izin::standards::detail {

// One procedure's figures and the working days behind its percentiles.
struct MeasuredCases {
  CaseFigures figures;
  std::vector<int> days;  // opening to decision of each closed case
};

// The procedure's cases opened within the period (local dates on the
// procedure's calendar, UTC dates without one), as of now.
MeasuredCases measure_cases(const CaseSource& source, const std::string& procedure, const Period& period);

// Adds one service's measurement into the office's, percentiles recomputed
// and missing requirements named "service: requirement".
void add_measured(MeasuredCases& total, const MeasuredCases& part, const std::string& service);

// Nearest-rank percentile (1–100) of sorted values; nullopt when empty.
std::optional<int> percentile(const std::vector<int>& sorted, int p);

}  // namespace izin::standards::detail
