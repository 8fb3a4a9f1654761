// Cases: open, find, show, history, fire events, worklist. The actor is
// always the authenticated user in one of their own roles.
#include <algorithm>

#include "api_json.hpp"
#include "errors.hpp"
#include "event_role.hpp"
#include "izin/names.hpp"
#include "routes.hpp"

namespace izin::server::routes_impl {

namespace {

std::vector<std::string> text_list(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_array() || !std::all_of(it->begin(), it->end(), [](const auto& v) { return v.is_string(); }))
    throw invalid_input(http::status::bad_request, std::string(key) + " must be a list of text",
                        std::string(key) + " harus berupa daftar teks");
  return it->get<std::vector<std::string>>();
}

std::string text_or_empty(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return "";
  if (!it->is_string()) throw invalid_input(http::status::bad_request, std::string(key) + " must be text", std::string(key) + " harus berupa teks");
  return it->get<std::string>();
}

[[noreturn]] void refused(const Outcome& o) {
  const auto& r = *o.refusal;
  throw ApiError{refusal_status(r.code), std::string(to_string(r.code)), refusal_json(r)};
}

Case load_case(App& app, const Call& call) {
  auto c = app.engine().find(call.params.at("id"));
  if (!c) throw ApiError{http::status::not_found, "unknown_case", nullptr, call.params.at("id")};
  return *c;
}

std::size_t page_limit(const Call& call) {
  const auto it = call.query.find("limit");
  if (it == call.query.end()) return 50;
  try {
    const int n = std::stoi(it->second);
    if (n >= 1 && n <= 500) return static_cast<std::size_t>(n);
  } catch (const std::exception&) {
  }
  throw invalid_input(http::status::bad_request, "limit wants 1-500", "limit harus 1-500");
}

std::string query_value(const Call& call, const char* key) {
  const auto it = call.query.find(key);
  return it == call.query.end() ? "" : it->second;
}

nlohmann::json page_json(const CasePage& page) {
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& s : page.cases) cases.push_back(summary_json(s));
  return {{"cases", cases}, {"next_cursor", page.next_cursor}, {"total", page.total},
          {"total_capped", page.total_capped}};
}

}  // namespace

Response open_case(App& app, Call& call) {
  const auto body = call.body();
  const std::string procedure = text_or_empty(body, "procedure");
  const auto p = app.engine().procedure(procedure);
  if (!p) throw ApiError{http::status::not_found, "unknown_procedure", nullptr, procedure};
  OpenRequest request;
  request.procedure = procedure;
  request.actor = {call.caller->user.name, acting_role(*call.caller, text_or_empty(body, "role"))};
  request.data = data_input(*p, body.contains("data") ? body["data"] : nlohmann::json());
  request.documents = text_list(body, "documents");
  const Outcome o = app.engine().open(request);
  if (!o.accepted) refused(o);
  const auto c = app.engine().find(o.case_id);
  auto out = case_json(app.engine(), *c, app.now(), call.caller->user.roles);
  out["tracking_code"] = app.tracking().issue(c->id);  // shown once: only its digest is kept
  return reply(call, http::status::created, out);
}

Response list_cases(App& app, Call& call) {
  CaseQuery q;
  q.procedure = query_value(call, "procedure");
  if (const auto state = query_value(call, "state"); !state.empty()) q.states = {state};
  q.role = query_value(call, "role");
  if (query_value(call, "overdue") == "true") q.overdue_at = app.now();
  q.limit = page_limit(call);
  q.cursor = query_value(call, "cursor");
  try {
    return reply(call, http::status::ok, page_json(app.engine().find_cases(q)));
  } catch (const QueryError& e) {
    throw ApiError{http::status::bad_request, "invalid_input", nullptr, e.what()};
  }
}

Response show_case(App& app, Call& call) {
  const Case c = load_case(app, call);
  return reply(call, http::status::ok, case_json(app.engine(), c, app.now(), call.caller->user.roles));
}

Response case_history(App& app, Call& call) {
  const Case c = load_case(app, call);
  nlohmann::json records = nlohmann::json::array();
  for (const auto& r : c.history) records.push_back(history_json(r));
  return reply(call, http::status::ok, {{"case_id", c.id}, {"history", records}});
}

EventCall event_request(App& app, Call& call) {
  const auto body = call.body();
  const Case c = load_case(app, call);
  const auto p = app.engine().procedure(c.procedure, c.version);
  EventRequest request;
  request.event = text_or_empty(body, "event");
  const std::string role = text_or_empty(body, "role");
  request.actor = {call.caller->user.name, role.empty() ? role_for_event(app.engine(), c, *call.caller, request.event)
                                                        : acting_role(*call.caller, role)};
  request.data = data_input(*p, body.contains("data") ? body["data"] : nlohmann::json());
  request.documents = text_list(body, "documents");
  if (const auto key = call.req.find("Idempotency-Key"); key != call.req.end()) request.key = key->value();
  return {c.id, std::move(request)};
}

Response event_answer(const Call& call, const Outcome& o) {
  if (!o.accepted) refused(o);
  return reply(call, http::status::ok, outcome_json(o));
}

Response fire_event(App& app, Call& call) {
  const EventCall e = event_request(app, call);
  return event_answer(call, app.engine().fire(e.case_id, e.request));
}

Response worklist(App& app, Call& call) {
  const std::string requested = query_value(call, "role");
  const std::vector<std::string> roles = requested.empty() ? call.caller->user.roles
                                                           : std::vector{acting_role(*call.caller, requested)};
  nlohmann::json out = nlohmann::json::array();
  for (const auto& role : roles) {
    try {
      auto page = page_json(app.engine().worklist(role, page_limit(call), query_value(call, "cursor")));
      page["role"] = role;
      out.push_back(page);
    } catch (const QueryError& e) {
      // A role no loaded procedure declares has no worklist; say so rather than fail the others.
      out.push_back({{"role", role}, {"cases", nlohmann::json::array()}, {"next_cursor", ""}, {"total", 0},
                     {"problem", e.what()}});
    }
  }
  return reply(call, http::status::ok, {{"worklists", out}});
}

}  // namespace izin::server::routes_impl
