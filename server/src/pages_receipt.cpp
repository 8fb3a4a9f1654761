// The receipt (/kasus/{id}/tanda-terima), printable: what the applicant handed in, when the
// office promises to finish, the fee, and the tracking code with its QR code. The code is
// shown once, right after it is issued; a reprint issues a new one (the old one stops working).
#include "izin/calendar.hpp"
#include "page_case_parts.hpp"
#include "page_fields.hpp"
#include "izin/qr_svg.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

mustache::data received_documents(const Case& c, const Procedure& p) {
  mustache::data out{mustache::data::type::list};
  for (std::size_t i = 0; i < p.requirements.size(); ++i)
    if (c.documents[i]) {
      const auto& r = p.requirements[i];
      out.push_back(mustache::data{r.label.empty() ? r.id : r.label});
    }
  return out;
}

// Where the citizen tracks the case: --public-url, else this service as the clerk's browser reached it.
std::string tracking_url(const App& app, const Call& call, const std::string& case_id, const std::string& code) {
  const auto host = call.req.find(http::field::host);
  const std::string origin = !app.public_url().empty() ? app.public_url()
                             : host == call.req.end()  ? ""
                                                       : "http://" + std::string(host->value());
  return origin + "/lacak?kasus=" + percent_encode(case_id) + "&kode=" + percent_encode(code);
}

void set_tracking(mustache::data& data, const App& app, const Call& call, const std::string& case_id,
                  const std::optional<std::string>& code) {
  data.set("has_code", code.has_value());
  if (!code) return;
  const std::string url = tracking_url(app, call, case_id, *code);
  data.set("code", *code);
  data.set("track_url", url);
  data.set("qr", qr_svg(url));
}

std::optional<Case> receipt_case(App& app, const Call& call) {
  auto c = app.engine().find(call.params.at("id"));
  if (!c || !app.engine().procedure(c->procedure, c->version) || !app.engine().calendar(*c)) return std::nullopt;
  return c;
}

Response not_found(App& app, const Call& call) {
  const Language lang = page_language(call);
  mustache::data data{mustache::data::type::object};
  data.set("message", page_word(lang, "case_not_found"));
  return html_page(app, call, http::status::not_found, page_word(lang, "page_not_found"), "pesan", data);
}

}  // namespace

Response receipt_page(App& app, Call& call) {
  const auto c = receipt_case(app, call);
  if (!c) return not_found(app, call);
  const auto p = app.engine().procedure(c->procedure, c->version);
  const auto cal = app.engine().calendar(*c);
  const SlaStatus sla = app.engine().sla(*c, app.now());
  mustache::data data{mustache::data::type::object};
  data.set("id", c->id);
  data.set("procedure", p->title.empty() ? p->id : p->title);
  data.set("opened_at", format_local(c->opened_at, *cal));
  data.set("data", case_data(app.engine().view(*c), *p, page_language(call)));
  auto documents = received_documents(*c, *p);
  data.set("has_documents", !documents.is_empty_list());
  data.set("documents", documents);
  data.set("has_promise", sla.due.has_value());
  data.set("promised", sla.due ? sla.due->to_string() : "");
  data.set("provisional", sla.provisional);
  data.set("fees", case_fees(app.engine().fees(*c)));
  set_tracking(data, app, call, c->id, app.receipt_codes().take(call.caller->session, c->id));
  return html_page(app, call, http::status::ok, page_word(page_language(call), "receipt_title") + " " + c->id,
                   "tanda_terima", data);
}

Response reissue_tracking_code(App& app, Call& call) {
  const auto c = receipt_case(app, call);
  if (!c) return not_found(app, call);
  app.receipt_codes().hold(call.caller->session, c->id, app.tracking().issue(c->id));
  return redirect(call, "/kasus/" + percent_encode(c->id) + "/tanda-terima");
}

}  // namespace izin::server
