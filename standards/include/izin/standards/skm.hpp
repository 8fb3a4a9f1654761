// The community satisfaction index (IKM) of PermenPANRB 14/2017: nine
// survey elements answered 1–4, their mean scores (NRR), weights and grades,
// and the minimum sample for a period's number of cases. Exact arithmetic.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "izin/decimal.hpp"
#include "izin/diagnostic.hpp"

namespace izin::standards {

// The nine elements U1–U9, in the regulation's order.
inline constexpr std::size_t kSkmElements = 9;
using SkmAnswers = std::array<int, kSkmElements>;  // each 1–4

// "Persyaratan" (Indonesian) or "Requirements" (English) for element 0–8.
std::string_view element_name(std::size_t element, Language lang);

// How the NRR is weighted: the regulation's printed 0.111 (its worked
// examples; all 4s give 3.996 and 99.90), or exactly 1/9 (all 4s give 100).
enum class SkmWeight { Regulation, Exact };

// Grades of the 25–100 unit value and, divided by 25, of a 1–4 score.
enum class SkmGrade { A, B, C, D };
char grade_letter(SkmGrade grade);
// "Sangat Baik" / "Very good" … "Tidak Baik" / "Poor".
std::string_view grade_name(SkmGrade grade, Language lang);
// A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, else D; `unit_value` as rounded to 2 decimals.
SkmGrade grade_of_unit_value(const Decimal& unit_value);
// A ≥ 3.5324, B ≥ 3.0644, C ≥ 2.60, else D (the regulation's interval of the 1–4 scale).
SkmGrade grade_of_score(const Decimal& score);

// `value` rounded to `places` decimals, halves away from zero.
Decimal round_to(const Decimal& value, int places);

// One element's result.
struct ElementScore {
  Decimal total;     // sum of the answers
  Decimal nrr;       // total / respondents, rounded to 3 decimals
  Decimal weighted;  // nrr × weight, exact
  SkmGrade grade = SkmGrade::D;  // of nrr
};

// The index over a set of responses.
struct SkmIndex {
  std::size_t respondents = 0;
  SkmWeight weight = SkmWeight::Regulation;
  std::array<ElementScore, kSkmElements> elements{};
  Decimal ikm;         // Σ weighted NRR, exact
  Decimal unit_value;  // ikm × 25, rounded to 2 decimals
  SkmGrade grade = SkmGrade::D;
};

// The index of `responses`; throws std::invalid_argument for none, or for an
// answer outside 1–4 (naming the response and element).
SkmIndex compute_ikm(const std::vector<SkmAnswers>& responses, SkmWeight weight = SkmWeight::Regulation);

// The index from element totals (the regulation's worked-example table).
SkmIndex compute_ikm_from_totals(const std::array<long, kSkmElements>& totals, std::size_t respondents,
                                 SkmWeight weight = SkmWeight::Regulation);

// The minimum number of respondents for a population of `cases`: the
// Krejcie–Morgan table the regulation prints (a population between two rows
// takes the larger row's sample; 384 from 100000 up; below 10 everyone).
int minimum_sample(long cases);

}  // namespace izin::standards
