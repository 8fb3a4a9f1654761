// SKM questionnaires as stored: one response per case, the nine answers and
// the respondent profile the regulation asks for, by reporting period.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "izin/standards/skm.hpp"
#include "izin/store.hpp"
#include "izin/time.hpp"

namespace izin::standards {

// A survey operation refused (a second answer for a case, a bad period…);
// nothing was stored.
struct SurveyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class SurveySource { Online, Paper, Imported };
std::string_view source_name(SurveySource source);  // "online", "paper", "imported"
std::optional<SurveySource> parse_source(std::string_view text);

// One filled questionnaire.
struct SurveyResponse {
  std::string case_id;  // the case it is about; empty for periods before izin
  std::string service;  // procedure id ("pbg")
  Date date;            // the day it was answered; decides its period
  SkmAnswers answers{};
  std::string sex;         // "L" or "P"; empty when not given
  std::string age_group;   // "20-29", as the office's form groups ages
  std::string education;   // "SMA", "S1"…
  std::string occupation;  // "PNS", "Swasta"…
  std::string suggestion;  // open text, may be empty
  SurveySource source = SurveySource::Online;
  friend bool operator==(const SurveyResponse&, const SurveyResponse&) = default;
};

// Why a response cannot be stored ("U3: answer 5 is not 1-4"); nullopt when it can.
std::optional<std::string> response_problem(const SurveyResponse& response);

// A reporting period: a year, a half ("2026-S1"), a quarter ("2026-Q2") or a month ("2026-03").
struct Period {
  std::string name;
  Date first, last;  // inclusive
  // The periods of the same length before this one, oldest first.
  std::vector<Period> previous(int count) const;
};
// Parses "2026", "2026-S1", "2026-S2", "2026-Q1"…"2026-Q4", "2026-03"; nullopt otherwise.
std::optional<Period> parse_period(std::string_view text);

// Where responses are kept.
class SurveyStore {
 public:
  virtual ~SurveyStore() = default;
  // Stores all of `responses` or, when one is invalid or answers a case that
  // already has an answer (stored or earlier in the batch), none; SurveyError names it.
  virtual void add(const std::vector<SurveyResponse>& responses) = 0;
  // Whether the case already has an answer.
  virtual bool answered(const std::string& case_id) = 0;
  // Responses dated first..last inclusive, by date then insertion order.
  virtual std::vector<SurveyResponse> responses(Date first, Date last) = 0;
};

// Records the questionnaire of a case in `cases`: its service is the case's
// procedure. Refuses (SurveyError, nothing stored) an unknown case, a case
// not yet decided (the survey follows the decision) and a second answer.
void record_case_response(SurveyStore& survey, Store& cases, SurveyResponse response);

// Responses in memory, for tests and demos.
std::unique_ptr<SurveyStore> make_memory_survey_store();

// Responses in tables of their own (survey_schema, survey_responses) inside
// the izin SQLite database at `path`, created on first use; throws SurveyError
// when the file cannot be opened or its survey schema is newer than this izin's.
std::unique_ptr<SurveyStore> open_sqlite_survey_store(const std::string& path);

}  // namespace izin::standards
