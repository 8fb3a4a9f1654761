// The counter (/loket): pick a service, fill in the application, see the documents THIS
// application needs (recomputed by a submit, no script needed), tick those received, open
// the case and go to its receipt.
#include "errors.hpp"
#include "page_case_parts.hpp"
#include "page_checklist.hpp"
#include "page_fields.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

// What the clerk has typed and ticked so far.
struct Application {
  std::vector<Value> data;     // by field index
  std::vector<bool> received;  // by requirement index
};

// The application as posted; values that do not fit their fields are left blank and named in `unfit`.
Application application_of(const Procedure& p, const std::map<std::string, std::string>& form,
                           std::vector<std::string>& unfit) {
  Application a{std::vector<Value>(p.data.size()), std::vector<bool>(p.requirements.size(), false)};
  auto posted = posted_data(p, form);
  for (auto& [field, value] : posted.data) a.data[static_cast<std::size_t>(p.field_index(field))] = value;
  for (const auto& id : posted_documents(p, form))
    for (std::size_t i = 0; i < p.requirements.size(); ++i)
      if (p.requirements[i].id == id) a.received[i] = true;
  unfit = std::move(posted.unfit);
  return a;
}

Response form_page(App& app, const Call& call, const Procedure& p, const Application& a, http::status status,
                   mustache::data refusal) {
  mustache::data fields{mustache::data::type::list};
  for (std::size_t i = 0; i < p.data.size(); ++i) fields.push_back(field_input(p.data[i], a.data[i]));
  mustache::data data{mustache::data::type::object};
  data.set("procedure_id", p.id);
  data.set("procedure", p.title.empty() ? p.id : p.title);
  data.set("fields", fields);
  data.set("checklist", checklist(p, a.data, a.received));
  data.set("refusal", refusal);
  return html_page(app, call, status, page_word(page_language(call), "counter_title"), "loket", data);
}

// The user's first role the procedure declares, else their first role.
std::string counter_role(const Procedure& p, const Caller& caller) {
  for (const auto& mine : caller.user.roles)
    for (const auto& declared : p.roles)
      if (declared.id == mine) return mine;
  return caller.user.roles.empty() ? "" : caller.user.roles.front();
}

Response open_application(App& app, const Call& call, const Procedure& p, const Application& a) {
  OpenRequest request;
  request.procedure = p.id;
  request.actor = {call.caller->user.name, counter_role(p, *call.caller)};
  for (std::size_t i = 0; i < p.data.size(); ++i)
    if (!a.data[i].is_null()) request.data.emplace_back(p.data[i].id, a.data[i]);
  for (std::size_t i = 0; i < p.requirements.size(); ++i)
    if (a.received[i]) request.documents.push_back(p.requirements[i].id);
  const Outcome o = app.engine().open(request);
  if (!o.accepted)
    return form_page(app, call, p, a, refusal_status(o.refusal->code), refusal_reasons(*o.refusal, page_language(call)));
  app.receipt_codes().hold(call.caller->session, o.case_id, app.tracking().issue(o.case_id));
  return redirect(call, "/kasus/" + percent_encode(o.case_id) + "/tanda-terima");
}

Response unknown_service(App& app, const Call& call) {
  mustache::data data{mustache::data::type::object};
  data.set("message", page_word(page_language(call), "service_not_found"));
  return html_page(app, call, http::status::not_found, page_word(page_language(call), "page_not_found"), "pesan", data);
}

}  // namespace

Response counter_services(App& app, Call& call) {
  mustache::data services{mustache::data::type::list};
  for (const auto& p : app.engine().procedures()) {
    if (app.engine().procedure(p->id) != p) continue;  // older versions only serve their open cases
    mustache::data row{mustache::data::type::object};
    row.set("id", p->id);
    row.set("title", p->title.empty() ? p->id : p->title);
    services.push_back(row);
  }
  mustache::data data{mustache::data::type::object};
  data.set("services", services);
  return html_page(app, call, http::status::ok, page_word(page_language(call), "counter_title"), "loket_layanan", data);
}

Response counter_form(App& app, Call& call) {
  const auto p = app.engine().procedure(call.params.at("procedure"));
  if (!p) return unknown_service(app, call);
  std::vector<std::string> unfit;
  return form_page(app, call, *p, application_of(*p, {}, unfit), http::status::ok, mustache::data{false});
}

Response counter_submit(App& app, Call& call) {
  const auto p = app.engine().procedure(call.params.at("procedure"));
  if (!p) return unknown_service(app, call);
  const Language lang = page_language(call);
  const auto form = form_fields(call);
  std::vector<std::string> unfit;
  const Application a = application_of(*p, form, unfit);
  if (!unfit.empty())
    return form_page(app, call, *p, a, http::status::unprocessable_entity, unfit_reasons(unfit, lang));
  const auto action = form.find("aksi");
  if (action != form.end() && action->second == "buka") return open_application(app, call, *p, a);
  return form_page(app, call, *p, a, http::status::ok, mustache::data{false});
}

}  // namespace izin::server
