#include "izin/procedure.hpp"

namespace izin {

namespace {
// Position of the element whose id matches, or -1.
template <class Items>
int index_of(const Items& items, std::string_view name) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == name) return static_cast<int>(i);
  return -1;
}
}  // namespace

int Procedure::state_index(std::string_view name) const { return index_of(states, name); }
int Procedure::role_index(std::string_view name) const { return index_of(roles, name); }
int Procedure::field_index(std::string_view name) const { return index_of(data, name); }
int Procedure::requirement_index(std::string_view name) const { return index_of(requirements, name); }
int Procedure::fee_index(std::string_view name) const { return index_of(fees, name); }
int Procedure::rule_index(std::string_view name) const { return index_of(rules, name); }

}  // namespace izin
