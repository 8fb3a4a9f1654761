// Reading survey CSV files: RFC 4180 fields on one line each, problems by line.
#include "izin/standards/survey_csv.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

namespace izin::standards {
namespace {

constexpr std::size_t kColumns = 18;

// The fields of one line; nullopt with `why` set when a quote is unbalanced.
std::optional<std::vector<std::string>> split_line(std::string_view line, std::string& why) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') fields.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else fields.back() += c;
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) {
    why = "a quoted field is not closed on its line";
    return std::nullopt;
  }
  return fields;
}

// The response of one line's fields, or the reason it is not one.
std::optional<SurveyResponse> response_of(const std::vector<std::string>& f, std::string& why) {
  if (f.size() != kColumns) {
    why = std::to_string(f.size()) + " columns, expected " + std::to_string(kColumns);
    return std::nullopt;
  }
  SurveyResponse r;
  const auto date = Date::parse(f[0]);
  if (!date) return why = "tanggal '" + f[0] + "' is not a date YYYY-MM-DD", std::nullopt;
  r.date = *date;
  r.service = f[1];
  r.case_id = f[2];
  const auto source = f[3].empty() ? std::optional(SurveySource::Imported) : parse_source(f[3]);
  if (!source) return why = "sumber '" + f[3] + "' is not online, paper or imported", std::nullopt;
  r.source = *source;
  for (std::size_t e = 0; e < kSkmElements; ++e) {
    const std::string& text = f[4 + e];
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) value = 0;
    r.answers[e] = value;
    if (value < 1 || value > 4)
      return why = "u" + std::to_string(e + 1) + " '" + text + "' is not an answer 1-4", std::nullopt;
  }
  r.sex = f[13];
  r.age_group = f[14];
  r.education = f[15];
  r.occupation = f[16];
  r.suggestion = f[17];
  if (auto problem = response_problem(r)) return why = *problem, std::nullopt;
  return r;
}

std::string_view strip_cr(std::string_view line) {
  return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1) : line;
}

}  // namespace

SurveyCsv read_survey_csv(std::string_view text) {
  SurveyCsv out;
  int number = 0;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // spreadsheets save UTF-8 with a byte-order mark
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = strip_cr(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    if (number == 1) {
      if (line != kSurveyCsvHeader)
        out.problems.push_back({1, "the header must be exactly: " + std::string(kSurveyCsvHeader)});
      continue;
    }
    if (line.empty()) continue;
    std::string why;
    const auto fields = split_line(line, why);
    const auto response = fields ? response_of(*fields, why) : std::nullopt;
    if (!response) {
      out.problems.push_back({number, why});
      continue;
    }
    out.responses.push_back(*response);
    out.lines.push_back(number);
  }
  if (number == 0) out.problems.push_back({1, "the file is empty: it needs the header line"});
  return out;
}

SurveyImport import_survey_csv(SurveyStore& store, std::string_view text, bool skip_bad) {
  SurveyCsv csv = read_survey_csv(text);
  std::vector<SurveyResponse> good;
  std::set<std::string> cases;
  for (std::size_t i = 0; i < csv.responses.size(); ++i) {
    const std::string& id = csv.responses[i].case_id;
    if (!id.empty() && (!cases.insert(id).second || store.answered(id))) {
      csv.problems.push_back({csv.lines[i], "case " + id + " has already answered the survey"});
      continue;
    }
    good.push_back(std::move(csv.responses[i]));
  }
  std::stable_sort(csv.problems.begin(), csv.problems.end(),
                   [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
  SurveyImport result{0, std::move(csv.problems)};
  if (!result.problems.empty() && !skip_bad) return result;
  store.add(good);
  result.imported = good.size();
  return result;
}

}  // namespace izin::standards
