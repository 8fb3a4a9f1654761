// What every HTML page shares: the language it speaks and the layout around it.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>

#include "app.hpp"

namespace izin::server {

// The page's language: ?lang=en|id, else the izin_lang cookie, else Accept-Language (Indonesian by default).
Language page_language(const Call& call);

// Renders templates/NAME.mustache with `data` (plus the words as {{w.…}}) inside the layout.
// Everything a person typed goes through {{…}}, which escapes HTML.
// A signed-in page also shows who is signed in and a sign-out form.
Response html_page(App& app, const Call& call, http::status status, const std::string& title, std::string_view name,
                   kainjow::mustache::data data);

// templates/NAME.mustache alone (no layout), with the words and shared partials: a piece of a page
// that a script puts in place.
std::string render_fragment(const Call& call, std::string_view name, kainjow::mustache::data data);

// The user signed in by session cookie (pages take no API tokens), or nullopt.
std::optional<Caller> page_caller(App& app, const Request& req);
// The fields of a form POST (application/x-www-form-urlencoded).
std::map<std::string, std::string> form_fields(const Call& call);
// 303 See Other to `location`.
Response redirect(const Call& call, const std::string& location);
// "a b/c" → "a%20b%2Fc", for query values.
std::string percent_encode(std::string_view text);

// Signing in and out with a form.
Response sign_in_form(App& app, Call& call);
Response sign_in(App& app, Call& call);
Response sign_out(App& app, Call& call);
// The signed-in user's worklist (/kerja).
Response worklist_page(App& app, Call& call);

// The inbox of escalations to the user's roles (/kotak-masuk) and the head of office's figures (/pimpinan).
Response inbox_page(App& app, Call& call);
Response head_of_office_page(App& app, Call& call);

// The case page (/kasus/{id}) and firing an event from its forms (POST /kasus/{id}/peristiwa).
Response case_page(App& app, Call& call);
Response fire_from_page(App& app, Call& call);

// The receipt of a case (/kasus/{id}/tanda-terima), and a new tracking code for a reprint.
Response receipt_page(App& app, Call& call);
Response reissue_tracking_code(App& app, Call& call);
// The counter: the services (/loket), one service's application form, and its submit
// (refresh the checklist, or open the case and go to its receipt).
Response counter_services(App& app, Call& call);
Response counter_form(App& app, Call& call);
Response counter_submit(App& app, Call& call);

// The stylesheet, cacheable for a day.
Response stylesheet(App& app, Call& call);
// Citizen tracking: /lacak?kasus=…&kode=… (public).
Response track(App& app, Call& call);
// What the citizen typed to track a case.
struct TrackingAsked {
  std::string kasus, kode;
};
// The case of that number and tracking code, or why not: "too_many" (429, the address is
// blocked) or "not_found" (404, counted as a wrong attempt; an unknown case looks the same).
struct TrackedCase {
  std::optional<Case> c;
  http::status status = http::status::ok;
  std::string refused;  // page word; empty when found
};
TrackedCase tracked_case(App& app, const Call& call, const TrackingAsked& asked);
// The tracking page: the form, `message` when not empty, and case `c` when given, with its
// survey (pre-filled with `posted` when given) once decided.
Response tracking_page(App& app, const Call& call, http::status code, const TrackingAsked& asked, const Case* c,
                       const std::string& message, const standards::SurveyResponse* posted = nullptr);
// The citizen's answer to the survey (POST /lacak/survei, public: the tracking code is the credential).
Response answer_survey(App& app, Call& call);
// The counter's paper questionnaires (/loket/survei, front office staff).
Response paper_survey_form(App& app, Call& call);
Response paper_survey_submit(App& app, Call& call);
// The published service standards (/layanan/…, public, cached).
Response service_site_home(App& app, Call& call);
Response service_site_file(App& app, Call& call);

}  // namespace izin::server
