// Simulated applicants: the dice, the data they fill in and the documents
// they bring (sometimes forgetting one).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "izin/engine.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// A seeded source of chance; the same seed gives the same month everywhere
// (no std distributions, whose results differ between standard libraries).
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : engine_(seed) {}
  // 0 … n-1 (0 when n <= 0).
  int below(int n);
  // True `percent` times in a hundred.
  bool chance(int percent) { return below(100) < percent; }

 private:
  std::mt19937_64 engine_;
};

// Plausible values for every data field of the procedure, filed on `today`.
DataInput application_data(const Procedure& p, Date today, Dice& dice);

// Requirement ids that apply to a case with this data (and are not optional).
std::vector<std::string> applicable_requirements(const Procedure& p, const DataInput& data);

// The documents an applicant brings: all that apply, some optional ones,
// and one left out when `forget_one`.
std::vector<std::string> documents_brought(const Procedure& p, const DataInput& data, Dice& dice,
                                           bool forget_one);

}  // namespace izin::detail
