// The SKM questionnaire as a citizen reads it (PermenPANRB 14/2017's model
// form): one plain question per element U1–U9 with the words of answers 1–4,
// and the respondent profile's choices. The online and paper forms use it.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/standards/skm.hpp"
#include "izin/standards/survey.hpp"

namespace izin::standards {

struct SkmQuestion {
  std::string_view question;               // "Bagaimana pendapat Saudara tentang kesesuaian persyaratan…?"
  std::array<std::string_view, 4> answers;  // the words of answers 1–4, worst first
};
// The question of element 0–8; throws std::out_of_range beyond.
SkmQuestion skm_question(std::size_t element, Language lang);

// A choice of the respondent profile: the value stored and its words.
struct ProfileChoice {
  std::string_view value;  // "L", "30-39", "S1", "PNS"
  std::string_view label;  // "Laki-laki", "30–39 tahun"…
};
const std::vector<ProfileChoice>& sex_choices(Language lang);
const std::vector<ProfileChoice>& age_group_choices(Language lang);
const std::vector<ProfileChoice>& education_choices(Language lang);
const std::vector<ProfileChoice>& occupation_choices(Language lang);

// Why the profile of a questionnaire filled on a form cannot be stored (a value
// not among the choices: "pendidikan 'X'"); nullopt when every given value is a
// choice. Empty values are allowed: the regulation makes the profile optional.
std::optional<std::string> profile_problem(const SurveyResponse& response);

}  // namespace izin::standards
