// The minimum SKM sample: the Krejcie–Morgan table PermenPANRB 14/2017 prints.
#include <algorithm>
#include <utility>

#include "izin/standards/skm.hpp"

namespace izin::standards {
namespace {

// Population → sample, as printed (Krejcie & Morgan 1970, X² = 3.841, P = 0.5, d = 0.05).
constexpr std::pair<long, int> kTable[] = {
    {10, 10},     {15, 14},     {20, 19},     {25, 24},     {30, 28},     {35, 32},     {40, 36},
    {45, 40},     {50, 44},     {55, 48},     {60, 52},     {65, 56},     {70, 59},     {75, 63},
    {80, 66},     {85, 70},     {90, 73},     {95, 76},     {100, 80},    {110, 86},    {120, 92},
    {130, 97},    {140, 103},   {150, 108},   {160, 113},   {170, 118},   {180, 123},   {190, 127},
    {200, 132},   {210, 136},   {220, 140},   {230, 144},   {240, 148},   {250, 152},   {260, 155},
    {270, 159},   {280, 162},   {290, 165},   {300, 169},   {320, 175},   {340, 181},   {360, 186},
    {380, 191},   {400, 196},   {420, 201},   {440, 205},   {460, 210},   {480, 214},   {500, 217},
    {550, 226},   {600, 234},   {650, 242},   {700, 248},   {750, 254},   {800, 260},   {850, 265},
    {900, 269},   {950, 274},   {1000, 278},  {1100, 285},  {1200, 291},  {1300, 297},  {1400, 302},
    {1500, 306},  {1600, 310},  {1700, 313},  {1800, 317},  {1900, 320},  {2000, 322},  {2200, 327},
    {2400, 331},  {2600, 335},  {2800, 338},  {3000, 341},  {3500, 346},  {4000, 351},  {4500, 354},
    {5000, 357},  {6000, 361},  {7000, 364},  {8000, 367},  {9000, 368},  {10000, 370}, {15000, 375},
    {20000, 377}, {30000, 379}, {40000, 380}, {50000, 381}, {75000, 382}, {100000, 384},
};

}  // namespace

int minimum_sample(long cases) {
  if (cases <= 0) return 0;
  if (cases < kTable[0].first) return static_cast<int>(cases);  // fewer than ten: ask everyone
  // Between two rows the larger population's sample: never fewer than the table asks.
  const auto* row = std::lower_bound(std::begin(kTable), std::end(kTable), cases,
                                     [](const auto& r, long n) { return r.first < n; });
  return row == std::end(kTable) ? kTable[std::size(kTable) - 1].second : row->second;
}

}  // namespace izin::standards
