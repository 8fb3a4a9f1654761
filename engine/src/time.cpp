#include "izin/time.hpp"

#include <cstdio>
#include <string>

namespace izin {

using namespace std::chrono;

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  const sys_days d{year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}};
  return Date{static_cast<std::int32_t>(d.time_since_epoch().count())};
}

namespace {
// Reads exactly `width` digits at text[pos]; -1 when they are not all digits.
int digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}
}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                           std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{static_cast<std::int32_t>(sys_days{ymd}.time_since_epoch().count())};
}

year_month_day Date::ymd() const { return year_month_day{sys_days{std::chrono::days{days}}}; }

weekday Date::weekday() const { return std::chrono::weekday{sys_days{std::chrono::days{days}}}; }

std::string Date::to_string() const {
  const auto v = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(v.year()), static_cast<unsigned>(v.month()),
                static_cast<unsigned>(v.day()));
  return buf;
}

std::string Duration::to_string() const {
  const bool one = amount == 1;
  const char* unit_text = unit == DurationUnit::WorkingDays ? (one ? "working day" : "working days")
                          : unit == DurationUnit::Days      ? (one ? "day" : "days")
                                                            : (one ? "hour" : "hours");
  return std::to_string(amount) + " " + unit_text;
}

std::optional<Duration> parse_duration(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos || space == 0 || space > 18) return std::nullopt;
  std::int64_t amount = 0;
  for (const char c : text.substr(0, space)) {
    if (c < '0' || c > '9') return std::nullopt;
    amount = amount * 10 + (c - '0');
  }
  const std::string_view unit = text.substr(space + 1);
  Duration d{amount, DurationUnit::WorkingDays};
  if (unit == "working day" || unit == "working days") d.unit = DurationUnit::WorkingDays;
  else if (unit == "day" || unit == "days") d.unit = DurationUnit::Days;
  else if (unit == "hour" || unit == "hours") d.unit = DurationUnit::Hours;
  else return std::nullopt;
  if (amount <= 0 || !duration_in_range(d)) return std::nullopt;
  return d;
}

bool in_range(Instant t) {
  constexpr std::int64_t kFirstDay = -719162;  // 0001-01-01
  const auto day = floor<std::chrono::days>(t).time_since_epoch().count();
  return day >= kFirstDay && day <= kLastDay;
}

bool duration_in_range(const Duration& d) {
  const std::int64_t most = d.unit == DurationUnit::Hours ? kMaxDurationHours : kMaxDurationDays;
  return d.amount >= 0 && d.amount <= most;
}

std::string format_instant(Instant t) {
  const auto day = floor<std::chrono::days>(t);
  const hh_mm_ss hms{t - day};
  const Date d{static_cast<std::int32_t>(day.time_since_epoch().count())};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.to_string().c_str(), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buf;
}

std::optional<Instant> parse_instant(std::string_view text, int utc_offset_minutes) {
  const auto date = Date::parse(text.substr(0, 10));
  if (!date || text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
  const int hh = digits(text, 11, 2), mm = digits(text, 14, 2);
  std::size_t pos = 16;
  int ss = 0;
  if (pos < text.size() && text[pos] == ':') {
    ss = digits(text, pos + 1, 2);
    pos += 3;
  }
  // 24:00 is allowed: the end of a day, as deadlines are written.
  if (hh < 0 || mm < 0 || ss < 0 || hh > 24 || mm > 59 || ss > 59 || (hh == 24 && (mm || ss))) return std::nullopt;
  int offset = utc_offset_minutes;
  const std::string_view zone = text.substr(pos);
  if (zone == "Z") {
    offset = 0;
  } else if (!zone.empty()) {
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    const int zh = digits(zone, 1, 2), zm = digits(zone, 4, 2);
    if (zh < 0 || zm < 0 || zh > 14 || zm > 59) return std::nullopt;
    offset = (zone[0] == '-' ? -1 : 1) * (zh * 60 + zm);
  }
  const auto local = sys_days{std::chrono::days{date->days}} + hours{hh} + minutes{mm} + seconds{ss};
  const Instant t{local - minutes{offset}};
  if (!in_range(t)) return std::nullopt;  // e.g. 9999-12-31T24:00Z: past what izin can store
  return t;
}

}  // namespace izin
