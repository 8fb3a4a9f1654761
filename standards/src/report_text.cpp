// Numbers and labels written the same way in every format of the report.
#include "report_text.hpp"

namespace izin::standards::detail {

std::string fixed(const Decimal& value, int places) {
  std::string text = round_to(value, places).to_string();
  if (places == 0) return text;
  auto dot = text.find('.');
  if (dot == std::string::npos) text += '.', dot = text.size() - 1;
  text.append(static_cast<std::size_t>(places) - (text.size() - dot - 1), '0');
  return text;
}

std::string share(int part, int of, Language lang) {
  if (of == 0) return "-";
  const Decimal percent = Decimal(part) * Decimal(100) / Decimal(of);
  return std::to_string(part) + std::string(tr(lang, " dari ", " of ")) + std::to_string(of) + " (" +
         fixed(percent, 1) + "%)";
}

std::string grade_text(SkmGrade grade, Language lang) {
  return std::string(1, grade_letter(grade)) + " (" + std::string(grade_name(grade, lang)) + ")";
}

std::string element_label(std::size_t element, Language lang) {
  return "U" + std::to_string(element + 1) + " " + std::string(element_name(element, lang));
}

std::string section_title(const ServiceSkm& s, Language lang) {
  if (s.service.empty()) return std::string(tr(lang, "Seluruh layanan", "All services"));
  return s.title.empty() || s.title == s.service ? s.service : s.service + " — " + s.title;
}

std::string method_note(SkmWeight weight, Language lang) {
  const bool regulation = weight == SkmWeight::Regulation;
  if (lang == Language::Indonesian)
    return std::string("Metode PermenPANRB 14/2017: NRR = jumlah nilai / jumlah responden, dibulatkan 3 desimal; ") +
           (regulation ? "bobot 0,111" : "bobot 1/9 (tepat)") +
           "; IKM = jumlah NRR tertimbang (tepat); nilai konversi = IKM × 25, dibulatkan 2 desimal "
           "(setengah menjauhi nol).";
  return std::string("Method of PermenPANRB 14/2017: NRR = sum of answers / respondents, rounded to 3 decimals; ") +
         (regulation ? "weight 0.111" : "weight 1/9 (exact)") +
         "; IKM = sum of weighted NRR (exact); unit value = IKM × 25, rounded to 2 decimals (halves away from zero).";
}

std::string counts_text(const ProfileCounts& counts) {
  std::string out;
  for (const auto& [value, n] : counts) out += (out.empty() ? "" : ", ") + value + " " + std::to_string(n);
  return out.empty() ? "-" : out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace izin::standards::detail
