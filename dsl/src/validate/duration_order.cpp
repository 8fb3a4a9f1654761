#include "validate/duration_order.hpp"

#include <algorithm>

namespace izin::detail {

namespace {
constexpr std::int64_t kHoursPerDay = 24;
}  // namespace

bool never_later(const Duration& first, const Duration& second) {
  using U = DurationUnit;
  if (first.unit == second.unit) return first.amount <= second.amount;
  switch (first.unit) {
    case U::WorkingDays:
      return false;  // holidays can make working days arbitrarily long
    case U::Days:
      if (second.unit == U::WorkingDays) return first.amount <= second.amount;
      return (first.amount + 1) * kHoursPerDay <= second.amount;  // due by 24:00 of day D
    case U::Hours:
      return first.amount <= second.amount * kHoursPerDay;  // days end at 24:00, at least D·24 h on
  }
  return false;
}

std::int64_t least_working_days(const Duration& d) {
  if (d.unit == DurationUnit::WorkingDays) return d.amount;
  const std::int64_t days = d.unit == DurationUnit::Days ? d.amount : d.amount / kHoursPerDay;
  return days / 7 * 5 + std::max<std::int64_t>(0, days % 7 - 2);
}

}  // namespace izin::detail
