// Earlier periods' questionnaires from a CSV file (docs/standar-pelayanan.md
// documents the layout): a header line, then one response per line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "izin/standards/survey.hpp"

namespace izin::standards {

// The header line a survey CSV starts with, columns in this order.
inline constexpr std::string_view kSurveyCsvHeader =
    "tanggal,layanan,kasus,sumber,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,umur,pendidikan,pekerjaan,saran";

// A line of the file that cannot be imported, and why.
struct CsvProblem {
  int line = 0;  // 1-based line of the file
  std::string message;
  friend bool operator==(const CsvProblem&, const CsvProblem&) = default;
};

// The well-formed rows as responses (source "imported" when the column is
// empty) and every malformed line.
struct SurveyCsv {
  std::vector<SurveyResponse> responses;
  std::vector<int> lines;  // the file line of each response
  std::vector<CsvProblem> problems;
};
SurveyCsv read_survey_csv(std::string_view text);

struct SurveyImport {
  std::size_t imported = 0;
  std::vector<CsvProblem> problems;  // includes cases already answered in the store or earlier in the file
};
// Imports the file into `store`: nothing when any line has a problem, unless
// `skip_bad`, then the good lines. The problems are returned either way.
SurveyImport import_survey_csv(SurveyStore& store, std::string_view text, bool skip_bad);

}  // namespace izin::standards
