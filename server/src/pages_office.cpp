// The inbox page (/kotak-masuk) and the head of office's page (/pimpinan).
#include "inbox.hpp"
#include "izin/calendar.hpp"
#include "office_summary.hpp"
#include "page_fields.hpp"
#include "page_words.hpp"
#include "pages.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

// The cursor of ?sebelum=, 0 (the newest) when absent or not a number.
std::uint64_t older_than(const Call& call) {
  const auto it = call.query.find("sebelum");
  if (it == call.query.end()) return 0;
  try {
    return std::stoull(it->second);
  } catch (const std::exception&) {
    return 0;
  }
}

mustache::data inbox_row(App& app, const Notification& n) {
  mustache::data out{mustache::data::type::object};
  const auto c = app.engine().find(n.case_id);
  const auto cal = c ? app.engine().calendar(*c) : nullptr;
  const auto p = c ? app.engine().procedure(c->procedure, c->version) : nullptr;
  out.set("at", cal ? format_local(n.at, *cal) : format_instant(n.at));
  out.set("case_id", n.case_id);
  out.set("role", n.role);
  out.set("state", p ? state_label(*p, n.state) : n.state);
  out.set("message", n.message);
  return out;
}

mustache::data service_row(const ServiceFigures& f) {
  mustache::data out{mustache::data::type::object};
  out.set("procedure", f.procedure);
  out.set("title", f.title);
  out.set("month", f.month);
  out.set("open", std::to_string(f.open));
  out.set("overdue", std::to_string(f.overdue));
  out.set("closed_this_month", std::to_string(f.closed_this_month));
  out.set("closed_within_sla", std::to_string(f.closed_within_sla));
  if (f.closed_this_month > 0) out.set("percent", std::to_string(f.closed_within_sla * 100 / f.closed_this_month));
  out.set("deemed_this_month", std::to_string(f.deemed_this_month));
  out.set("escalations_open", std::to_string(f.escalations_open));
  out.set("escalations_this_month", std::to_string(f.escalations_this_month));
  return out;
}

}  // namespace

Response inbox_page(App& app, Call& call) {
  const auto page = inbox_notifications(app, call.caller->user, older_than(call), kInboxPage);
  mustache::data items{mustache::data::type::list};
  for (const auto& n : page.notifications) items.push_back(inbox_row(app, n));
  mustache::data data{mustache::data::type::object};
  data.set("has_items", !items.is_empty_list());
  data.set("items", items);
  if (page.next != 0) data.set("older", std::to_string(page.next));
  return html_page(app, call, http::status::ok, page_word(page_language(call), "inbox_title"), "kotak_masuk", data);
}

Response head_of_office_page(App& app, Call& call) {
  const Language lang = page_language(call);
  if (!app.heads_office(call.caller->user)) {
    mustache::data refusal{mustache::data::type::object};
    refusal.set("message", page_word(lang, "head_only"));
    return html_page(app, call, http::status::forbidden, page_word(lang, "head_title"), "pesan", refusal);
  }
  mustache::data services{mustache::data::type::list};
  for (const auto& f : office_summary(app.engine(), app.now())) services.push_back(service_row(f));
  mustache::data data{mustache::data::type::object};
  data.set("services", services);
  data.set("as_of", format_instant(app.now()));
  return html_page(app, call, http::status::ok, page_word(lang, "head_title"), "pimpinan", data);
}

}  // namespace izin::server
