// Refusals as data with one sentence a front-desk clerk can act on, in
// English or Indonesian.
#pragma once

#include <string>
#include <vector>

#include "izin/case.hpp"
#include "izin/diagnostic.hpp"
#include "izin/engine.hpp"
#include "izin/outcome.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// No case with this id.
Refusal refuse_unknown_case(const std::string& id, Language lang);
// No procedure with this id (open).
Refusal refuse_unknown_procedure(const std::string& id, Language lang);
// The case is in a final state.
Refusal refuse_closed(const Case& c, Language lang);
// The current state takes no such event; `events` are those it takes.
Refusal refuse_no_such_event(const std::string& event, const State& state,
                             std::vector<std::string> events, Language lang);
// The actor's role may not fire the event; `roles` may.
Refusal refuse_role(const std::string& event, const std::string& role,
                    std::vector<std::string> roles, Language lang);
// The event's `when` is false; `values` show the fields it read; `rules`
// are the labels of the false rules it names (then they are the reason).
Refusal refuse_guard(const std::string& event, std::string condition, std::vector<std::string> values,
                     std::vector<std::string> rules, Language lang);
// Applicable required documents are missing.
Refusal refuse_missing(const std::string& event, std::vector<MissingDocument> missing, Language lang);
// Data names a field the procedure lacks.
Refusal refuse_unknown_field(const std::string& field, Language lang);
// Data does not fit the field's type.
Refusal refuse_wrong_type(const DataField& field, const Value& given, Language lang);
// A submitted document the procedure does not list.
Refusal refuse_unknown_document(const std::string& document, Language lang);
// A `set` could not be computed.
Refusal refuse_evaluation(const std::string& field, const std::string& error, Language lang);
// A deadline or SLA day of this step would fall past 9999-12-31, which no
// stored instant may; `detail` says which (the calendar's own words).
Refusal refuse_out_of_range(const std::string& detail, Language lang);
// Some text of the request (`what`: "the event name", "data field 'x'") is not UTF-8.
Refusal refuse_invalid_text(const std::string& what, Language lang);
// The first text of an open request that is not UTF-8, named for the refusal; nullopt when all are.
std::optional<std::string> invalid_text(const OpenRequest& request, Language lang);
// The same for an event on case `case_id`.
std::optional<std::string> invalid_text(const std::string& case_id, const EventRequest& request, Language lang);
// Another process changed the case first.
Refusal refuse_conflict(const std::string& case_id, Language lang);
// The idempotency key was first used for a different request; nothing was applied.
Refusal refuse_key_reused(const std::string& case_id, const std::string& key, Language lang);
// Open: a case with the requested id already exists; nothing was written.
Refusal refuse_case_exists(const std::string& case_id, Language lang);
// `at` is before the case's last history record (a clock set back): the past is not rewritten.
Refusal refuse_clock_behind(const Case& c, Instant at, Language lang);

// Labels of the rules `e` names whose value is false, each once, in order.
std::vector<std::string> false_rule_labels(const Expr& e, const EvalContext& ctx);

// "luas_bangunan = 150" for each field an expression reads ("(no value)" in `lang` when empty).
std::vector<std::string> field_values(const Expr& e, const Procedure& p, const std::vector<Value>& data,
                                      Language lang);
// Why a requirement applies: "required because luas_bangunan > 100, and luas_bangunan = 150".
std::string requirement_reason(const Requirement& r, const Procedure& p, const std::vector<Value>& data,
                               const std::string& event, Language lang);

}  // namespace izin::detail
