// The route handlers, by family; routes.cpp puts them in one table.
#pragma once

#include "app.hpp"

namespace izin::server::routes_impl {

Response open_session(App& app, Call& call);
// Signing in, in three steps so the slow one can run off the engine thread (SignInWorker).
struct SignIn {
  std::string name, password;
};
struct PasswordCheck {
  std::optional<User> user;  // set when the password is theirs and the account enabled
  std::string stamp;         // the user's credential stamp, taken before the check
};
// The name and password of a sign-in; throws 400 when missing, 429 when
// blocked; else counts a check under way until sign_in_settled.
SignIn sign_in_request(App& app, const Call& call);
void sign_in_settled(App& app, const Call& call, const SignIn& s);
// The argon2id check (about 0.1 s): safe on any thread with its own UserStore.
PasswordCheck check_password(const UserStore& users, const SignIn& s);
// Counts a failure (401) or opens the session and answers with cookie and CSRF token.
Response sign_in_answer(App& app, const Call& call, const SignIn& s, const PasswordCheck& checked);
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
// Firing an event in two steps, so events from many clerks share one commit
// (EventBatch): the request checked and read, then the answer to its outcome.
struct EventCall {
  std::string case_id;
  EventRequest request;
};
EventCall event_request(App& app, Call& call);
Response event_answer(const Call& call, const Outcome& o);
Response worklist(App& app, Call& call);
Response changes(App& app, Call& call);
Response inbox(App& app, Call& call);
Response office_summary(App& app, Call& call);
Response studio_live(App& app, Call& call);

// The role the caller acts in: `requested` when it is theirs (else 403
// role_not_yours), else their first role.
std::string acting_role(const Caller& caller, const std::string& requested);

}  // namespace izin::server::routes_impl
