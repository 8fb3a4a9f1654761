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

// The documents that apply to a case with this data (not optional), as the
// counter tells the applicant: what to bring, and apart from it what the
// office obtains itself (`internal`: another agency's recommendation …).
struct RequirementChecklist {
  std::vector<std::string> applicant;  // requirement ids the applicant brings
  std::vector<std::string> office;     // internal requirement ids the office obtains
};

// The checklist for a case with this data.
RequirementChecklist requirement_checklist(const Procedure& p, const DataInput& data);

// Requirement ids that apply to a case with this data (and are not optional),
// the applicant's and the office's, in declaration order.
std::vector<std::string> applicable_requirements(const Procedure& p, const DataInput& data);

// The documents a simulated case holds at opening: all that apply (the
// office's own ones too, taken as obtained in time), some optional ones, and
// one of the applicant's left out when `forget_one`.
std::vector<std::string> documents_brought(const Procedure& p, const DataInput& data, Dice& dice,
                                           bool forget_one);

}  // namespace izin::detail
