#include "page_fields.hpp"


namespace izin::server {

namespace mustache = kainjow::mustache;

std::string state_label(const Procedure& p, const std::string& id) {
  const int i = p.state_index(id);
  if (i < 0) return id;
  const auto& label = p.states[static_cast<std::size_t>(i)].label;
  return label.empty() ? id : label;
}

namespace {
// What an input shows for a value: the text as typed, never the quoted form explanations use.
std::string input_text(const Value& v) {
  if (v.is_null()) return "";
  if (v.is_text()) return v.text();
  return v.to_string();
}

mustache::data enum_options(const DataField& f, const Value& current) {
  mustache::data out{mustache::data::type::list};
  for (const auto& symbol : f.enum_symbols) {
    mustache::data option{mustache::data::type::object};
    option.set("value", symbol);
    option.set("selected", current.is_enum() && current.enum_value().symbol == symbol);
    out.push_back(option);
  }
  return out;
}
}  // namespace

mustache::data field_input(const DataField& f, const Value& current) {
  mustache::data out{mustache::data::type::object};
  out.set("name", "isi_" + f.id);
  out.set("marker", "ada_" + f.id);
  out.set("label", f.label.empty() ? f.id : f.label);
  out.set("value", input_text(current));
  out.set("is_number", f.type == Type::Number || f.type == Type::Integer);
  out.set("step", f.type == Type::Integer ? "1" : "any");
  out.set("is_date", f.type == Type::Date);
  out.set("is_text", f.type == Type::Text);
  out.set("is_bool", f.type == Type::Bool);
  out.set("checked", current.is_bool() && current.boolean());
  out.set("is_enum", f.type == Type::Enum);
  if (f.type == Type::Enum) out.set("options", enum_options(f, current));
  return out;
}

mustache::data document_input(const Requirement& r, bool checked) {
  mustache::data out{mustache::data::type::object};
  out.set("name", "dok_" + r.id);
  out.set("label", r.label.empty() ? r.id : r.label);
  out.set("checked", checked);
  return out;
}

PostedData posted_data(const Procedure& p, const std::map<std::string, std::string>& form) {
  PostedData out;
  for (const auto& f : p.data) {
    const auto it = form.find("isi_" + f.id);
    if (f.type == Type::Bool) {  // a checkbox sends nothing when unticked: its marker says it was there
      if (form.contains("ada_" + f.id)) out.data.emplace_back(f.id, Value(it != form.end()));
      continue;
    }
    if (it == form.end() || it->second.empty()) continue;
    if (const auto value = parse_value(it->second, f.type, f.enum_symbols))
      out.data.emplace_back(f.id, *value);
    else
      out.unfit.push_back(f.label.empty() ? f.id : f.label);
  }
  return out;
}

std::vector<std::string> posted_documents(const Procedure& p, const std::map<std::string, std::string>& form) {
  std::vector<std::string> out;
  for (const auto& r : p.requirements)
    if (form.contains("dok_" + r.id)) out.push_back(r.id);
  return out;
}

}  // namespace izin::server
