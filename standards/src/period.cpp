// Reporting periods: years, halves, quarters and months of the calendar year.
#include <charconv>

#include "izin/standards/survey.hpp"

namespace izin::standards {
namespace {

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// The last day of month `m` (1–12) of `year`.
Date month_end(int year, unsigned m) {
  return m == 12 ? Date::from_ymd(year, 12, 31) : Date::from_ymd(year, m + 1, 1) - 1;
}

// Months first..last of `year` as the period called `name`.
Period months(std::string name, int year, unsigned first, unsigned last) {
  return Period{std::move(name), Date::from_ymd(year, first, 1), month_end(year, last)};
}

}  // namespace

std::optional<Period> parse_period(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  const auto year = number(text.substr(0, 4));
  if (!year || *year < 1900 || *year > 9999) return std::nullopt;
  const std::string name(text);
  if (text.size() == 4) return months(name, *year, 1, 12);
  if (text[4] != '-') return std::nullopt;
  const std::string_view rest = text.substr(5);
  if (rest.size() == 2 && (rest[0] == 'S' || rest[0] == 'Q')) {
    const auto part = number(rest.substr(1));
    const unsigned span = rest[0] == 'S' ? 6 : 3;
    if (!part || *part < 1 || static_cast<unsigned>(*part) > 12 / span) return std::nullopt;
    const unsigned first = static_cast<unsigned>(*part - 1) * span + 1;
    return months(name, *year, first, first + span - 1);
  }
  const auto month = rest.size() == 2 ? number(rest) : std::nullopt;
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  return months(name, *year, static_cast<unsigned>(*month), static_cast<unsigned>(*month));
}

std::vector<Period> Period::previous(int count) const {
  std::vector<Period> out;
  const auto ymd = first.ymd();
  int year = static_cast<int>(ymd.year());
  const unsigned first_month = static_cast<unsigned>(ymd.month());
  const unsigned last_month = static_cast<unsigned>(last.ymd().month());
  const int span = static_cast<int>(last_month - first_month + 1) + 12 * (static_cast<int>(last.ymd().year()) - year);
  int month = static_cast<int>(first_month);
  for (int i = 0; i < count; ++i) {
    month -= span;
    while (month < 1) month += 12, --year;
    const auto m = static_cast<unsigned>(month);
    const auto end = static_cast<unsigned>(month + span - 1);
    std::string label = std::to_string(year);
    if (span == 6) label += "-S" + std::to_string((m - 1) / 6 + 1);
    if (span == 3) label += "-Q" + std::to_string((m - 1) / 3 + 1);
    if (span == 1) label += (m < 10 ? "-0" : "-") + std::to_string(m);
    out.insert(out.begin(), months(label, year, m, end));
  }
  return out;
}

}  // namespace izin::standards
