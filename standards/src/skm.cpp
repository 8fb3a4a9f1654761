// NRR, weighted NRR, IKM and grades exactly as PermenPANRB 14/2017 computes them.
#include "izin/standards/skm.hpp"

#include <stdexcept>
#include <string>

namespace izin::standards {
namespace {

constexpr std::array<std::string_view, kSkmElements> kIndonesian = {
    "Persyaratan",
    "Sistem, mekanisme, dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan, saran dan masukan",
    "Sarana dan prasarana",
};
constexpr std::array<std::string_view, kSkmElements> kEnglish = {
    "Requirements",
    "Systems, mechanisms and procedures",
    "Completion time",
    "Fees",
    "Service products",
    "Staff competence",
    "Staff conduct",
    "Complaints, suggestions and feedback",
    "Facilities",
};

constexpr int kNrrPlaces = 3;   // the NRR as the report prints it and the IKM sums it
constexpr int kUnitPlaces = 2;  // the unit value, as its grade bounds are written

Decimal weight_of(SkmWeight weight) {
  return weight == SkmWeight::Regulation ? Decimal::fraction(111, 1000) : Decimal::fraction(1, 9);
}

}  // namespace

std::string_view element_name(std::size_t element, Language lang) {
  if (element >= kSkmElements) throw std::out_of_range("SKM element " + std::to_string(element + 1));
  return lang == Language::Indonesian ? kIndonesian[element] : kEnglish[element];
}

char grade_letter(SkmGrade grade) { return static_cast<char>('A' + static_cast<int>(grade)); }

std::string_view grade_name(SkmGrade grade, Language lang) {
  const bool id = lang == Language::Indonesian;
  switch (grade) {
    case SkmGrade::A: return id ? "Sangat Baik" : "Very good";
    case SkmGrade::B: return id ? "Baik" : "Good";
    case SkmGrade::C: return id ? "Kurang Baik" : "Fair";
    case SkmGrade::D: break;
  }
  return id ? "Tidak Baik" : "Poor";
}

SkmGrade grade_of_unit_value(const Decimal& unit_value) {
  if (unit_value >= Decimal::fraction(8831, 100)) return SkmGrade::A;
  if (unit_value >= Decimal::fraction(7661, 100)) return SkmGrade::B;
  if (unit_value >= Decimal(65)) return SkmGrade::C;
  return SkmGrade::D;
}

SkmGrade grade_of_score(const Decimal& score) {
  if (score >= Decimal::fraction(35324, 10000)) return SkmGrade::A;
  if (score >= Decimal::fraction(30644, 10000)) return SkmGrade::B;
  if (score >= Decimal::fraction(260, 100)) return SkmGrade::C;
  return SkmGrade::D;
}

Decimal round_to(const Decimal& value, int places) {
  std::int64_t scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  return (value * Decimal(scale)).round() / Decimal(scale);
}

SkmIndex compute_ikm_from_totals(const std::array<long, kSkmElements>& totals, std::size_t respondents,
                                 SkmWeight weight) {
  if (respondents == 0) throw std::invalid_argument("the IKM needs at least one respondent");
  SkmIndex index;
  index.respondents = respondents;
  index.weight = weight;
  for (std::size_t e = 0; e < kSkmElements; ++e) {
    ElementScore& s = index.elements[e];
    s.total = Decimal(totals[e]);
    s.nrr = round_to(s.total / Decimal(respondents), kNrrPlaces);
    s.weighted = s.nrr * weight_of(weight);
    s.grade = grade_of_score(s.nrr);
    index.ikm += s.weighted;
  }
  index.unit_value = round_to(index.ikm * Decimal(25), kUnitPlaces);
  index.grade = grade_of_unit_value(index.unit_value);
  return index;
}

SkmIndex compute_ikm(const std::vector<SkmAnswers>& responses, SkmWeight weight) {
  std::array<long, kSkmElements> totals{};
  for (std::size_t r = 0; r < responses.size(); ++r) {
    for (std::size_t e = 0; e < kSkmElements; ++e) {
      const int answer = responses[r][e];
      if (answer < 1 || answer > 4)
        throw std::invalid_argument("response " + std::to_string(r + 1) + ", U" + std::to_string(e + 1) +
                                    ": answer " + std::to_string(answer) + " is not 1-4");
      totals[e] += answer;
    }
  }
  return compute_ikm_from_totals(totals, responses.size(), weight);
}

}  // namespace izin::standards
