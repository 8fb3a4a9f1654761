// The trend of unit values as a small inline SVG chart with the grade bands.
#include "report_text.hpp"

namespace izin::standards {
namespace {

constexpr int kWidth = 480, kHeight = 200, kLeft = 40, kRight = 10, kTop = 10, kBottom = 30;

// The chart's y for a unit value 25–100 (exact to the pixel, rounded).
long y_of(const Decimal& value) {
  const Decimal span = Decimal(kHeight - kTop - kBottom);
  return (Decimal(kHeight - kBottom) - (value - Decimal(25)) * span / Decimal(75)).round().numerator();
}

long x_of(std::size_t i, std::size_t n) {
  const long plot = kWidth - kLeft - kRight;
  return n <= 1 ? kLeft + plot / 2 : kLeft + static_cast<long>(i) * plot / static_cast<long>(n - 1);
}

// The grade bands A–D behind the line, lightest for A.
std::string bands() {
  struct Band { const char* low; const char* high; const char* colour; char letter; };
  const Band all[] = {{"88.31", "100", "#e3f2e1", 'A'}, {"76.61", "88.31", "#eef6d8", 'B'},
                      {"65", "76.61", "#fbf1d3", 'C'}, {"25", "65", "#f8dcd6", 'D'}};
  std::string out;
  for (const Band& b : all) {
    const long top = y_of(*Decimal::parse(b.high)), bottom = y_of(*Decimal::parse(b.low));
    out += "<rect x=\"" + std::to_string(kLeft) + "\" y=\"" + std::to_string(top) + "\" width=\"" +
           std::to_string(kWidth - kLeft - kRight) + "\" height=\"" + std::to_string(bottom - top) + "\" fill=\"" +
           b.colour + "\"/>";
    out += "<text x=\"4\" y=\"" + std::to_string((top + bottom) / 2 + 4) + "\" font-size=\"11\">" +
           std::string(1, b.letter) + "</text>";
  }
  return out;
}

}  // namespace

std::string trend_svg(const std::vector<TrendPoint>& trend) {
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(kHeight) + "\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
                    std::to_string(kHeight) + "\" role=\"img\" aria-label=\"IKM trend\">" + bands();
  std::string line, marks;
  for (std::size_t i = 0; i < trend.size(); ++i) {
    const long x = x_of(i, trend.size());
    svg += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(kHeight - 10) +
           "\" font-size=\"11\" text-anchor=\"middle\">" + detail::html_escape(trend[i].period) + "</text>";
    if (!trend[i].unit_value) continue;
    const long y = y_of(*trend[i].unit_value);
    line += (line.empty() ? "" : " ") + std::to_string(x) + "," + std::to_string(y);
    marks += "<circle cx=\"" + std::to_string(x) + "\" cy=\"" + std::to_string(y) + "\" r=\"3\" fill=\"#1f4e79\"/>";
    marks += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y - 6) +
           "\" font-size=\"11\" text-anchor=\"middle\">" + detail::fixed(*trend[i].unit_value, 2) + "</text>";
  }
  // The line first, so the points and their values are drawn over it.
  if (!line.empty()) svg += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>";
  return svg + marks + "</svg>";
}

}  // namespace izin::standards
