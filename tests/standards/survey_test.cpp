// Survey responses: one answer per case, periods, and both stores alike.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>

#include "izin/standards/survey.hpp"

using izin::Date;
using namespace izin::standards;

namespace {

SurveyResponse response(std::string case_id, Date date, int answer = 3) {
  SurveyResponse r;
  r.case_id = std::move(case_id);
  r.service = "pbg";
  r.date = date;
  r.answers.fill(answer);
  r.sex = "P";
  r.age_group = "30-39";
  r.education = "S1";
  r.occupation = "Swasta";
  r.suggestion = "Antrean, \"mohon\" dipercepat";
  return r;
}

// A fresh file of this process: ctest runs test cases in parallel processes.
std::string temp_db(const char* name) {
  static int n = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    (std::to_string(::getpid()) + "-" + std::to_string(++n) + "-" + name);
  std::filesystem::remove(path);
  return path.string();
}

// Each test runs on both stores.
std::unique_ptr<SurveyStore> either_store() {
  static int n = 0;
  if (++n % 2 == 0) return make_memory_survey_store();
  return open_sqlite_survey_store(temp_db("izin_survey_either.db"));
}

}  // namespace

TEST_CASE("responses are kept and read back by date range, on both stores") {
  for (int round = 0; round < 2; ++round) {
    auto store = either_store();
    const auto march = Date::from_ymd(2026, 3, 10), july = Date::from_ymd(2026, 7, 1);
    store->add({response("PBG-1", july, 4), response("PBG-2", march), response("", march, 2)});
    const auto s1 = store->responses(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 6, 30));
    REQUIRE(s1.size() == 2);
    CHECK(s1[0] == response("PBG-2", march));
    CHECK(s1[1] == response("", march, 2));
    CHECK(store->responses(july, july).at(0).answers[0] == 4);
    CHECK(store->answered("PBG-1"));
    CHECK_FALSE(store->answered("PBG-9"));
  }
}

TEST_CASE("one answer per case: a second answer is refused and nothing of its batch is stored") {
  for (int round = 0; round < 2; ++round) {
    auto store = either_store();
    const auto day = Date::from_ymd(2026, 3, 10);
    store->add({response("PBG-1", day)});
    REQUIRE_THROWS_WITH(store->add({response("PBG-2", day), response("PBG-1", day)}),
                        Catch::Contains("response 2") && Catch::Contains("PBG-1"));
    REQUIRE_THROWS_WITH(store->add({response("PBG-3", day), response("PBG-3", day)}),
                        Catch::Contains("PBG-3"));
    CHECK(store->responses(day, day).size() == 1);
    CHECK_FALSE(store->answered("PBG-2"));
    CHECK_FALSE(store->answered("PBG-3"));
  }
}

TEST_CASE("responses without a case (earlier periods, paper) are not limited to one") {
  auto store = make_memory_survey_store();
  const auto day = Date::from_ymd(2025, 3, 10);
  store->add({response("", day), response("", day)});
  store->add({response("", day)});
  CHECK(store->responses(day, day).size() == 3);
}

TEST_CASE("an invalid response is refused naming it and why") {
  for (int round = 0; round < 2; ++round) {
    auto store = either_store();
    auto bad = response("PBG-1", Date::from_ymd(2026, 3, 10));
    bad.answers[4] = 5;
    REQUIRE_THROWS_WITH(store->add({bad}), Catch::Contains("response 1") && Catch::Contains("U5"));
    bad.answers[4] = 3;
    bad.sex = "X";
    REQUIRE_THROWS_WITH(store->add({bad}), Catch::Contains("sex"));
    bad.sex = "L";
    bad.service.clear();
    REQUIRE_THROWS_WITH(store->add({bad}), Catch::Contains("service"));
    CHECK_FALSE(store->answered("PBG-1"));
  }
}

TEST_CASE("the SQLite survey keeps its answers across openings, beside other tables of the file") {
  const std::string path = temp_db("izin_survey_reopen.db");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE cases (id TEXT)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  open_sqlite_survey_store(path)->add({response("PBG-1", Date::from_ymd(2026, 3, 10))});
  auto again = open_sqlite_survey_store(path);
  CHECK(again->answered("PBG-1"));
  REQUIRE_THROWS(again->add({response("PBG-1", Date::from_ymd(2026, 3, 11))}));
}

TEST_CASE("a survey schema newer than this izin is refused with what to do") {
  const std::string path = temp_db("izin_survey_newer.db");
  open_sqlite_survey_store(path);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE survey_schema SET version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  REQUIRE_THROWS_WITH(open_sqlite_survey_store(path), Catch::Contains("99") && Catch::Contains("upgrade"));
}

TEST_CASE("periods: years, halves, quarters and months") {
  const auto s1 = parse_period("2026-S1");
  REQUIRE(s1);
  CHECK(s1->first == Date::from_ymd(2026, 1, 1));
  CHECK(s1->last == Date::from_ymd(2026, 6, 30));
  CHECK(parse_period("2026-S2")->last == Date::from_ymd(2026, 12, 31));
  CHECK(parse_period("2026-Q3")->first == Date::from_ymd(2026, 7, 1));
  CHECK(parse_period("2024-02")->last == Date::from_ymd(2024, 2, 29));
  CHECK(parse_period("2026")->last == Date::from_ymd(2026, 12, 31));
  for (const char* bad : {"2026-S3", "2026-Q5", "2026-13", "2026-00", "26", "2026-", "2026-3", "2026-S1x"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_period(bad));
  }
}

TEST_CASE("the periods before one, oldest first, across years") {
  const auto names = [](const std::vector<Period>& ps) {
    std::vector<std::string> out;
    for (const auto& p : ps) out.push_back(p.name);
    return out;
  };
  CHECK(names(parse_period("2026-S1")->previous(3)) == std::vector<std::string>{"2024-S2", "2025-S1", "2025-S2"});
  CHECK(names(parse_period("2026-02")->previous(3)) == std::vector<std::string>{"2025-11", "2025-12", "2026-01"});
  CHECK(names(parse_period("2026-Q1")->previous(1)) == std::vector<std::string>{"2025-Q4"});
  CHECK(names(parse_period("2026")->previous(2)) == std::vector<std::string>{"2024", "2025"});
  CHECK(parse_period("2026-S1")->previous(1).at(0).last == Date::from_ymd(2025, 12, 31));
}

TEST_CASE("a case's questionnaire needs a decided case and takes its service from it") {
  auto cases = izin::make_memory_store();
  izin::Case open, closed;
  open.id = "PBG-1";
  open.procedure = "pbg";
  closed = open;
  closed.id = "SIP-2";
  closed.procedure = "sip";
  closed.closed = true;
  closed.outcome = "granted";
  izin::JournalEntry opening;
  opening.kind = izin::JournalEntry::Kind::Open;
  opening.sequence = 1;
  cases->commit({izin::CaseCommit{open, 0, opening, std::nullopt}, izin::CaseCommit{closed, 0, opening, std::nullopt}});
  auto survey = make_memory_survey_store();
  const auto day = Date::from_ymd(2026, 3, 10);
  REQUIRE_THROWS_WITH(record_case_response(*survey, *cases, response("PBG-1", day)), Catch::Contains("still open"));
  REQUIRE_THROWS_WITH(record_case_response(*survey, *cases, response("NOPE-9", day)), Catch::Contains("NOPE-9"));
  REQUIRE_THROWS_WITH(record_case_response(*survey, *cases, response("", day)), Catch::Contains("no case"));
  record_case_response(*survey, *cases, response("SIP-2", day));
  REQUIRE_THROWS_WITH(record_case_response(*survey, *cases, response("SIP-2", day)), Catch::Contains("already"));
  const auto stored = survey->responses(day, day);
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].service == "sip");
}
