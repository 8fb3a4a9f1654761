// Instants in the office's own wall time and zone name, for people to read.
#include <array>
#include <cstdio>
#include <string>

#include "izin/calendar.hpp"

namespace izin {

namespace {
// "+08:00" / "-03:30" for an offset in minutes east of UTC.
std::string offset_text(int minutes) {
  const char sign = minutes < 0 ? '-' : '+';
  const int a = minutes < 0 ? -minutes : minutes;
  std::array<char, 8> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%c%02d:%02d", sign, a / 60 % 100, a % 60);
  return buffer.data();
}

// Local date, hours, minutes and seconds of an instant at a fixed offset.
struct WallTime {
  Date date;
  int hour = 0, minute = 0, second = 0;
};

// Splits an instant into the calendar's local wall time.
WallTime wall_time(Instant t, const WorkingDayCalendar& calendar) {
  WallTime w;
  w.date = calendar.local_date(t);
  const auto into_day = t - calendar.start_of_day(w.date);
  const auto s = static_cast<int>(into_day.count());
  w.hour = s / 3600;
  w.minute = s / 60 % 60;
  w.second = s % 60;
  return w;
}
}  // namespace

std::string zone_abbreviation(const WorkingDayCalendar& calendar) {
  const std::string& tz = calendar.timezone();
  if (tz == "Asia/Jakarta") return "WIB";
  if (tz == "Asia/Makassar") return "WITA";
  if (tz == "Asia/Jayapura") return "WIT";
  if (tz == "UTC" && calendar.utc_offset_minutes() == 0) return "UTC";
  return "UTC" + offset_text(calendar.utc_offset_minutes());
}

std::string format_local(Instant t, const WorkingDayCalendar& calendar) {
  const WallTime w = wall_time(t, calendar);
  std::array<char, 16> clock{};
  if (w.second == 0) std::snprintf(clock.data(), clock.size(), "%02d:%02d", w.hour, w.minute);
  else std::snprintf(clock.data(), clock.size(), "%02d:%02d:%02d", w.hour, w.minute, w.second);
  return w.date.to_string() + " " + clock.data() + " " + zone_abbreviation(calendar);
}

std::string format_local_iso(Instant t, const WorkingDayCalendar& calendar) {
  const WallTime w = wall_time(t, calendar);
  std::array<char, 16> clock{};
  std::snprintf(clock.data(), clock.size(), "%02d:%02d:%02d", w.hour, w.minute, w.second);
  return w.date.to_string() + "T" + clock.data() + offset_text(calendar.utc_offset_minutes());
}

std::optional<Instant> parse_local(std::string_view text, const WorkingDayCalendar& calendar) {
  const std::string zone = zone_abbreviation(calendar);
  if (text.size() > zone.size() + 1 && text.ends_with(zone) && text[text.size() - zone.size() - 1] == ' ')
    text.remove_suffix(zone.size() + 1);  // format_local's own " WITA" suffix
  return parse_instant(text, calendar.utc_offset_minutes());
}

}  // namespace izin
