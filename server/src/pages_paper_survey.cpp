// The counter's paper questionnaires (/loket/survei): front office staff type in a
// form a citizen filled on paper, for a decided case (the standards library ties every
// counter answer to one case, as `izin skm add` does). CSRF is the session's, checked
// by the page dispatcher; other roles get 403.
#include <algorithm>

#include "izin/standards/survey.hpp"
#include "page_survey.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

// Who may enter paper questionnaires: the counter and the complaints desk.
const std::vector<std::string> kPaperSurveyRoles = {"front_office", "petugas_pengaduan"};

bool may_enter(const Caller& caller) {
  return std::any_of(caller.user.roles.begin(), caller.user.roles.end(), [](const std::string& r) {
    return std::find(kPaperSurveyRoles.begin(), kPaperSurveyRoles.end(), r) != kPaperSurveyRoles.end();
  });
}

std::string field(const std::map<std::string, std::string>& form, const std::string& key) {
  const auto it = form.find(key);
  return it == form.end() ? "" : it->second;
}

struct PaperForm {
  std::string kasus, tanggal;
  const standards::SurveyResponse* posted = nullptr;  // shown again after a problem
};

Response form_page(App& app, const Call& call, http::status status, const PaperForm& f, const std::string& message) {
  const Language lang = page_language(call);
  mustache::data data{mustache::data::type::object};
  data.set("kasus", f.kasus);
  data.set("tanggal", f.tanggal);
  data.set("has_message", !message.empty());
  data.set("message", message);
  data.set("survey", survey_form(lang, f.posted));
  return html_page(app, call, status, page_word(lang, "paper_survey_title"), "loket_survei", data);
}

Response not_allowed(App& app, const Call& call) {
  mustache::data data{mustache::data::type::object};
  data.set("message", page_word(page_language(call), "paper_survey_roles"));
  return html_page(app, call, http::status::forbidden, page_word(page_language(call), "paper_survey_title"), "pesan", data);
}

}  // namespace

Response paper_survey_form(App& app, Call& call) {
  if (!may_enter(*call.caller)) return not_allowed(app, call);
  return form_page(app, call, http::status::ok, {}, "");
}

Response paper_survey_submit(App& app, Call& call) {
  if (!may_enter(*call.caller)) return not_allowed(app, call);
  const Language lang = page_language(call);
  const auto form = form_fields(call);
  auto posted = posted_survey(form, lang);
  PaperForm f{field(form, "kasus"), field(form, "tanggal"), &posted.response};
  auto refuse = [&](http::status s, const std::string& message) { return form_page(app, call, s, f, message); };
  const auto c = app.engine().find(f.kasus);
  if (!c || !app.engine().calendar(*c)) return refuse(http::status::not_found, page_word(lang, "case_not_found"));
  if (!c->closed) return refuse(http::status::conflict, page_word(lang, "survey_still_open"));
  if (app.survey().answered(c->id)) return refuse(http::status::conflict, page_word(lang, "survey_already_paper"));
  if (posted.problem) return refuse(http::status::bad_request, page_word(lang, "survey_fix") + " " + *posted.problem);
  const auto date = f.tanggal.empty() ? app.engine().calendar(*c)->local_date(app.now()) : Date::parse(f.tanggal);
  if (!date) return refuse(http::status::bad_request, page_word(lang, "survey_bad_date"));
  posted.response.case_id = c->id;
  posted.response.date = *date;
  posted.response.source = standards::SurveySource::Paper;
  try {
    standards::record_case_response(app.survey(), app.store(), posted.response);
  } catch (const standards::SurveyError&) {
    return refuse(http::status::conflict, page_word(lang, "survey_already_paper"));
  }
  // Saved: a blank form for the next questionnaire of the pile.
  return form_page(app, call, http::status::ok, {}, page_word(lang, "survey_saved") + " " + c->id);
}

}  // namespace izin::server
