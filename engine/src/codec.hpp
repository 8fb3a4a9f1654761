// JSON forms of cases, journal entries, outcomes and requests: what the
// store writes and the command line prints. Private to the library and its
// tools; nlohmann types never reach a public header.
//
// Output is deterministic: objects keep their keys sorted (nlohmann's
// default std::map), arrays keep their order, numbers are exact decimal
// strings, instants ISO 8601 UTC. Equal values give byte-equal text.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "izin/case.hpp"
#include "izin/codec.hpp"  // CodecError
#include "izin/engine.hpp"
#include "izin/outcome.hpp"
#include "izin/store.hpp"
#include "izin/value.hpp"

// Shared with the store libraries beside the engine (stores/): exported from a shared izin.
#pragma GCC visibility push(default)

namespace izin {

// nlohmann's ADL hooks, one pair per type. Values are tagged by type:
// {"n":"2.25"} {"t":"text"} {"b":true} {"d":"2026-03-16"} {"e":"usaha"} or null.
void to_json(nlohmann::json& j, const Decimal& d);
void from_json(const nlohmann::json& j, Decimal& d);
void to_json(nlohmann::json& j, const Value& v);
void from_json(const nlohmann::json& j, Value& v);
void to_json(nlohmann::json& j, const Actor& a);
void from_json(const nlohmann::json& j, Actor& a);
void to_json(nlohmann::json& j, const DataChange& c);
void from_json(const nlohmann::json& j, DataChange& c);
void to_json(nlohmann::json& j, const HistoryRecord& r);
void from_json(const nlohmann::json& j, HistoryRecord& r);
void to_json(nlohmann::json& j, const PendingDeadline& p);
void from_json(const nlohmann::json& j, PendingDeadline& p);
void to_json(nlohmann::json& j, const SlaClock& s);
void from_json(const nlohmann::json& j, SlaClock& s);
void to_json(nlohmann::json& j, const Case& c);
void from_json(const nlohmann::json& j, Case& c);
void to_json(nlohmann::json& j, const MissingDocument& m);
void from_json(const nlohmann::json& j, MissingDocument& m);
void to_json(nlohmann::json& j, const Refusal& r);
void from_json(const nlohmann::json& j, Refusal& r);
void to_json(nlohmann::json& j, const FeeValue& f);
void from_json(const nlohmann::json& j, FeeValue& f);
void to_json(nlohmann::json& j, const Notification& n);
void from_json(const nlohmann::json& j, Notification& n);
void to_json(nlohmann::json& j, const Outcome& o);
void from_json(const nlohmann::json& j, Outcome& o);
void to_json(nlohmann::json& j, const OpenRequest& r);
void from_json(const nlohmann::json& j, OpenRequest& r);
void to_json(nlohmann::json& j, const EventRequest& r);
void from_json(const nlohmann::json& j, EventRequest& r);
void to_json(nlohmann::json& j, const JournalEntry& e);
void from_json(const nlohmann::json& j, JournalEntry& e);
void to_json(nlohmann::json& j, const ProcedureSource& s);
void from_json(const nlohmann::json& j, ProcedureSource& s);

}  // namespace izin

namespace izin::detail {

// Instants as "2026-03-16T01:00:00Z".
nlohmann::json instant_to_json(Instant t);
Instant instant_from_json(const nlohmann::json& j);

// "opened", "event", "deadline", "notification", "deadline_spent", "deadline_moved".
std::string record_kind_name(RecordKind kind);
// "open", "fire", "advance", "calendar".
std::string journal_kind_name(JournalEntry::Kind kind);
// The kind named by journal_kind_name(); throws CodecError for any other text.
JournalEntry::Kind journal_kind_from_name(const std::string& name);

// A number as stored: exact decimal text, or "numerator/denominator".
std::string decimal_text(const Decimal& d);

// A case without its history, for stores that keep history records apart
// (appended, never rewritten); decode<Case> reads it with an empty history.
// Written by codec_write.cpp.
std::string encode_snapshot(const Case& c);
// One history record, as in a case's "history" array (codec_write.cpp).
std::string encode_record(const HistoryRecord& r);

// Compact, deterministic JSON text of any type above.
template <typename T>
std::string encode(const T& value) {
  return nlohmann::json(value).dump();
}

// Parses text written by encode(); throws CodecError when it is not valid.
template <typename T>
T decode(std::string_view text) {
  try {
    return nlohmann::json::parse(text).get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw CodecError(std::string("malformed JSON record: ") + e.what());
  }
}

}  // namespace izin::detail

#pragma GCC visibility pop
