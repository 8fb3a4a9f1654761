// The table of /api/v1 routes; server/openapi.json documents each of them.
#include "routes.hpp"

namespace izin::server {

const std::vector<Route>& routes() {
  using http::verb;
  using namespace routes_impl;
  static const std::vector<Route> table = {
      {verb::post, "/api/v1/session", false, open_session},
      {verb::delete_, "/api/v1/session", true, close_session},
      {verb::get, "/api/v1/openapi.json", false, openapi},
      {verb::get, "/api/v1/problems", true, problems},
      {verb::get, "/api/v1/procedures", true, list_procedures},
      {verb::get, "/api/v1/procedures/{id}", true, show_procedure},
      {verb::get, "/api/v1/procedures/{id}/deadlines", true, preview_deadlines},
      {verb::post, "/api/v1/check", true, check},
      {verb::post, "/api/v1/cases", true, open_case},
      {verb::get, "/api/v1/cases", true, list_cases},
      {verb::get, "/api/v1/cases/{id}", true, show_case},
      {verb::get, "/api/v1/cases/{id}/history", true, case_history},
      {verb::post, "/api/v1/cases/{id}/events", true, fire_event},
      {verb::get, "/api/v1/worklist", true, worklist},
      {verb::get, "/api/v1/changes", true, changes},
      {verb::get, "/api/v1/inbox", true, inbox},
      {verb::get, "/api/v1/office/summary", true, office_summary},
      {verb::post, "/api/v1/studio/live", true, studio_live},
  };
  return table;
}

}  // namespace izin::server
