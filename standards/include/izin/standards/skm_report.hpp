// The SKM report the office writes each period: per service and overall the
// respondents against the minimum sample, each element's NRR and grade, the
// IKM, the respondent profile, suggestions, the trend, a draft follow-up plan,
// and what the cases themselves measured.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "izin/engine.hpp"
#include "izin/load.hpp"
#include "izin/standards/survey.hpp"
#include "izin/store.hpp"

namespace izin::standards {

// How many respondents gave each answer of one profile question, most first.
using ProfileCounts = std::vector<std::pair<std::string, int>>;
struct RespondentProfile {
  ProfileCounts sex, age_group, education, occupation;
};

// The unit value of one earlier (or this) period; none without respondents.
struct TrendPoint {
  std::string period;
  std::size_t respondents = 0;
  std::optional<Decimal> unit_value;
};

// What the cases opened in the period measured (not what citizens felt).
struct CaseFigures {
  int cases = 0;           // opened in the period
  int closed = 0;
  int sla_cases = 0;       // closed cases under an SLA whose clock started
  int sla_met = 0;         // of those, decided within it
  std::optional<int> median_working_days;  // opening to decision, closed cases (nearest rank)
  std::optional<int> p90_working_days;
  int deemed = 0;          // deemed decisions (fiktif positif)
  // "gambar (Dokumen rencana teknis)", times a case was refused for lacking it; most first.
  std::vector<std::pair<std::string, int>> missing_requirements;
};

// One service's (or the whole office's) section of the report.
struct ServiceSkm {
  std::string service;  // procedure id; empty for the whole office
  std::string title;
  int minimum_sample = 0;  // for figures.cases
  std::size_t respondents = 0;
  std::optional<SkmIndex> index;  // none without respondents
  RespondentProfile profile;
  std::vector<std::string> suggestions;
  std::vector<TrendPoint> trend;           // earlier periods, oldest first, then this one
  std::vector<std::size_t> follow_up;      // elements 0–8, lowest NRR first (ties in element order)
  CaseFigures figures;
};

struct SkmReport {
  Period period;
  SkmWeight weight = SkmWeight::Regulation;
  ServiceSkm office;               // every response and case of the period
  std::vector<ServiceSkm> services;  // loaded procedures first (file order), then surveyed services not loaded
  std::string complaint_procedure;   // its cases are the complaints below
  int complaints_opened = 0;
  int complaints_resolved = 0;  // of those, closed by the report's time
};

// Where the case figures come from; all three or none (survey only).
struct CaseSource {
  const Engine* engine = nullptr;
  Store* store = nullptr;
  const Library* library = nullptr;
};

struct SkmReportOptions {
  SkmWeight weight = SkmWeight::Regulation;
  int trend_periods = 4;  // earlier periods shown before this one
  std::string complaint_procedure = "pengaduan";
};

SkmReport skm_report(SurveyStore& survey, const Period& period, const CaseSource& cases,
                     const SkmReportOptions& options = {});

// The report as Markdown, HTML (one page, inline SVG chart, no script), CSV
// (one row per service and element) or JSON, in Indonesian or English.
std::string render_skm_markdown(const SkmReport& report, Language lang);
std::string render_skm_html(const SkmReport& report, Language lang);
std::string render_skm_csv(const SkmReport& report);
std::string render_skm_json(const SkmReport& report);

// The trend as an inline SVG line chart of unit values (25–100) with the grade bands.
std::string trend_svg(const std::vector<TrendPoint>& trend);

}  // namespace izin::standards
