// Simulated applicants: their data and the documents they bring.
#include "office/applicant.hpp"

#include <algorithm>

#include "izin/expr.hpp"

namespace izin::detail {

int Dice::below(int n) {
  if (n <= 0) return 0;
  return static_cast<int>(engine_() % static_cast<std::uint64_t>(n));
}

namespace {

// One plausible value of a field's type.
Value plausible_value(const DataField& f, Date today, Dice& dice) {
  switch (f.type) {
    case Type::Number: return Value(Decimal(20 + dice.below(380)));
    case Type::Integer: return Value(1 + dice.below(4));
    case Type::Bool: return Value(dice.chance(10));
    case Type::Date: return Value(today + (30 + dice.below(700)));
    case Type::Enum:
      return Value(EnumValue{f.enum_symbols[static_cast<std::size_t>(dice.below(static_cast<int>(f.enum_symbols.size())))]});
    case Type::Text: break;
  }
  return Value("simulasi " + f.id);
}

}  // namespace

DataInput application_data(const Procedure& p, Date today, Dice& dice) {
  DataInput data;
  for (const auto& f : p.data) {
    if (f.type == Type::Enum && f.enum_symbols.empty()) continue;
    data.emplace_back(f.id, plausible_value(f, today, dice));
  }
  return data;
}

RequirementChecklist requirement_checklist(const Procedure& p, const DataInput& data) {
  std::vector<Value> values(p.data.size());
  for (const auto& [field, value] : data) {
    const int i = p.field_index(field);
    if (i >= 0) values[static_cast<std::size_t>(i)] = value;
  }
  const std::vector<bool> none(p.requirements.size(), false);
  const EvalContext ctx{p, values, none};
  RequirementChecklist list;
  for (const auto& r : p.requirements) {
    if (r.optional) continue;
    const bool applies = !r.when || [&] {
      const Evaluation e = evaluate(*r.when, ctx);
      return e.ok() && e.value.is_bool() && e.value.boolean();
    }();
    if (applies) (r.internal ? list.office : list.applicant).push_back(r.id);
  }
  return list;
}

std::vector<std::string> applicable_requirements(const Procedure& p, const DataInput& data) {
  const RequirementChecklist list = requirement_checklist(p, data);
  std::vector<std::string> ids;
  for (const auto& r : p.requirements)
    for (const auto* part : {&list.applicant, &list.office})
      if (std::find(part->begin(), part->end(), r.id) != part->end()) ids.push_back(r.id);
  return ids;
}

std::vector<std::string> documents_brought(const Procedure& p, const DataInput& data, Dice& dice,
                                           bool forget_one) {
  const RequirementChecklist list = requirement_checklist(p, data);
  std::vector<std::string> ids = list.applicant;
  if (forget_one && !ids.empty()) ids.erase(ids.begin() + dice.below(static_cast<int>(ids.size())));
  ids.insert(ids.end(), list.office.begin(), list.office.end());
  for (const auto& r : p.requirements) {
    if (r.optional && dice.chance(30)) ids.push_back(r.id);
  }
  return ids;
}

}  // namespace izin::detail
