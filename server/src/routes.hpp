// The route handlers, by family; routes.cpp puts them in one table.
#pragma once

#include "app.hpp"

namespace izin::server::routes_impl {

Response open_session(App& app, Call& call);
Response close_session(App& app, Call& call);
Response openapi(App& app, Call& call);
Response problems(App& app, Call& call);

Response list_procedures(App& app, Call& call);
Response show_procedure(App& app, Call& call);
Response preview_deadlines(App& app, Call& call);
Response check(App& app, Call& call);

Response open_case(App& app, Call& call);
Response list_cases(App& app, Call& call);
Response show_case(App& app, Call& call);
Response case_history(App& app, Call& call);
Response fire_event(App& app, Call& call);
Response worklist(App& app, Call& call);

// The role the caller acts in: `requested` when it is theirs (else 403
// role_not_yours), else their first role.
std::string acting_role(const Caller& caller, const std::string& requested);

}  // namespace izin::server::routes_impl
