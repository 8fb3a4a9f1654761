// The questionnaire's words: nine questions with four answers each in both
// languages, and the profile choices a form may store.
#include <catch2/catch.hpp>

#include "izin/standards/questionnaire.hpp"

using namespace izin;
using namespace izin::standards;

TEST_CASE("nine questions each with four answer words in Indonesian and English") {
  for (std::size_t e = 0; e < kSkmElements; ++e)
    for (const Language lang : {Language::Indonesian, Language::English}) {
      const auto q = skm_question(e, lang);
      CHECK_FALSE(q.question.empty());
      for (const auto& a : q.answers) CHECK_FALSE(a.empty());
    }
  CHECK(skm_question(0, Language::Indonesian).answers[0] == "Tidak sesuai");
  CHECK(skm_question(0, Language::Indonesian).answers[3] == "Sangat sesuai");
  CHECK(skm_question(3, Language::Indonesian).answers[3] == "Gratis");
  CHECK_THROWS_AS(skm_question(9, Language::Indonesian), std::out_of_range);
}

TEST_CASE("a form's profile values must be among its choices and may be empty") {
  SurveyResponse r;
  CHECK_FALSE(profile_problem(r));
  r.sex = "P";
  r.age_group = "30-39";
  r.education = "S1";
  r.occupation = "Wirausaha";
  CHECK_FALSE(profile_problem(r));
  r.education = "<b>S9</b>";
  REQUIRE(profile_problem(r));
  CHECK(profile_problem(r)->find("pendidikan") != std::string::npos);
  r.education = "S1";
  r.age_group = "200";
  CHECK(profile_problem(r)->find("umur") != std::string::npos);
}
