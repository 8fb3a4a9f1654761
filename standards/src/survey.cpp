// Validation of a response and the names of its sources.
#include "izin/standards/survey.hpp"

namespace izin::standards {

std::string_view source_name(SurveySource source) {
  switch (source) {
    case SurveySource::Online: return "online";
    case SurveySource::Paper: return "paper";
    case SurveySource::Imported: break;
  }
  return "imported";
}

std::optional<SurveySource> parse_source(std::string_view text) {
  for (auto s : {SurveySource::Online, SurveySource::Paper, SurveySource::Imported})
    if (source_name(s) == text) return s;
  if (text == "kertas") return SurveySource::Paper;  // the office's own word on its forms
  return std::nullopt;
}

std::optional<std::string> response_problem(const SurveyResponse& r) {
  if (r.service.empty()) return "the service is empty";
  for (std::size_t e = 0; e < kSkmElements; ++e) {
    if (r.answers[e] < 1 || r.answers[e] > 4)
      return "U" + std::to_string(e + 1) + ": answer " + std::to_string(r.answers[e]) + " is not 1-4";
  }
  if (!r.sex.empty() && r.sex != "L" && r.sex != "P") return "sex '" + r.sex + "' is not L or P";
  return std::nullopt;
}

}  // namespace izin::standards

namespace izin::standards {

void record_case_response(SurveyStore& survey, Store& cases, SurveyResponse response) {
  const auto c = cases.load_case(response.case_id);
  if (response.case_id.empty() || !c) throw SurveyError("no case '" + response.case_id + "' to answer the survey for");
  if (!c->closed) throw SurveyError("case " + c->id + " is still open: the survey follows its decision");
  response.service = c->procedure;
  survey.add({response});
}

}  // namespace izin::standards
