// The citizen's SKM answer from the tracking page (POST /lacak/survei). No session:
// the form carries the case number and tracking code, and both are checked again
// here exactly as the tracking page checks them (same limit on wrong codes). A
// forged cross-site POST would need the code, which only the citizen holds, so the
// code is the CSRF token; one answer per case bounds what even a leaked code allows.
#include "izin/standards/survey.hpp"
#include "page_survey.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace {
std::string field(const std::map<std::string, std::string>& form, const std::string& key) {
  const auto it = form.find(key);
  return it == form.end() ? "" : it->second;
}
}  // namespace

Response answer_survey(App& app, Call& call) {
  const Language lang = page_language(call);
  const auto form = form_fields(call);
  const TrackingAsked asked{field(form, "kasus"), field(form, "kode")};
  const auto tracked = tracked_case(app, call, asked);
  if (!tracked.c) return tracking_page(app, call, tracked.status, asked, nullptr, page_word(lang, tracked.refused));
  const Case& c = *tracked.c;
  auto page = [&](http::status s, const char* word, const standards::SurveyResponse* posted = nullptr,
                  const std::string& detail = "") {
    return tracking_page(app, call, s, asked, &c, page_word(lang, word) + detail, posted);
  };
  if (!c.closed) return page(http::status::conflict, "survey_still_open");
  if (app.survey().answered(c.id)) return page(http::status::conflict, "survey_already");
  auto posted = posted_survey(form, lang);
  if (posted.problem) return page(http::status::bad_request, "survey_fix", &posted.response, " " + *posted.problem);
  posted.response.case_id = c.id;
  posted.response.date = app.engine().calendar(c)->local_date(app.now());  // the office's day, not UTC's
  posted.response.source = standards::SurveySource::Online;
  try {
    standards::record_case_response(app.survey(), app.store(), posted.response);
  } catch (const standards::SurveyError&) {
    return page(http::status::conflict, "survey_already");  // answered a moment ago (another tab)
  }
  return page(http::status::ok, "survey_thanks");
}

}  // namespace izin::server
