#include "api_json.hpp"

#include "errors.hpp"
#include "izin/names.hpp"

namespace izin::server {

using nlohmann::json;

json value_json(const Value& v) {
  if (v.is_null()) return nullptr;
  if (v.is_bool()) return v.boolean();
  if (v.is_text()) return v.text();  // as typed: to_string would quote it
  if (v.is_enum()) return v.enum_value().symbol;
  if (v.is_date()) return v.date().to_string();
  return v.to_string();
}

namespace {
json state_json(const Procedure& p, const State& s) {
  json events = json::array();
  for (const auto& t : s.transitions) {
    json roles = json::array();
    for (int r : t.roles) roles.push_back(p.roles[static_cast<std::size_t>(r)].id);
    events.push_back({{"event", t.event}, {"roles", roles}, {"to", p.states[static_cast<std::size_t>(t.target)].id}});
  }
  return {{"id", s.id},       {"label", s.label},   {"initial", s.initial},           {"final", s.final},
          {"outcome", s.outcome}, {"clock_paused", s.clock_paused}, {"events", events}};
}
}  // namespace

json procedure_json(const Procedure& p) {
  json out = {{"id", p.id}, {"version", p.version}, {"title", p.title}, {"legal", p.legal},
              {"product", p.product}, {"calendar", p.calendar}};
  out["sla"] = p.sla ? json{{"working_days", p.sla->working_days},
                            {"from", p.sla->from_state < 0 ? json(nullptr)
                                                           : json(p.states[static_cast<std::size_t>(p.sla->from_state)].id)}}
                     : json(nullptr);
  out["roles"] = json::array();
  for (const auto& r : p.roles) out["roles"].push_back(r.id);
  out["fields"] = json::array();
  for (const auto& f : p.data)
    out["fields"].push_back({{"id", f.id}, {"label", f.label}, {"type", to_string(f.type)}, {"symbols", f.enum_symbols}});
  out["requirements"] = json::array();
  for (const auto& r : p.requirements)
    out["requirements"].push_back({{"id", r.id}, {"label", r.label}, {"optional", r.optional},
                                   {"internal", r.internal}, {"always", !r.when.has_value()}});
  out["fees"] = json::array();
  for (const auto& f : p.fees) out["fees"].push_back({{"id", f.id}, {"label", f.label}});
  out["states"] = json::array();
  for (const auto& s : p.states) out["states"].push_back(state_json(p, s));
  return out;
}

namespace {
json fee_json(const FeeValue& f) {
  return {{"fee", f.fee}, {"label", f.label}, {"amount", f.amount ? json(f.amount->to_string()) : json(nullptr)},
          {"missing_fields", f.missing_fields}, {"error", f.error}};
}

json sla_json(const SlaStatus& s) {
  return {{"declared", s.declared}, {"started", s.started},
          {"due", s.due ? json(s.due->to_string()) : json(nullptr)}, {"working_days_used", s.working_days_used},
          {"paused", s.paused}, {"breached", s.breached}, {"provisional", s.provisional}};
}

bool may_fire(const AvailableEvent& e, const std::vector<std::string>& roles) {
  if (e.roles.empty()) return true;
  for (const auto& r : roles)
    for (const auto& allowed : e.roles)
      if (r == allowed) return true;
  return false;
}
}  // namespace

json case_json(const Engine& engine, const Case& c, Instant now, const std::vector<std::string>& roles) {
  const CaseView v = engine.view(c);
  json data = json::object();
  for (const auto& [field, value] : v.data) data[field] = value_json(value);
  json pending = json::array();
  for (const auto& p : v.pending)
    pending.push_back({{"after", p.after}, {"due", format_instant(p.due)}, {"provisional", p.provisional},
                       {"target", p.target}, {"notify", p.notify}});
  json fees = json::array();
  for (const auto& f : engine.fees(c)) fees.push_back(fee_json(f));
  json events = json::array();
  for (const auto& e : engine.available_events(c))
    if (may_fire(e, roles)) events.push_back({{"event", e.event}, {"roles", e.roles}});
  return {{"id", v.id}, {"procedure", v.procedure}, {"version", v.version}, {"state", v.state},
          {"state_label", v.state_label}, {"data", data}, {"documents", v.documents}, {"pending", pending},
          {"opened_at", format_instant(v.opened_at)}, {"entered_at", format_instant(v.entered_at)},
          {"closed", v.closed}, {"outcome", v.outcome}, {"deemed", v.deemed}, {"revision", v.revision},
          {"sla", sla_json(engine.sla(c, now))}, {"fees", fees}, {"available_events", events}};
}

json summary_json(const CaseSummary& s) {
  return {{"id", s.id}, {"procedure", s.procedure}, {"version", s.version}, {"state", s.state},
          {"opened_at", format_instant(s.opened_at)}, {"closed", s.closed}, {"outcome", s.outcome},
          {"next_due", s.next_due ? json(format_instant(*s.next_due)) : json(nullptr)}, {"revision", s.revision}};
}

json history_json(const HistoryRecord& r) {
  json changes = json::array();
  for (const auto& c : r.changes)
    changes.push_back({{"field", c.field}, {"before", value_json(c.before)}, {"after", value_json(c.after)}});
  return {{"sequence", r.sequence}, {"at", format_instant(r.at)}, {"kind", to_string(r.kind)},
          {"user", r.actor.user}, {"role", r.actor.role}, {"event", r.event}, {"from", r.from}, {"to", r.to},
          {"changes", changes}, {"documents", r.documents}, {"deemed", r.deemed}, {"note", r.note}};
}

json refusal_json(const Refusal& r) {
  json missing = json::array();
  for (const auto& m : r.missing)
    missing.push_back({{"requirement", m.requirement}, {"label", m.label}, {"reason", m.reason}, {"internal", m.internal}});
  return {{"code", to_string(r.code)}, {"message", r.message}, {"allowed_roles", r.allowed_roles},
          {"events", r.events}, {"condition", r.condition}, {"values", r.values}, {"missing", missing},
          {"field", r.field}, {"rules", r.rules}};
}

json outcome_json(const Outcome& o) {
  json records = json::array();
  for (const auto& r : o.records) records.push_back(history_json(r));
  json fees = json::array();
  for (const auto& f : o.fees) fees.push_back(fee_json(f));
  return {{"case_id", o.case_id}, {"from", o.from}, {"to", o.to}, {"repeated", o.repeated},
          {"deemed", o.deemed}, {"records", records}, {"fees", fees}};
}

namespace {
// A field type as the Indonesian message names it.
std::string type_name_id(Type type) {
  switch (type) {
    case Type::Number: return "angka";
    case Type::Integer: return "bilangan bulat";
    case Type::Text: return "teks";
    case Type::Bool: return "ya/tidak (true/false)";
    case Type::Date: return "tanggal yang sah (YYYY-MM-DD)";
    case Type::Enum: return "salah satu pilihannya";
  }
  return std::string(type_name(type));
}
}  // namespace

DataInput data_input(const Procedure& p, const json& data) {
  DataInput out;
  if (data.is_null()) return out;
  if (!data.is_object()) throw invalid_input(http::status::bad_request, "data must be an object", "data harus berupa objek");
  for (const auto& [field, given] : data.items()) {
    const int index = p.field_index(field);
    if (index < 0 || given.is_null()) {  // the engine refuses unknown fields with its own reason
      out.emplace_back(field, given.is_string() ? Value(given.get<std::string>()) : Value());
      continue;
    }
    const auto& f = p.data[static_cast<std::size_t>(index)];
    const std::string text = given.is_string() ? given.get<std::string>() : given.dump();
    const auto value = parse_value(text, f.type, f.enum_symbols);
    if (!value)
      throw invalid_input(http::status::unprocessable_entity, field + " is not a valid " + std::string(to_string(f.type)),
                          field + " bukan " + type_name_id(f.type), {{"field", field}});
    out.emplace_back(field, *value);
  }
  return out;
}

}  // namespace izin::server
