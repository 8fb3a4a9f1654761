// Importing earlier periods' questionnaires from CSV: problems by line, all or nothing.
#include <catch2/catch.hpp>

#include "izin/standards/survey_csv.hpp"

using izin::Date;
using namespace izin::standards;

namespace {
const std::string kHeader = std::string(kSurveyCsvHeader) + "\n";
const std::string kGood1 = "2025-03-04,pbg,,paper,4,3,3,4,3,4,4,3,2,L,30-39,SMA,Swasta,\"Ruang tunggu panas, kursi kurang\"\n";
const std::string kGood2 = "2025-03-05,sip,SIP-7,,3,3,2,4,3,3,4,3,3,P,20-29,S1,PNS,\r\n";

std::vector<SurveyResponse> all(SurveyStore& store) {
  return store.responses(Date::from_ymd(2000, 1, 1), Date::from_ymd(2100, 1, 1));
}
}  // namespace

TEST_CASE("a well-formed file imports every row with its fields") {
  auto store = make_memory_survey_store();
  const auto result = import_survey_csv(*store, kHeader + kGood1 + kGood2, false);
  CHECK(result.problems.empty());
  CHECK(result.imported == 2);
  const auto rs = all(*store);
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].service == "pbg");
  CHECK(rs[0].source == SurveySource::Paper);
  CHECK(rs[0].answers == SkmAnswers{4, 3, 3, 4, 3, 4, 4, 3, 2});
  CHECK(rs[0].suggestion == "Ruang tunggu panas, kursi kurang");
  CHECK(rs[1].case_id == "SIP-7");
  CHECK(rs[1].source == SurveySource::Imported);
  CHECK(rs[1].occupation == "PNS");
  CHECK(store->answered("SIP-7"));
}

TEST_CASE("a spreadsheet's byte-order mark before the header is not a problem") {
  auto store = make_memory_survey_store();
  CHECK(import_survey_csv(*store, "\xEF\xBB\xBF" + kHeader + kGood1, false).imported == 1);
}

TEST_CASE("malformed rows are reported by line and nothing is imported") {
  auto store = make_memory_survey_store();
  const std::string text = kHeader + kGood1 +
                           "2025-02-30,pbg,,paper,4,3,3,4,3,4,4,3,2,L,30-39,SMA,Swasta,\n" +  // line 3: no such date
                           kGood2 +
                           "2025-03-06,pbg,,paper,4,3,3,4,5,4,4,3,2,L,30-39,SMA,Swasta,\n" +  // line 5: u5 = 5
                           "2025-03-06,pbg,,paper,4,3,3\n" +                                  // line 6: short
                           "2025-03-06,pbg,,paper,4,3,3,4,3,4,4,3,2,X,30-39,SMA,Swasta,\n" +  // line 7: sex
                           "2025-03-06,pbg,,paper,4,3,3,4,3,4,4,3,2,L,30-39,SMA,Swasta,\"open\n";  // line 8
  const auto result = import_survey_csv(*store, text, false);
  CHECK(result.imported == 0);
  REQUIRE(result.problems.size() == 5);
  CHECK(result.problems[0].line == 3);
  CHECK_THAT(result.problems[0].message, Catch::Contains("tanggal"));
  CHECK(result.problems[1].line == 5);
  CHECK_THAT(result.problems[1].message, Catch::Contains("u5"));
  CHECK(result.problems[2].line == 6);
  CHECK_THAT(result.problems[2].message, Catch::Contains("columns"));
  CHECK(result.problems[3].line == 7);
  CHECK(result.problems[4].line == 8);
  CHECK_THAT(result.problems[4].message, Catch::Contains("quoted"));
  CHECK(all(*store).empty());
}

TEST_CASE("with skip_bad the good rows are imported and the bad ones still reported") {
  auto store = make_memory_survey_store();
  const auto result =
      import_survey_csv(*store, kHeader + kGood1 + "2025-03-06,pbg,,post,4,3,3,4,3,4,4,3,2,L,,,,\n" + kGood2, true);
  CHECK(result.imported == 2);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0] == CsvProblem{3, "sumber 'post' is not online, paper or imported"});
  CHECK(all(*store).size() == 2);
}

TEST_CASE("a case answered already, in the store or earlier in the file, is a problem of its line") {
  auto store = make_memory_survey_store();
  import_survey_csv(*store, kHeader + kGood2, false);
  const auto again = import_survey_csv(*store, kHeader + kGood1 + kGood2, false);
  REQUIRE(again.problems.size() == 1);
  CHECK(again.problems[0].line == 3);
  CHECK_THAT(again.problems[0].message, Catch::Contains("SIP-7"));
  CHECK(all(*store).size() == 1);
  const std::string twice = "2025-03-05,sip,SIP-8,,3,3,2,4,3,3,4,3,3,P,20-29,S1,PNS,\n";
  const auto dup = import_survey_csv(*store, kHeader + twice + twice, false);
  REQUIRE(dup.problems.size() == 1);
  CHECK(dup.problems[0].line == 3);
}

TEST_CASE("a file without the header is refused at line 1") {
  auto store = make_memory_survey_store();
  const auto result = import_survey_csv(*store, kGood1, false);
  REQUIRE_FALSE(result.problems.empty());
  CHECK(result.problems[0].line == 1);
  CHECK_THAT(result.problems[0].message, Catch::Contains("header"));
  CHECK(import_survey_csv(*store, "", false).problems.at(0).line == 1);
  CHECK(all(*store).empty());
}
