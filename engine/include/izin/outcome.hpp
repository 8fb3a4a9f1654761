// What firing an event or opening a case did, or why it was refused.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "izin/case.hpp"
#include "izin/decimal.hpp"

namespace izin {

// Why an event was refused. Stable: front ends switch on it.
enum class RefusalCode : std::uint8_t {
  UnknownCase,       // no case with that id
  CaseClosed,        // the case is in a final state
  NoSuchEvent,       // no transition on this event in the current state
  RoleNotAllowed,    // the actor's role may not fire it
  GuardFalse,        // the `when` condition is false
  MissingDocuments,  // applicable required documents are not in
  UnknownField,      // event data names a field the procedure lacks
  WrongType,         // event data does not fit the field's type
  UnknownDocument,   // a submitted document the procedure does not list
  EvaluationFailed,  // a `set` failed (e.g. division by zero)
  Conflict,          // another process changed the case first
  UnknownProcedure,  // open: no procedure with that id
  KeyReused,         // an idempotency key already used for a different request
  CaseExists,        // open: a case with the requested id already exists
  InvalidText,       // some text of the request is not UTF-8: refused before anything reads or stores it
  ClockBehind,       // the instant is before the case's last history record: time only moves forward
};

// "no_such_event", "role_not_allowed", … (for JSON and scenario files).
std::string refusal_code_name(RefusalCode code);

// One missing document and why it applies to this case.
struct MissingDocument {
  std::string requirement;  // id
  std::string label;
  std::string reason;  // "required because luas_bangunan > 100, and luas_bangunan = 150"
  bool internal = false;  // the office obtains it itself (another agency's recommendation …)
  friend bool operator==(const MissingDocument&, const MissingDocument&) = default;
};

// A refusal, with everything a clerk needs to act on it.
struct Refusal {
  RefusalCode code = RefusalCode::NoSuchEvent;
  std::string message;                    // one sentence, in the engine's language
  std::vector<std::string> allowed_roles; // RoleNotAllowed
  std::vector<std::string> events;        // NoSuchEvent: events this state takes
  std::string condition;                  // GuardFalse: "lokasi_sengketa"
  std::vector<std::string> values;        // GuardFalse: "lokasi_sengketa = false"
  std::vector<MissingDocument> missing;   // MissingDocuments
  std::string field;                      // UnknownField, WrongType, EvaluationFailed
  std::vector<std::string> rules;         // GuardFalse: labels of the false rules the guard names, in order
  friend bool operator==(const Refusal&, const Refusal&) = default;
};

// A fee as known now: an exact amount, or unknown with the fields it still needs.
struct FeeValue {
  std::string fee;  // id
  std::string label;
  std::optional<Decimal> amount;
  std::vector<std::string> missing_fields;
  std::string error;  // e.g. division by zero
  friend bool operator==(const FeeValue&, const FeeValue&) = default;
};

// An escalation sent to a role, kept in the store's outbox until delivered.
struct Notification {
  std::string case_id;
  std::string role;
  std::string message;
  Instant at;
  std::string state;  // the state that waited too long
  // Delivery id, unique in the store: "<case id>/<history record sequence>".
  // A receiver that sees an id twice (delivery is at least once) drops the second.
  std::string id{};
  friend bool operator==(const Notification&, const Notification&) = default;
};

// The result of open/fire/advance on one case.
struct Outcome {
  bool accepted = false;
  std::optional<Refusal> refusal;        // set when !accepted
  bool repeated = false;                 // a repeated idempotency key: first result returned
  std::string case_id;
  std::string from, to;                  // state ids
  std::vector<HistoryRecord> records;    // appended by this call, deadlines first
  std::vector<PendingDeadline> deadlines;  // pending after the call
  std::vector<Notification> notifications;
  std::vector<FeeValue> fees;            // as known after the call
  bool deemed = false;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

}  // namespace izin

#pragma GCC visibility pop
