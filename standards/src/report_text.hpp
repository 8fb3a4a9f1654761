// Small text helpers the report renderers share.
#pragma once

#include <string>
#include <string_view>

#include "izin/standards/skm_report.hpp"

namespace izin::standards::detail {

// `id` in Indonesian, `en` in English.
inline std::string_view tr(Language lang, std::string_view id, std::string_view en) {
  return lang == Language::Indonesian ? id : en;
}

// The value rounded to `places` decimals and written with all of them: "3.660".
std::string fixed(const Decimal& value, int places);

// "12 of 15 (80.0%)" / "12 dari 15 (80,0%)"-style share; "-" when `of` is 0.
std::string share(int part, int of, Language lang);

// "B (Baik)".
std::string grade_text(SkmGrade grade, Language lang);

// "U3 Waktu penyelesaian".
std::string element_label(std::size_t element, Language lang);

// The section's heading: "pbg — Persetujuan Bangunan Gedung", or the whole office.
std::string section_title(const ServiceSkm& s, Language lang);

// How the numbers were computed, one sentence.
std::string method_note(SkmWeight weight, Language lang);

// "L 20, P 25".
std::string counts_text(const ProfileCounts& counts);

// Escapes &, <, >, " for HTML text and attributes.
std::string html_escape(std::string_view text);

}  // namespace izin::standards::detail
