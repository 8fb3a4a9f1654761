// JSON encodings of the engine's plain data (see codec.hpp).
#include "codec.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "enum_names.hpp"

namespace izin {

using nlohmann::json;

using detail::kJournalKinds;
using detail::kRecordKinds;

namespace {

// The refusal code whose JSON name (refusal_code_name) is `name`.
RefusalCode refusal_code_from(const json& name) {
  for (std::size_t i = 0;; ++i) {
    const auto code = static_cast<RefusalCode>(i);
    const std::string known = refusal_code_name(code);
    if (known == "unknown") throw CodecError("unknown refusal code " + name.dump());
    if (known == name.get<std::string>()) return code;
  }
}

// The index of `name` in `names`, or CodecError naming what it should have been.
template <std::size_t N>
std::size_t index_of(const std::array<const char*, N>& names, const json& j, const char* what) {
  const auto name = j.get<std::string>();
  for (std::size_t i = 0; i < N; ++i) {
    if (name == names[i]) return i;
  }
  throw CodecError(std::string("unknown ") + what + " '" + name + "'");
}

// A signed 64-bit integer from decimal text, or CodecError.
std::int64_t parse_int(std::string_view text) {
  std::int64_t n = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc{} || ptr != end) throw CodecError("malformed number '" + std::string(text) + "'");
  return n;
}

// An optional date as "YYYY-MM-DD" or null.
json optional_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

// Reads an optional date written by optional_date().
std::optional<Date> optional_date(const json& j) {
  if (j.is_null()) return std::nullopt;
  auto d = Date::parse(j.get<std::string>());
  if (!d) throw CodecError("malformed date '" + j.get<std::string>() + "'");
  return d;
}

// DataInput as an array of {"field","value"} objects, keeping the caller's order.
json data_input_to_json(const DataInput& data) {
  json out = json::array();
  for (const auto& [field, value] : data) out.push_back({{"field", field}, {"value", value}});
  return out;
}

// Reads a DataInput written by data_input_to_json().
DataInput data_input_from_json(const json& j) {
  DataInput out;
  for (const auto& item : j) out.emplace_back(item.at("field").get<std::string>(), item.at("value").get<Value>());
  return out;
}

}  // namespace

void to_json(json& j, const Decimal& d) { j = detail::decimal_text(d); }

void from_json(const json& j, Decimal& d) {
  const auto text = j.get<std::string>();
  if (const auto slash = text.find('/'); slash != std::string::npos) {
    const auto num = parse_int(std::string_view(text).substr(0, slash));
    const auto den = parse_int(std::string_view(text).substr(slash + 1));
    if (den <= 0) throw CodecError("malformed fraction '" + text + "'");
    d = Decimal::fraction(num, den);
    return;
  }
  const auto parsed = Decimal::parse(text);
  if (!parsed) throw CodecError("malformed number '" + text + "'");
  d = *parsed;
}

void to_json(json& j, const Value& v) {
  const auto& var = v.variant();
  if (v.is_null()) j = nullptr;
  else if (v.is_number()) j = {{"n", std::get<Decimal>(var)}};
  else if (v.is_text()) j = {{"t", v.text()}};
  else if (v.is_bool()) j = {{"b", v.boolean()}};
  else if (v.is_date()) j = {{"d", v.date().to_string()}};
  else j = {{"e", v.enum_value().symbol}};
}

void from_json(const json& j, Value& v) {
  if (j.is_null()) {
    v = Value();
    return;
  }
  if (!j.is_object() || j.size() != 1) throw CodecError("a value must be null or a one-key object: " + j.dump());
  // Bind to the object's own iterator: a structured binding into items() dangles.
  const auto it = j.begin();
  const std::string& tag = it.key();
  const json& body = it.value();
  if (tag == "n") v = body.get<Decimal>();
  else if (tag == "t") v = body.get<std::string>();
  else if (tag == "b") v = body.get<bool>();
  else if (tag == "e") v = EnumValue{body.get<std::string>()};
  else if (tag == "d") {
    const auto d = Date::parse(body.get<std::string>());
    if (!d) throw CodecError("malformed date value: " + j.dump());
    v = *d;
  } else {
    throw CodecError("unknown value tag '" + tag + "'");
  }
}

void to_json(json& j, const Actor& a) { j = {{"user", a.user}, {"role", a.role}}; }

void from_json(const json& j, Actor& a) {
  j.at("user").get_to(a.user);
  j.at("role").get_to(a.role);
}

void to_json(json& j, const DataChange& c) {
  j = {{"field", c.field}, {"before", c.before}, {"after", c.after}};
}

void from_json(const json& j, DataChange& c) {
  j.at("field").get_to(c.field);
  j.at("before").get_to(c.before);
  j.at("after").get_to(c.after);
}

void to_json(json& j, const HistoryRecord& r) {
  j = {{"sequence", r.sequence}, {"at", detail::instant_to_json(r.at)},
       {"kind", detail::record_kind_name(r.kind)}, {"actor", r.actor},
       {"event", r.event}, {"from", r.from}, {"to", r.to}, {"changes", r.changes},
       {"documents", r.documents}, {"deemed", r.deemed}, {"note", r.note}};
}

void from_json(const json& j, HistoryRecord& r) {
  j.at("sequence").get_to(r.sequence);
  r.at = detail::instant_from_json(j.at("at"));
  r.kind = static_cast<RecordKind>(index_of(kRecordKinds, j.at("kind"), "history record kind"));
  j.at("actor").get_to(r.actor);
  j.at("event").get_to(r.event);
  j.at("from").get_to(r.from);
  j.at("to").get_to(r.to);
  j.at("changes").get_to(r.changes);
  j.at("documents").get_to(r.documents);
  j.at("deemed").get_to(r.deemed);
  j.at("note").get_to(r.note);
}

void to_json(json& j, const PendingDeadline& p) {
  j = {{"deadline", p.deadline}, {"due", detail::instant_to_json(p.due)}};
  if (p.provisional) j["provisional"] = true;  // absent when false: older cases read the same
}

void from_json(const json& j, PendingDeadline& p) {
  j.at("deadline").get_to(p.deadline);
  p.due = detail::instant_from_json(j.at("due"));
  p.provisional = j.value("provisional", false);
}

void to_json(json& j, const SlaClock& s) {
  j = {{"start", optional_date(s.start)}, {"paused_working_days", s.paused_working_days},
       {"paused_since", optional_date(s.paused_since)}};
  if (s.paused_provisional) j["paused_provisional"] = true;
}

void from_json(const json& j, SlaClock& s) {
  s.start = optional_date(j.at("start"));
  j.at("paused_working_days").get_to(s.paused_working_days);
  s.paused_since = optional_date(j.at("paused_since"));
  s.paused_provisional = j.value("paused_provisional", false);
}

void to_json(json& j, const Case& c) {
  j = {{"id", c.id}, {"procedure", c.procedure}, {"version", c.version}, {"state", c.state},
       {"data", c.data}, {"documents", c.documents},
       {"opened_at", detail::instant_to_json(c.opened_at)},
       {"entered_at", detail::instant_to_json(c.entered_at)}, {"pending", c.pending},
       {"sla", c.sla}, {"closed", c.closed}, {"outcome", c.outcome}, {"deemed", c.deemed},
       {"revision", c.revision}, {"history", c.history}};
  if (!c.calendar.empty()) j["calendar"] = c.calendar;  // absent without one, as codec_write.cpp writes it
}

void from_json(const json& j, Case& c) {
  j.at("id").get_to(c.id);
  j.at("procedure").get_to(c.procedure);
  j.at("version").get_to(c.version);
  j.at("state").get_to(c.state);
  j.at("data").get_to(c.data);
  c.documents.clear();
  for (const auto& d : j.at("documents")) c.documents.push_back(d.get<bool>());
  c.opened_at = detail::instant_from_json(j.at("opened_at"));
  c.entered_at = detail::instant_from_json(j.at("entered_at"));
  j.at("pending").get_to(c.pending);
  j.at("sla").get_to(c.sla);
  j.at("closed").get_to(c.closed);
  j.at("outcome").get_to(c.outcome);
  j.at("deemed").get_to(c.deemed);
  c.calendar = j.value("calendar", std::string());  // absent before calendar versions were kept per case
  j.at("revision").get_to(c.revision);
  // A snapshot (encode_snapshot) has no history: the store keeps it apart.
  c.history.clear();
  if (const auto h = j.find("history"); h != j.end()) h->get_to(c.history);
}

void to_json(json& j, const MissingDocument& m) {
  j = {{"requirement", m.requirement}, {"label", m.label}, {"reason", m.reason}, {"internal", m.internal}};
}

void from_json(const json& j, MissingDocument& m) {
  j.at("requirement").get_to(m.requirement);
  j.at("label").get_to(m.label);
  j.at("reason").get_to(m.reason);
  m.internal = j.value("internal", false);  // absent in results journalled before internal documents
}

void to_json(json& j, const Refusal& r) {
  j = {{"code", refusal_code_name(r.code)}, {"message", r.message},
       {"allowed_roles", r.allowed_roles}, {"events", r.events}, {"condition", r.condition},
       {"values", r.values}, {"rules", r.rules}, {"missing", r.missing}, {"field", r.field}};
}

void from_json(const json& j, Refusal& r) {
  r.code = refusal_code_from(j.at("code"));
  j.at("message").get_to(r.message);
  j.at("allowed_roles").get_to(r.allowed_roles);
  j.at("events").get_to(r.events);
  j.at("condition").get_to(r.condition);
  j.at("values").get_to(r.values);
  if (const auto rules = j.find("rules"); rules != j.end()) rules->get_to(r.rules);  // absent before rules
  j.at("missing").get_to(r.missing);
  j.at("field").get_to(r.field);
}

void to_json(json& j, const FeeValue& f) {
  j = {{"fee", f.fee}, {"label", f.label}, {"amount", nullptr},
       {"missing_fields", f.missing_fields}, {"error", f.error}};
  if (f.amount) j["amount"] = *f.amount;
}

void from_json(const json& j, FeeValue& f) {
  j.at("fee").get_to(f.fee);
  j.at("label").get_to(f.label);
  f.amount.reset();
  if (!j.at("amount").is_null()) f.amount = j.at("amount").get<Decimal>();
  j.at("missing_fields").get_to(f.missing_fields);
  j.at("error").get_to(f.error);
}

void to_json(json& j, const Notification& n) {
  j = {{"case_id", n.case_id}, {"role", n.role}, {"message", n.message},
       {"at", detail::instant_to_json(n.at)}, {"state", n.state}, {"id", n.id}};
}

void from_json(const json& j, Notification& n) {
  j.at("case_id").get_to(n.case_id);
  j.at("role").get_to(n.role);
  j.at("message").get_to(n.message);
  n.at = detail::instant_from_json(j.at("at"));
  j.at("state").get_to(n.state);
  n.id = j.value("id", std::string());  // results journaled before the outbox have none
}

void to_json(json& j, const Outcome& o) {
  j = {{"accepted", o.accepted}, {"refusal", nullptr}, {"repeated", o.repeated},
       {"case_id", o.case_id}, {"from", o.from}, {"to", o.to}, {"records", o.records},
       {"deadlines", o.deadlines}, {"notifications", o.notifications}, {"fees", o.fees},
       {"deemed", o.deemed}};
  if (o.refusal) j["refusal"] = *o.refusal;
}

void from_json(const json& j, Outcome& o) {
  j.at("accepted").get_to(o.accepted);
  o.refusal.reset();
  if (!j.at("refusal").is_null()) o.refusal = j.at("refusal").get<Refusal>();
  j.at("repeated").get_to(o.repeated);
  j.at("case_id").get_to(o.case_id);
  j.at("from").get_to(o.from);
  j.at("to").get_to(o.to);
  j.at("records").get_to(o.records);
  j.at("deadlines").get_to(o.deadlines);
  j.at("notifications").get_to(o.notifications);
  j.at("fees").get_to(o.fees);
  j.at("deemed").get_to(o.deemed);
}

void to_json(json& j, const OpenRequest& r) {
  j = {{"procedure", r.procedure}, {"data", data_input_to_json(r.data)},
       {"documents", r.documents}, {"actor", r.actor}, {"case_id", r.case_id}};
}

void from_json(const json& j, OpenRequest& r) {
  j.at("procedure").get_to(r.procedure);
  r.data = data_input_from_json(j.at("data"));
  j.at("documents").get_to(r.documents);
  j.at("actor").get_to(r.actor);
  j.at("case_id").get_to(r.case_id);
}

void to_json(json& j, const EventRequest& r) {
  j = {{"event", r.event}, {"actor", r.actor}, {"data", data_input_to_json(r.data)},
       {"documents", r.documents}, {"key", r.key}};
}

void from_json(const json& j, EventRequest& r) {
  j.at("event").get_to(r.event);
  j.at("actor").get_to(r.actor);
  r.data = data_input_from_json(j.at("data"));
  j.at("documents").get_to(r.documents);
  j.at("key").get_to(r.key);
}

void to_json(json& j, const JournalEntry& e) {
  j = {{"sequence", e.sequence}, {"at", detail::instant_to_json(e.at)},
       {"kind", detail::journal_kind_name(e.kind)}, {"actor", e.actor}, {"event", e.event},
       {"payload", e.payload}, {"result", e.result}, {"key", e.key}, {"accepted", e.accepted}};
}

void from_json(const json& j, JournalEntry& e) {
  j.at("sequence").get_to(e.sequence);
  e.at = detail::instant_from_json(j.at("at"));
  e.kind = static_cast<JournalEntry::Kind>(index_of(kJournalKinds, j.at("kind"), "journal entry kind"));
  j.at("actor").get_to(e.actor);
  j.at("event").get_to(e.event);
  j.at("payload").get_to(e.payload);
  j.at("result").get_to(e.result);
  j.at("key").get_to(e.key);
  j.at("accepted").get_to(e.accepted);
}

void to_json(json& j, const ProcedureSource& s) {
  j = {{"id", s.id}, {"version", s.version}, {"file", s.file}, {"source", s.source}, {"hash", s.hash}};
}

void from_json(const json& j, ProcedureSource& s) {
  j.at("id").get_to(s.id);
  j.at("version").get_to(s.version);
  j.at("file").get_to(s.file);
  j.at("source").get_to(s.source);
  j.at("hash").get_to(s.hash);
}

}  // namespace izin

namespace izin::detail {

json instant_to_json(Instant t) { return format_instant(t); }

Instant instant_from_json(const json& j) {
  const auto text = j.get<std::string>();
  const auto t = parse_instant(text, 0);
  if (!t) throw CodecError("malformed instant '" + text + "'");
  return *t;
}

std::string record_kind_name(RecordKind kind) { return kRecordKinds.at(static_cast<std::size_t>(kind)); }

std::string journal_kind_name(JournalEntry::Kind kind) {
  return kJournalKinds.at(static_cast<std::size_t>(kind));
}

JournalEntry::Kind journal_kind_from_name(const std::string& name) {
  return static_cast<JournalEntry::Kind>(index_of(kJournalKinds, json(name), "journal entry kind"));
}

std::string decimal_text(const Decimal& d) {
  // Exact decimal text when the value has one; "numerator/denominator" otherwise.
  auto text = d.to_string();
  const auto back = Decimal::parse(text);
  if (!back || *back != d) text = std::to_string(d.numerator()) + "/" + std::to_string(d.denominator());
  return text;
}

}  // namespace izin::detail
