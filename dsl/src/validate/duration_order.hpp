// Comparing durations written in different units, conservatively.
#pragma once

#include <cstdint>

#include "izin/time.hpp"

namespace izin::detail {

// True when a deadline of `first` is always due at or before a deadline of
// `second` started at the same moment, whatever the calendar: same unit by
// amount; N days never after N working days; H hours never after
// ceil(H/24) days or working days; D days never after 24·(D+1) hours.
bool never_later(const Duration& first, const Duration& second);

// The fewest working days a stay of `d` can span, holidays aside: the
// amount for working days; for calendar days (hours in whole days) the
// weekdays of the worst-placed week, floor(D/7)·5 + max(0, D mod 7 − 2).
std::int64_t least_working_days(const Duration& d);

}  // namespace izin::detail
