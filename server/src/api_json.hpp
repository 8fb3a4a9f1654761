// The engine's types as the API's JSON, and request bodies back into engine input.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "izin/engine.hpp"

namespace izin::server {

// A value as JSON: null, true/false, else its exact text ("150.5", "2026-03-17", "usaha").
nlohmann::json value_json(const Value& v);
// The model of one procedure version: fields with types, requirements, roles, states, fees, SLA.
nlohmann::json procedure_json(const Procedure& p);
// One case for a caller: view, SLA, pending deadlines, fees, and the events `roles` may fire.
nlohmann::json case_json(const Engine& engine, const Case& c, Instant now, const std::vector<std::string>& roles);
nlohmann::json summary_json(const CaseSummary& s);
nlohmann::json history_json(const HistoryRecord& r);
nlohmann::json refusal_json(const Refusal& r);
// An accepted outcome: case id, from/to, records appended, fees.
nlohmann::json outcome_json(const Outcome& o);

// A JSON object of field values checked against the procedure's field types;
// throws ApiError (422 invalid_input) naming the field whose value does not fit.
DataInput data_input(const Procedure& p, const nlohmann::json& data);

}  // namespace izin::server
