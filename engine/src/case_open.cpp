// Checking caller input and opening a case.
#include "engine_runtime.hpp"
#include "refusal.hpp"

namespace izin::detail {

namespace {
// The value as the field holds it: text typed for a non-text field is parsed
// ("usaha" for an enum, "2026-03-16" for a date); nullopt when it does not fit.
std::optional<Value> fit(const DataField& f, const Value& v) {
  if (v.is_text() && f.type != Type::Text) return parse_value(v.text(), f.type, f.enum_symbols);
  if (!v.fits(f.type)) return std::nullopt;
  if (v.is_enum()) {
    for (const auto& sym : f.enum_symbols)
      if (sym == v.enum_value().symbol) return v;
    return std::nullopt;
  }
  return v;
}
}  // namespace

std::optional<Refusal> apply_input(const Procedure& p, const DataInput& input,
                                   const std::vector<std::string>& docs, std::vector<Value>& data,
                                   std::vector<bool>& documents, std::vector<DataChange>& changes,
                                   std::vector<std::string>& new_docs, Language lang) {
  for (const auto& [name, given] : input) {
    const int index = p.field_index(name);
    if (index < 0) return refuse_unknown_field(name, lang);
    const DataField& f = p.data[static_cast<std::size_t>(index)];
    std::optional<Value> v = fit(f, given);
    if (!v) return refuse_wrong_type(f, given, lang);
    Value& slot = data[static_cast<std::size_t>(index)];
    if (slot == *v) continue;
    changes.push_back(DataChange{name, slot, *v});
    slot = std::move(*v);
  }
  for (const auto& doc : docs) {
    const int index = p.requirement_index(doc);
    if (index < 0) return refuse_unknown_document(doc, lang);
    if (documents[static_cast<std::size_t>(index)]) continue;
    documents[static_cast<std::size_t>(index)] = true;
    new_docs.push_back(doc);
  }
  return std::nullopt;
}

std::optional<Refusal> open_case(Step& s, const OpenRequest& r, const std::string& id, Instant at) {
  const Procedure& p = s.procedure;
  Case& c = s.c;
  c = Case{};
  c.id = id;
  c.procedure = p.id;
  c.version = p.version;
  c.data.assign(p.data.size(), Value{});
  c.documents.assign(p.requirements.size(), false);
  std::vector<DataChange> changes;
  std::vector<std::string> new_docs;
  if (auto refusal = apply_input(p, r.data, r.documents, c.data, c.documents, changes, new_docs, s.lang))
    return refusal;
  c.opened_at = at;
  if (p.sla && p.sla->from_state < 0) c.sla.start = s.calendar.local_date(at);
  HistoryRecord& rec = add_record(s, RecordKind::Opened, at);
  rec.actor = r.actor;
  rec.to = p.states[static_cast<std::size_t>(p.initial_state)].id;
  rec.changes = std::move(changes);
  rec.documents = std::move(new_docs);
  enter_state(s, p.initial_state, at, false);
  c.revision = 1;
  return std::nullopt;
}

}  // namespace izin::detail
