// `izin skm import|add|report`: the SKM survey (PermenPANRB 14/2017) kept in the
// izin database and the period's report; thin over izin_standards.
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "case_session.hpp"
#include "commands.hpp"
#include "izin/standards/skm_report.hpp"
#include "izin/standards/survey_csv.hpp"
#include "izin/words.hpp"
#include "language.hpp"

namespace izin::cli {
namespace {

struct SkmImportOptions {
  std::string file, db = "izin.db";
  bool skip_bad = false;
};

struct SkmAddOptions {
  std::string db = "izin.db", case_id, answers, date, source = "paper";
  standards::SurveyResponse profile;
};

struct SkmReportCommand {
  CaseOptions options;
  std::string period, format = "md", weight = "0.111", out;
};

// The survey lives in the izin database: refuse a path that is not one yet, rather than make a stray file.
void require_database(const std::string& db) {
  if (!std::filesystem::exists(db))
    throw std::invalid_argument("no izin database at " + db + " (izin case open --create makes one)");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void run_import(const SkmImportOptions& o) {
  require_database(o.db);
  const std::string text = read_file(o.file);
  auto survey = standards::open_sqlite_survey_store(o.db);
  const auto result = standards::import_survey_csv(*survey, text, o.skip_bad);
  for (const auto& p : result.problems) std::cerr << o.file << ":" << p.line << ": " << p.message << "\n";
  if (!result.problems.empty() && !o.skip_bad) {
    std::cerr << "izin skm import: nothing imported; fix the lines above or pass --skip-bad\n";
    exit_status() = 1;
    return;
  }
  std::cout << "imported " << result.imported << " responses from " << o.file
            << (result.problems.empty() ? "" : " (" + std::to_string(result.problems.size()) + " lines skipped)")
            << "\n";
}

// "4,3,3,4,3,4,4,3,2": the nine answers U1–U9.
standards::SkmAnswers parse_answers(const std::string& text) {
  standards::SkmAnswers answers{};
  std::size_t count = 0;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (count == answers.size() || item.size() != 1 || item[0] < '1' || item[0] > '4')
      throw std::invalid_argument("--answers '" + text + "' must be nine answers 1-4 separated by commas (U1 to U9)");
    answers[count++] = item[0] - '0';
  }
  if (count != answers.size())
    throw std::invalid_argument("--answers '" + text + "' has " + std::to_string(count) + " answers, expected 9 (U1 to U9)");
  return answers;
}

// Today on the counter's own clock: a form filled at 07:00 WITA belongs to that day, not yesterday's UTC.
Date today_here() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday));
}

void run_add(const SkmAddOptions& o) {
  require_database(o.db);
  standards::SurveyResponse r = o.profile;
  r.case_id = o.case_id;
  r.answers = parse_answers(o.answers);
  const auto date = o.date.empty() ? std::optional(today_here()) : Date::parse(o.date);
  if (!date) throw std::invalid_argument("--date '" + o.date + "' is not a date YYYY-MM-DD");
  r.date = *date;
  const auto source = standards::parse_source(o.source);
  if (!source) throw std::invalid_argument("--source '" + o.source + "' is not paper or online");
  r.source = *source;
  SqliteOptions read_only;
  read_only.read_only = true;
  auto cases = open_sqlite_store(o.db, read_only);
  auto survey = standards::open_sqlite_survey_store(o.db);
  standards::record_case_response(*survey, *cases, r);
  std::cout << "recorded the questionnaire of case " << r.case_id << "\n";
}

std::string rendered(const standards::SkmReport& report, const std::string& format, Language lang) {
  if (format == "html") return standards::render_skm_html(report, lang);
  if (format == "csv") return standards::render_skm_csv(report);
  if (format == "json") return standards::render_skm_json(report);
  return standards::render_skm_markdown(report, lang);
}

void run_report(const SkmReportCommand& c) {
  const auto period = standards::parse_period(c.period);
  if (!period)
    throw std::invalid_argument("--period '" + c.period + "' is not a year, half, quarter or month (2026, 2026-S1, 2026-Q2, 2026-03)");
  require_database(c.options.db);
  auto session = open_session(c.options, Access::Read);
  const Library library = load({c.options.procedures}, LoadOptions{session->language, true});
  auto survey = standards::open_sqlite_survey_store(c.options.db);
  standards::SkmReportOptions options;
  options.weight = c.weight == "1/9" ? standards::SkmWeight::Exact : standards::SkmWeight::Regulation;
  const auto report = standards::skm_report(
      *survey, *period, standards::CaseSource{session->engine.get(), session->store.get(), &library}, options);
  const std::string text = rendered(report, c.format, session->language);
  if (c.out.empty()) {
    std::cout << text;
    return;
  }
  std::ofstream file(c.out, std::ios::binary);
  if (!(file << text)) throw std::invalid_argument("cannot write " + c.out);
}

// Survey errors are the user's input problems: stderr and status 2 like the others.
void guarded(const std::function<void()>& body) {
  run_guarded([&] {
    try {
      body();
    } catch (const standards::SurveyError& e) {
      throw std::invalid_argument(e.what());
    }
  });
}

void add_import(CLI::App& skm) {
  auto* cmd = skm.add_subcommand("import", "Import earlier periods' questionnaires from a CSV file (docs/publish.md)");
  auto o = std::make_shared<SkmImportOptions>();
  cmd->add_option("file", o->file, "CSV file with the documented header line")->required();
  cmd->add_option("--db", o->db, "izin SQLite database (default izin.db)");
  cmd->add_flag("--skip-bad", o->skip_bad, "import the good lines of a file with malformed ones");
  cmd->callback([o] { guarded([&] { run_import(*o); }); });
}

void add_add(CLI::App& skm) {
  auto* cmd = skm.add_subcommand("add", "Record one questionnaire of a decided case (a paper form at the counter)");
  auto o = std::make_shared<SkmAddOptions>();
  cmd->add_option("--db", o->db, "izin SQLite database (default izin.db)");
  cmd->add_option("--case", o->case_id, "the decided case the questionnaire is about")->required();
  cmd->add_option("--answers", o->answers, "nine answers 1-4 for U1..U9, e.g. 4,3,3,4,3,4,4,3,2")->required();
  cmd->add_option("--sex", o->profile.sex, "L or P");
  cmd->add_option("--age", o->profile.age_group, "age group, e.g. 30-39");
  cmd->add_option("--education", o->profile.education, "e.g. SMA, S1");
  cmd->add_option("--occupation", o->profile.occupation, "e.g. PNS, Swasta, Wirausaha");
  cmd->add_option("--suggestion", o->profile.suggestion, "the respondent's suggestion");
  cmd->add_option("--date", o->date, "the day it was filled in (default today on this machine's clock)");
  cmd->add_option("--source", o->source, "paper (default) or online");
  cmd->callback([o] { guarded([&] { run_add(*o); }); });
}

void add_report(CLI::App& skm) {
  auto* cmd = skm.add_subcommand("report", "The period's SKM report per service and overall, with case figures");
  auto c = std::make_shared<SkmReportCommand>();
  cmd->add_option("--period", c->period, "2026, 2026-S1, 2026-Q2 or 2026-03")->required();
  cmd->add_option("--db", c->options.db, "izin SQLite database (default izin.db)");
  cmd->add_option("--procedures", c->options.procedures, "directory of procedures and calendars");
  cmd->add_option("--format", c->format, "md (default), html, csv or json")
      ->check(CLI::IsMember({"md", "html", "csv", "json"}));
  cmd->add_option("--weight", c->weight, "0.111 as the regulation prints it (default) or 1/9 exactly")
      ->check(CLI::IsMember({"0.111", "1/9"}));
  cmd->add_option("-o,--out", c->out, "write to this file instead of standard output");
  add_language_option(*cmd, c->options.lang);
  cmd->callback([c] { guarded([&] { run_report(*c); }); });
}

}  // namespace

void add_skm_command(CLI::App& app) {
  auto* skm = app.add_subcommand("skm", "The community satisfaction survey (SKM, PermenPANRB 14/2017)");
  skm->require_subcommand(1);
  add_import(*skm);
  add_add(*skm);
  add_report(*skm);
}

}  // namespace izin::cli
