#include "page_survey.hpp"

#include "izin/standards/questionnaire.hpp"
#include "page_words.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;
using standards::ProfileChoice;

namespace {

std::string field(const std::map<std::string, std::string>& form, const std::string& key) {
  const auto it = form.find(key);
  return it == form.end() ? "" : it->second;
}

mustache::data question(std::size_t e, Language lang, int chosen) {
  const auto q = standards::skm_question(e, lang);
  mustache::data answers{mustache::data::type::list};
  for (int a = 1; a <= 4; ++a) {
    mustache::data answer{mustache::data::type::object};
    answer.set("value", std::to_string(a));
    answer.set("label", std::string(q.answers[static_cast<std::size_t>(a - 1)]));
    answer.set("checked", a == chosen);
    answers.push_back(answer);
  }
  mustache::data out{mustache::data::type::object};
  out.set("code", "U" + std::to_string(e + 1));
  out.set("name", "u" + std::to_string(e + 1));
  out.set("element", std::string(standards::element_name(e, lang)));
  out.set("question", std::string(q.question));
  out.set("answers", answers);
  return out;
}

// A <select>'s options: "-" (not given) first, then the choices.
mustache::data choices(const std::vector<ProfileChoice>& all, const std::string& chosen) {
  mustache::data out{mustache::data::type::list};
  mustache::data none{mustache::data::type::object};
  none.set("value", "");
  none.set("label", "–");
  out.push_back(none);
  for (const auto& c : all) {
    mustache::data option{mustache::data::type::object};
    option.set("value", std::string(c.value));
    option.set("label", std::string(c.label));
    option.set("selected", c.value == chosen);
    out.push_back(option);
  }
  return out;
}

}  // namespace

mustache::data survey_form(Language lang, const standards::SurveyResponse* posted) {
  const standards::SurveyResponse blank;
  const auto& r = posted ? *posted : blank;
  mustache::data questions{mustache::data::type::list};
  for (std::size_t e = 0; e < standards::kSkmElements; ++e) questions.push_back(question(e, lang, r.answers[e]));
  mustache::data out{mustache::data::type::object};
  out.set("questions", questions);
  out.set("sexes", choices(standards::sex_choices(lang), r.sex));
  out.set("ages", choices(standards::age_group_choices(lang), r.age_group));
  out.set("educations", choices(standards::education_choices(lang), r.education));
  out.set("occupations", choices(standards::occupation_choices(lang), r.occupation));
  out.set("saran", r.suggestion);
  return out;
}

PostedSurvey posted_survey(const std::map<std::string, std::string>& form, Language lang) {
  PostedSurvey out;
  auto& r = out.response;
  for (std::size_t e = 0; e < standards::kSkmElements; ++e) {
    const std::string v = field(form, "u" + std::to_string(e + 1));
    r.answers[e] = v.size() == 1 && v[0] >= '1' && v[0] <= '4' ? v[0] - '0' : 0;
    if (r.answers[e] == 0 && !out.problem)
      out.problem = "U" + std::to_string(e + 1) + " (" + std::string(standards::element_name(e, lang)) + "): " +
                    page_word(lang, "survey_pick_one");
  }
  r.sex = field(form, "jenis_kelamin");
  r.age_group = field(form, "umur");
  r.education = field(form, "pendidikan");
  r.occupation = field(form, "pekerjaan");
  r.suggestion = field(form, "saran");
  if (r.suggestion.size() > kMaxSuggestion) {
    r.suggestion.resize(kMaxSuggestion);  // kept for the form shown again, cut to the limit
    if (!out.problem) out.problem = page_word(lang, "survey_too_long");
  }
  if (!out.problem)
    if (auto p = standards::profile_problem(r)) out.problem = page_word(lang, "survey_bad_choice") + " " + *p;
  return out;
}

}  // namespace izin::server
