#include "page_checklist.hpp"

#include <algorithm>

#include "izin/expr.hpp"
#include "page_fields.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

Need requirement_need(const Procedure& p, std::size_t index, const std::vector<Value>& data,
                      const std::vector<bool>& documents) {
  const auto& r = p.requirements[index];
  if (r.optional) return Need::Optional;
  if (!r.when) return Need::Required;
  const auto fields = fields_read(*r.when);
  if (std::any_of(fields.begin(), fields.end(), [&](int i) { return data[static_cast<std::size_t>(i)].is_null(); }))
    return Need::Undecided;
  const auto applies = evaluate(*r.when, EvalContext{p, data, documents});
  return applies.ok() && applies.value.is_bool() && applies.value.boolean() ? Need::Required : Need::NotNeeded;
}

mustache::data checklist(const Procedure& p, const std::vector<Value>& data, const std::vector<bool>& received) {
  mustache::data brought{mustache::data::type::list}, internal{mustache::data::type::list};
  for (std::size_t i = 0; i < p.requirements.size(); ++i) {
    const Need need = requirement_need(p, i, data, received);
    if (need == Need::NotNeeded) continue;
    const auto& r = p.requirements[i];
    auto item = document_input(r, received[i]);
    item.set("optional", need == Need::Optional);
    item.set("undecided", need == Need::Undecided);
    item.set("condition", r.when ? render(*r.when, p) : "");
    (r.internal ? internal : brought).push_back(item);
  }
  mustache::data out{mustache::data::type::object};
  out.set("brought", brought);
  out.set("has_internal", !internal.is_empty_list());
  out.set("internal", internal);
  return out;
}

}  // namespace izin::server
