// Refusals as data with one sentence a front-desk clerk can act on, in
// English or Indonesian.
#pragma once

#include <string>
#include <vector>

#include "izin/case.hpp"
#include "izin/diagnostic.hpp"
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
// Another process changed the case first.
Refusal refuse_conflict(const std::string& case_id, Language lang);
// The idempotency key was first used for a different request; nothing was applied.
Refusal refuse_key_reused(const std::string& case_id, const std::string& key, Language lang);
// Open: a case with the requested id already exists; nothing was written.
Refusal refuse_case_exists(const std::string& case_id, Language lang);

// Labels of the rules `e` names whose value is false, each once, in order.
std::vector<std::string> false_rule_labels(const Expr& e, const EvalContext& ctx);

// "luas_bangunan = 150" for each field an expression reads.
std::vector<std::string> field_values(const Expr& e, const Procedure& p, const std::vector<Value>& data);
// Why a requirement applies: "required because luas_bangunan > 100, and luas_bangunan = 150".
std::string requirement_reason(const Requirement& r, const Procedure& p, const std::vector<Value>& data,
                               const std::string& event, Language lang);

}  // namespace izin::detail
