// Checking names and data in scenario files against the procedure.
#include <algorithm>

#include "scenario/reader.hpp"

namespace izin::detail {
namespace {

// Whether some state of the procedure takes the event.
bool has_event(const Procedure& p, const std::string& event) {
  return std::any_of(p.states.begin(), p.states.end(), [&](const State& s) {
    return std::any_of(s.transitions.begin(), s.transitions.end(),
                       [&](const Transition& t) { return t.event == event; });
  });
}

// Whether some final state of the procedure ends with the outcome.
bool has_outcome(const Procedure& p, const std::string& outcome) {
  return std::any_of(p.states.begin(), p.states.end(),
                     [&](const State& s) { return s.final && s.outcome == outcome; });
}

// Whether the procedure declares `id` as a `kind` (state, event, role …).
bool declares(const Procedure& p, std::string_view kind, const std::string& id) {
  if (kind == "state") return p.state_index(id) >= 0;
  if (kind == "event") return has_event(p, id);
  if (kind == "role") return p.role_index(id) >= 0;
  if (kind == "requirement") return p.requirement_index(id) >= 0;
  if (kind == "fee") return p.fee_index(id) >= 0;
  if (kind == "field") return p.field_index(id) >= 0;
  if (kind == "outcome") return has_outcome(p, id);
  return false;
}

// Indonesian word for a kind of name.
std::string indonesian_kind(std::string_view kind) {
  if (kind == "state") return "status";
  if (kind == "event") return "peristiwa";
  if (kind == "role") return "peran";
  if (kind == "requirement") return "persyaratan";
  if (kind == "fee") return "biaya";
  if (kind == "field") return "data";
  return "hasil";
}

}  // namespace

bool ScenarioReader::known(const YAML::Node& at, std::string_view kind, const std::string& id) {
  if (declares(procedure_, kind, id)) return true;
  const std::string where = procedure_.id + " version " + std::to_string(procedure_.version);
  error("IZ291", at, std::string(kind) + " '" + id + "' is not declared in procedure " + where,
        indonesian_kind(kind) + " '" + id + "' tidak dideklarasikan dalam prosedur " + procedure_.id +
            " versi " + std::to_string(procedure_.version));
  return false;
}

std::optional<DataInput> ScenarioReader::data(const YAML::Node& n) {
  if (!n.IsMap()) {
    error("IZ092", n, "data must be a mapping of field: value", "data harus berupa pemetaan field: nilai");
    return std::nullopt;
  }
  DataInput result;
  bool ok = true;
  for (const auto& kv : n) {
    const std::string field = kv.first.Scalar();
    const auto text = scalar(kv.second, "a data value");
    if (!known(kv.first, "field", field) || !text) {
      ok = false;
      continue;
    }
    const DataField& f = procedure_.data[static_cast<std::size_t>(procedure_.field_index(field))];
    auto value = parse_value(*text, f.type, f.enum_symbols);
    if (!value) {
      const std::string type(type_name(f.type));
      error("IZ093", kv.second, "'" + *text + "' is not a valid " + type + " for " + field,
            "'" + *text + "' bukan nilai " + type + " yang sah untuk " + field);
      ok = false;
      continue;
    }
    result.emplace_back(field, std::move(*value));
  }
  if (!ok) return std::nullopt;
  return result;
}

std::optional<std::vector<std::string>> ScenarioReader::documents(const YAML::Node& n) {
  auto ids = names(n, "documents");
  if (!ids) return std::nullopt;
  bool ok = true;
  std::size_t i = 0;
  for (const auto& id : *ids) {
    const YAML::Node at = n.IsSequence() ? n[i] : n;
    ok = known(at, "requirement", id) && ok;
    ++i;
  }
  if (!ok) return std::nullopt;
  return ids;
}

}  // namespace izin::detail
