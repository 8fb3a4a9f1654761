// Name tables for resolving what a procedure declares, with "did you mean"
// suggestions by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "izin/diagnostic.hpp"

namespace izin::detail {

// The closest candidate to `name` by edit distance, when close enough to be a
// likely typo; "" otherwise.
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

// Names of one kind (states, roles, …) in declaration order.
class NameTable {
 public:
  // Declares a name; returns the index of an earlier declaration with the same
  // name (a duplicate, not added), or -1 when new.
  int add(const std::string& name, SourceLoc loc);
  // Index of a declared name, or -1.
  int find(std::string_view name) const;
  // Where a declared name was declared.
  SourceLoc loc(int index) const { return locs_[static_cast<std::size_t>(index)]; }
  // The closest declared name for a suggestion ("" when none is close).
  std::string suggest(std::string_view name) const { return closest_name(name, names_); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::unordered_map<std::string, int> index_;
  std::vector<std::string> names_;
  std::vector<SourceLoc> locs_;
};

}  // namespace izin::detail
