// Survey responses in memory, for tests and demos.
#include <algorithm>

#include "survey_batch.hpp"

namespace izin::standards {
namespace {

class MemorySurveyStore final : public SurveyStore {
 public:
  void add(const std::vector<SurveyResponse>& batch) override {
    detail::check_batch(batch, [this](const std::string& id) { return answered(id); });
    responses_.insert(responses_.end(), batch.begin(), batch.end());
  }
  bool answered(const std::string& case_id) override {
    return std::any_of(responses_.begin(), responses_.end(),
                       [&](const SurveyResponse& r) { return r.case_id == case_id; });
  }
  std::vector<SurveyResponse> responses(Date first, Date last) override {
    std::vector<SurveyResponse> out;
    for (const auto& r : responses_)
      if (first <= r.date && r.date <= last) out.push_back(r);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
  }

 private:
  std::vector<SurveyResponse> responses_;
};

}  // namespace

std::unique_ptr<SurveyStore> make_memory_survey_store() { return std::make_unique<MemorySurveyStore>(); }

}  // namespace izin::standards
