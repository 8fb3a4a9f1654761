// Working-day arithmetic over a calendar with a fixed UTC offset.
#include "izin/calendar.hpp"

#include <algorithm>
#include <stdexcept>

namespace izin {

using namespace std::chrono;

namespace {

// More hours than lie between year 1 and year 9999: no due instant can be in range.
constexpr std::int64_t kMaxHoursEver = std::int64_t{24} * 2 * (kLastDay + 719162);

// Reads exactly two digits at text[pos]; -1 when they are not digits.
int two_digits(std::string_view text, std::size_t pos) {
  if (text[pos] < '0' || text[pos] > '9' || text[pos + 1] < '0' || text[pos + 1] > '9') return -1;
  return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
}

// "+08:00" / "-03:30" as minutes east of UTC; nullopt when malformed.
std::optional<int> explicit_offset(std::string_view text) {
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
  const int hh = two_digits(text, 1), mm = two_digits(text, 4);
  if (hh < 0 || mm < 0 || hh > 14 || mm > 59) return std::nullopt;
  return (text[0] == '-' ? -1 : 1) * (hh * 60 + mm);
}

}  // namespace

std::optional<int> timezone_offset_minutes(const std::string& timezone) {
  // Indonesia has kept these offsets without daylight saving since 1988, so
  // a fixed offset is exact for every date a permit deadline can fall on.
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"Asia/Jakarta", 7 * 60}, {"Asia/Pontianak", 7 * 60}, {"WIB", 7 * 60}, {"Asia/Makassar", 8 * 60},
      {"WITA", 8 * 60},         {"Asia/Jayapura", 9 * 60},  {"WIT", 9 * 60}, {"UTC", 0},
      {"Etc/UTC", 0},
  };
  for (const Zone& zone : kZones)
    if (zone.name == timezone) return zone.minutes;
  return explicit_offset(timezone);
}

bool Coverage::covers_span(Date after, Date upto) const {
  if (upto <= after) return true;
  return !empty() && from <= after + 1 && upto <= to;
}

Coverage Coverage::everything() { return Coverage{Date{-kLastDay}, Date{kLastDay}}; }

Coverage Coverage::of_holidays(const std::vector<Holiday>& holidays) {
  if (holidays.empty()) return Coverage{Date{1}, Date{0}};
  const auto [first, last] = std::minmax_element(
      holidays.begin(), holidays.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return Coverage{Date::from_ymd(static_cast<int>(first->date.ymd().year()), 1, 1),
                  Date::from_ymd(static_cast<int>(last->date.ymd().year()), 12, 31)};
}

WorkingDayCalendar::WorkingDayCalendar(std::string id, std::string name, std::string timezone,
                                       int utc_offset_minutes, std::vector<weekday> weekend,
                                       std::vector<Holiday> holidays, std::optional<Coverage> covers)
    : id_(std::move(id)),
      name_(std::move(name)),
      timezone_(std::move(timezone)),
      utc_offset_minutes_(utc_offset_minutes),
      weekend_(std::move(weekend)),
      holidays_(std::move(holidays)),
      coverage_(covers.value_or(Coverage::of_holidays(holidays_))),
      covers_written_(covers.has_value()) {
  // Outside the coverage a listed holiday is ignored (docs/language.md, Calendars).
  std::erase_if(holidays_, [this](const Holiday& h) { return !coverage_.contains(h.date); });
  // Each weekend day counted once, so whole weeks hold 7 - size working days.
  std::sort(weekend_.begin(), weekend_.end(),
            [](weekday a, weekday b) { return a.c_encoding() < b.c_encoding(); });
  weekend_.erase(std::unique(weekend_.begin(), weekend_.end()), weekend_.end());
  if (weekend_.size() >= 7) throw std::invalid_argument("calendar " + id_ + " has no working weekday");
  // The first entry for a date wins: a calendar lists its own days before included ones.
  std::stable_sort(holidays_.begin(), holidays_.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end(),
                              [](const Holiday& a, const Holiday& b) { return a.date == b.date; }),
                  holidays_.end());
}

const Holiday* WorkingDayCalendar::holiday(Date d) const {
  const auto it = std::lower_bound(holidays_.begin(), holidays_.end(), d,
                                   [](const Holiday& h, Date date) { return h.date < date; });
  return it != holidays_.end() && it->date == d ? &*it : nullptr;
}

bool WorkingDayCalendar::is_working_day(Date d) const {
  if (std::find(weekend_.begin(), weekend_.end(), d.weekday()) != weekend_.end()) return false;
  return holiday(d) == nullptr;
}

Date WorkingDayCalendar::local_date(Instant t) const {
  const auto local = t + minutes{utc_offset_minutes_};
  return Date{static_cast<std::int32_t>(floor<days>(local).time_since_epoch().count())};
}

Instant WorkingDayCalendar::start_of_day(Date d) const {
  return Instant{sys_days{days{d.days}}} - minutes{utc_offset_minutes_};
}

Instant WorkingDayCalendar::end_of_day(Date d) const { return start_of_day(d + 1); }

Date WorkingDayCalendar::add_working_days(Date from, std::int64_t n) const {
  const int step = n < 0 ? -1 : 1;
  std::int64_t left = n < 0 ? -n : n;
  const std::int64_t per_week = 7 - static_cast<std::int64_t>(weekend_.size());
  const Date last_holiday = holidays_.empty() ? Date{} : holidays_.back().date;
  const Date first_holiday = holidays_.empty() ? Date{} : holidays_.front().date;
  Date d = from;
  while (left > 0) {
    // Past every listed holiday only weekends remain: skip whole weeks at once.
    const bool clear = holidays_.empty() || (step > 0 ? d > last_holiday : d < first_holiday);
    if (clear && left > per_week) {
      const std::int64_t weeks = (left - 1) / per_week;
      if (weeks > kLastDay / 7) throw std::out_of_range("working-day count beyond the year 9999");
      d = d + static_cast<int>(step * weeks * 7);
      left -= weeks * per_week;
      continue;
    }
    d = d + step;
    if (d.days > kLastDay || d.days < -kLastDay)
      throw std::out_of_range("working-day count beyond the year 9999");
    if (is_working_day(d)) --left;
  }
  return d;
}

Instant WorkingDayCalendar::add(Instant from, const Duration& d) const {
  Instant due = from;
  switch (d.unit) {
    case DurationUnit::Hours:
      if (d.amount > kMaxHoursEver || d.amount < -kMaxHoursEver)
        throw std::out_of_range("hour count beyond the year 9999");
      due = from + hours{d.amount};
      break;
    case DurationUnit::Days: {
      if (d.amount > kLastDay || d.amount < -kLastDay)
        throw std::out_of_range("day count beyond the year 9999");
      due = end_of_day(local_date(from) + static_cast<int>(d.amount));
      break;
    }
    case DurationUnit::WorkingDays:
      due = end_of_day(add_working_days(local_date(from), d.amount));
      break;
  }
  // A due instant izin could not store (or read back) is refused, never kept.
  if (!in_range(due)) throw std::out_of_range("a deadline after " + d.to_string() + " falls past 9999-12-31");
  return due;
}

Projection WorkingDayCalendar::project(Instant from, const Duration& d) const {
  const Instant due = add(from, d);
  if (d.unit != DurationUnit::WorkingDays) return {due, false};
  const Date a = local_date(from), b = local_date(due) - 1;  // due is 24:00 of the last day counted
  return {due, d.amount >= 0 ? provisional_between(a, b) : provisional_between(b - 1, a - 1)};
}

int WorkingDayCalendar::working_days_between(Date after, Date upto) const {
  int count = 0;
  for (Date d = after + 1; d <= upto; d = d + 1)
    if (is_working_day(d)) ++count;
  return count;
}

}  // namespace izin
