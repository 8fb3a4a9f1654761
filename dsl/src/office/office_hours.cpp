// When staff and applicants act: office hours on working days.
#include "office/office_hours.hpp"

namespace izin::detail {

Instant office_time(const WorkingDayCalendar& cal, Date day, Dice& dice) {
  return cal.start_of_day(day) + std::chrono::hours(8) + std::chrono::minutes(dice.below(420));
}

Instant next_office_time(const WorkingDayCalendar& cal, Instant from, Dice& dice) {
  const Date today = cal.local_date(from);
  const int days = dice.below(3);
  if (days == 0) {
    const Instant t = from + std::chrono::minutes(60 + dice.below(120));
    if (cal.local_date(t) == today && t - cal.start_of_day(today) < std::chrono::hours(16)) return t;
  }
  return office_time(cal, cal.add_working_days(today, days == 0 ? 1 : days), dice);
}

std::vector<Date> working_days(const WorkingDayCalendar& cal, Date first, Date last) {
  std::vector<Date> days;
  for (Date d = first; d <= last; d = d + 1) {
    if (cal.is_working_day(d)) days.push_back(d);
  }
  return days;
}

}  // namespace izin::detail
