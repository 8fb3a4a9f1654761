// The checks every survey store makes before it stores a batch.
#pragma once

#include <functional>
#include <set>

#include "izin/standards/survey.hpp"

namespace izin::standards::detail {

// Throws SurveyError for the first invalid response of the batch, or one
// whose case is answered already (`answered`) or earlier in the batch.
inline void check_batch(const std::vector<SurveyResponse>& batch,
                        const std::function<bool(const std::string&)>& answered) {
  std::set<std::string> cases;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const SurveyResponse& r = batch[i];
    const std::string where = "response " + std::to_string(i + 1);
    if (auto problem = response_problem(r)) throw SurveyError(where + ": " + *problem);
    if (r.case_id.empty()) continue;
    if (!cases.insert(r.case_id).second || answered(r.case_id))
      throw SurveyError(where + ": case " + r.case_id + " has already answered the survey");
  }
}

}  // namespace izin::standards::detail
