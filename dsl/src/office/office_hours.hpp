// When staff and applicants act: office hours on working days.
#pragma once

#include <vector>

#include "izin/calendar.hpp"
#include "office/applicant.hpp"

namespace izin::detail {

// A moment between 08:00 and 15:00 local on `day`.
Instant office_time(const WorkingDayCalendar& cal, Date day, Dice& dice);

// The next time someone acts on a case: later the same day, or within two
// working days, always in office hours.
Instant next_office_time(const WorkingDayCalendar& cal, Instant from, Dice& dice);

// The working days from `first` to `last`, both included.
std::vector<Date> working_days(const WorkingDayCalendar& cal, Date first, Date last);

}  // namespace izin::detail
