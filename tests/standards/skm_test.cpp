// The IKM arithmetic of PermenPANRB 14/2017, its grades and its sample table.
#include <catch2/catch.hpp>

#include "izin/standards/skm.hpp"

using izin::Decimal;
using namespace izin::standards;

namespace {
Decimal dec(const char* text) { return *Decimal::parse(text); }
}  // namespace

// A worked example in the regulation's table layout: 97 questionnaires,
// element totals → NRR (3 decimals) → × 0.111 → Σ = IKM → × 25 = unit value.
TEST_CASE("the IKM of a worked example, to the last digit, with the regulation's weight 0.111") {
  const std::array<long, 9> totals = {301, 295, 289, 355, 320, 331, 342, 298, 284};
  const SkmIndex ikm = compute_ikm_from_totals(totals, 97);
  const char* nrr[] = {"3.103", "3.041", "2.979", "3.66", "3.299", "3.412", "3.526", "3.072", "2.928"};
  const char* weighted[] = {"0.344433", "0.337551", "0.330669", "0.40626", "0.366189",
                            "0.378732", "0.391386", "0.340992", "0.325008"};
  for (std::size_t e = 0; e < 9; ++e) {
    CAPTURE(e);
    CHECK(ikm.elements[e].nrr == dec(nrr[e]));
    CHECK(ikm.elements[e].weighted == dec(weighted[e]));
  }
  CHECK(ikm.ikm == dec("3.22122"));
  CHECK(ikm.unit_value == dec("80.53"));  // 80.5305 rounded to 2 decimals
  CHECK(ikm.grade == SkmGrade::B);
  // Element grades on the 1–4 scale: 3.526 is just under A's 3.5324, 3.041 under B's 3.0644.
  CHECK(ikm.elements[3].grade == SkmGrade::A);
  CHECK(ikm.elements[6].grade == SkmGrade::B);
  CHECK(ikm.elements[1].grade == SkmGrade::C);
  CHECK(ikm.elements[8].grade == SkmGrade::C);
}

TEST_CASE("the exact weight 1/9 makes the IKM the mean NRR") {
  const std::array<long, 9> totals = {301, 295, 289, 355, 320, 331, 342, 298, 284};
  const SkmIndex ikm = compute_ikm_from_totals(totals, 97, SkmWeight::Exact);
  CHECK(ikm.ikm == Decimal::fraction(2902, 900));  // Σ NRR 29.02 / 9
  CHECK(ikm.unit_value == dec("80.61"));           // 80.6111… rounded
}

TEST_CASE("all answers 4 give 99.90 with 0.111 and 100 with 1/9, all 1 give grade D") {
  const std::vector<SkmAnswers> best(3, SkmAnswers{4, 4, 4, 4, 4, 4, 4, 4, 4});
  CHECK(compute_ikm(best).unit_value == dec("99.9"));
  CHECK(compute_ikm(best, SkmWeight::Exact).unit_value == Decimal(100));
  const std::vector<SkmAnswers> worst(2, SkmAnswers{1, 1, 1, 1, 1, 1, 1, 1, 1});
  CHECK(compute_ikm(worst).grade == SkmGrade::D);
}

TEST_CASE("answers are summed per element from the responses") {
  const std::vector<SkmAnswers> rs = {{4, 3, 2, 1, 4, 3, 2, 1, 4}, {3, 3, 3, 3, 3, 3, 3, 3, 2}};
  const SkmIndex ikm = compute_ikm(rs);
  CHECK(ikm.respondents == 2);
  CHECK(ikm.elements[0].total == Decimal(7));
  CHECK(ikm.elements[0].nrr == dec("3.5"));
  CHECK(ikm.elements[3].nrr == Decimal(2));
  CHECK(ikm.elements[8].nrr == Decimal(3));
}

TEST_CASE("an answer outside 1-4 or no respondents is refused, naming the element") {
  REQUIRE_THROWS_WITH(compute_ikm({{4, 4, 5, 4, 4, 4, 4, 4, 4}}), Catch::Contains("U3") && Catch::Contains("5"));
  REQUIRE_THROWS_WITH(compute_ikm({{4, 4, 4, 4, 4, 4, 4, 4, 0}}), Catch::Contains("U9"));
  REQUIRE_THROWS(compute_ikm({}));
}

TEST_CASE("unit value grades at their boundaries") {
  CHECK(grade_of_unit_value(dec("88.30")) == SkmGrade::B);
  CHECK(grade_of_unit_value(dec("88.31")) == SkmGrade::A);
  CHECK(grade_of_unit_value(dec("76.60")) == SkmGrade::C);
  CHECK(grade_of_unit_value(dec("76.61")) == SkmGrade::B);
  CHECK(grade_of_unit_value(dec("65.00")) == SkmGrade::C);
  CHECK(grade_of_unit_value(dec("64.99")) == SkmGrade::D);
  CHECK(grade_of_unit_value(Decimal(100)) == SkmGrade::A);
}

TEST_CASE("1-4 score grades at the regulation's interval boundaries") {
  CHECK(grade_of_score(dec("3.5324")) == SkmGrade::A);
  CHECK(grade_of_score(dec("3.532")) == SkmGrade::B);
  CHECK(grade_of_score(dec("3.0644")) == SkmGrade::B);
  CHECK(grade_of_score(dec("3.064")) == SkmGrade::C);
  CHECK(grade_of_score(dec("2.60")) == SkmGrade::C);
  CHECK(grade_of_score(dec("2.5996")) == SkmGrade::D);
}

TEST_CASE("a unit value is rounded half away from zero before it is graded") {
  CHECK(round_to(dec("88.305"), 2) == dec("88.31"));
  CHECK(round_to(dec("88.3049"), 2) == dec("88.3"));
  CHECK(round_to(dec("3.0645"), 3) == dec("3.065"));
}

TEST_CASE("grade names in both languages") {
  CHECK(grade_name(SkmGrade::A, izin::Language::Indonesian) == "Sangat Baik");
  CHECK(grade_name(SkmGrade::D, izin::Language::Indonesian) == "Tidak Baik");
  CHECK(grade_name(SkmGrade::C, izin::Language::English) == "Fair");
  CHECK(grade_letter(SkmGrade::C) == 'C');
  CHECK(element_name(0, izin::Language::Indonesian) == "Persyaratan");
  CHECK(element_name(8, izin::Language::English) == "Facilities");
}

TEST_CASE("minimum sample: the rows of the Krejcie-Morgan table") {
  const std::pair<long, int> rows[] = {{10, 10},    {50, 44},     {100, 80},    {200, 132},   {500, 217},
                                       {1000, 278}, {5000, 357},  {10000, 370}, {100000, 384}};
  for (const auto& [population, sample] : rows) {
    CAPTURE(population);
    CHECK(minimum_sample(population) == sample);
  }
}

TEST_CASE("minimum sample between rows takes the larger row, small offices ask everyone") {
  CHECK(minimum_sample(0) == 0);
  CHECK(minimum_sample(7) == 7);
  CHECK(minimum_sample(41) == 40);    // between 40→36 and 45→40
  CHECK(minimum_sample(101) == 86);   // between 100→80 and 110→86
  CHECK(minimum_sample(2000000) == 384);
}

// The formula S = X²NP(1−P) / (d²(N−1) + X²P(1−P)) rounded to the nearest
// whole reproduces the table's rows up to 10000 (rounding up would give 45 for 50).
TEST_CASE("the table agrees with the Krejcie-Morgan formula rounded to nearest") {
  for (long n : {10L, 50L, 100L, 200L, 500L, 1000L, 5000L, 10000L}) {
    const Decimal x2p = Decimal::fraction(3841, 1000) * Decimal::fraction(1, 4);
    const Decimal s = x2p * Decimal(n) / (Decimal::fraction(25, 10000) * Decimal(n - 1) + x2p);
    CAPTURE(n);
    CHECK(Decimal(minimum_sample(n)) == s.round());
  }
}
