// The SKM questionnaire as an HTML form, shared by the citizen's tracking page
// and the counter's paper form: its data for the templates and the posted answers.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <optional>
#include <string>

#include "izin/standards/survey.hpp"

namespace izin::server {

// The questions U1–U9 with their answer words, the profile's choices and the suggestion,
// for templates/survey_questions.mustache; `posted` (may be nullptr) is kept checked.
kainjow::mustache::data survey_form(Language lang, const standards::SurveyResponse* posted);

// The answers and profile of a posted form (case, service, date and source left to the caller).
struct PostedSurvey {
  standards::SurveyResponse response;
  std::optional<std::string> problem;  // what to fix, in the page's language; nullopt when storable
};
PostedSurvey posted_survey(const std::map<std::string, std::string>& form, Language lang);

// The longest suggestion a form may send, in bytes.
inline constexpr std::size_t kMaxSuggestion = 2000;

}  // namespace izin::server
