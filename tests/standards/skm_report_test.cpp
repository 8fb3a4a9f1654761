// The SKM report: survey sections, trend, follow-up order, and the figures
// measured on the demo's month of cases.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>

#include "case_figures.hpp"
#include "izin/izin.hpp"
#include "izin/office.hpp"
#include "izin/standards/skm_report.hpp"
#include "izin/standards/survey_csv.hpp"
#include "tidy_check.hpp"

using namespace izin;
using namespace izin::standards;

namespace {

const Library& shipped() {
  static const Library lib = load({std::string(IZIN_SOURCE_DIR) + "/procedures"});
  return lib;
}

SurveyResponse answer(std::string service, Date date, SkmAnswers answers, std::string case_id = "") {
  SurveyResponse r;
  r.case_id = std::move(case_id);
  r.service = std::move(service);
  r.date = date;
  r.answers = answers;
  r.sex = "L";
  r.age_group = "30-39";
  r.education = "SMA";
  r.occupation = "Wirausaha";
  return r;
}

// The demo's month (simulate_office_month's defaults) on a memory store.
struct DemoMonth {
  std::unique_ptr<Store> store = make_memory_store();
  FakeClock clock;
  Engine engine{clock, *store};
  OfficeActivity activity;
  DemoMonth() {
    for (const auto& cal : shipped().calendars.calendars) engine.set_calendar(cal);
    for (const auto& p : shipped().procedures) engine.add_procedure(p);
    activity = simulate_office_month(engine, clock, shipped(), OfficeMonth{});
  }
  CaseSource source() { return CaseSource{&engine, store.get(), &shipped()}; }
};

}  // namespace

TEST_CASE("nearest-rank percentiles of working days") {
  CHECK(standards::detail::percentile({}, 50) == std::nullopt);
  CHECK(standards::detail::percentile({7}, 90) == 7);
  const std::vector<int> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(standards::detail::percentile(ten, 50) == 5);
  CHECK(standards::detail::percentile(ten, 90) == 9);
  CHECK(standards::detail::percentile({1, 2, 3, 40}, 90) == 40);
}

TEST_CASE("survey-only report: sections per service, follow-up from the lowest element, trend") {
  auto survey = make_memory_survey_store();
  const Date march = Date::from_ymd(2026, 3, 2), last_year = Date::from_ymd(2025, 9, 1);
  survey->add({answer("pbg", march, {3, 2, 4, 4, 3, 3, 4, 2, 1}), answer("pbg", march, {3, 3, 4, 4, 3, 3, 4, 3, 2}),
               answer("sip", march, {4, 4, 4, 4, 4, 4, 4, 4, 4}), answer("pbg", last_year, {2, 2, 2, 2, 2, 2, 2, 2, 2})});
  const SkmReport r = skm_report(*survey, *parse_period("2026-S1"), CaseSource{});
  REQUIRE(r.services.size() == 2);
  const ServiceSkm& pbg = r.services[0];
  CHECK(pbg.service == "pbg");
  CHECK(pbg.respondents == 2);
  REQUIRE(pbg.index);
  CHECK(pbg.index->elements[8].nrr == *Decimal::parse("1.5"));
  // U9 1.5, then U2 and U8 at 2.5 in element order, then U1, U5, U6 at 3 …
  CHECK(pbg.follow_up == std::vector<std::size_t>{8, 1, 7, 0, 4, 5, 2, 3, 6});
  CHECK(r.office.respondents == 3);
  CHECK(r.office.profile.sex == ProfileCounts{{"L", 3}});
  REQUIRE(pbg.trend.size() == 5);
  CHECK(pbg.trend[3].period == "2025-S2");
  CHECK(pbg.trend[3].unit_value == *Decimal::parse("49.95"));  // all 2s: 2 × 0.999 × 25
  CHECK(pbg.trend[4].unit_value == pbg.index->unit_value);
  CHECK_FALSE(pbg.trend[0].unit_value);
}

TEST_CASE("a suggestion with line breaks stays one list item in Markdown, and is escaped in HTML") {
  auto survey = make_memory_survey_store();
  auto r = answer("pbg", Date::from_ymd(2026, 3, 2), {3, 3, 3, 3, 3, 3, 3, 3, 3});
  r.suggestion = "Loket <2> lambat\nmohon ditambah";
  survey->add({r});
  const SkmReport report = skm_report(*survey, *parse_period("2026-03"), CaseSource{});
  CHECK_THAT(render_skm_markdown(report, Language::Indonesian), Catch::Contains("- Loket <2> lambat mohon ditambah\n"));
  CHECK_THAT(render_skm_html(report, Language::Indonesian), Catch::Contains("Loket &lt;2&gt; lambat"));
}

TEST_CASE("the demo's month: case figures agree with the office report and with the store") {
  DemoMonth m;
  auto survey = make_memory_survey_store();
  const SkmReport r = skm_report(*survey, *parse_period("2026-S1"), m.source());
  const OfficeReport office = office_report(m.engine, *m.store, shipped(), m.clock.now());
  int closed = 0, sla_met = 0;
  for (const auto& p : office.procedures) closed += p.closed, sla_met += p.sla_met;
  CHECK(r.office.figures.cases == m.activity.opened);
  CHECK(r.office.figures.closed == closed);
  CHECK(r.office.figures.sla_met == sla_met);
  CHECK(r.office.figures.sla_met <= r.office.figures.sla_cases);
  CHECK(r.office.minimum_sample == minimum_sample(m.activity.opened));
  REQUIRE(r.office.figures.median_working_days);
  CHECK(*r.office.figures.median_working_days <= *r.office.figures.p90_working_days);
  // Both read the refusals back from the journal: the same missing requirements, counted alike.
  auto mine = r.office.figures.missing_requirements, theirs = office.missing_requirements;
  std::sort(mine.begin(), mine.end());
  std::sort(theirs.begin(), theirs.end());
  CHECK_FALSE(mine.empty());
  CHECK(mine == theirs);
  const auto complaints = m.store->load_cases(CaseFilter{"pengaduan", "", false});
  CHECK(r.complaints_opened == static_cast<int>(complaints.size()));
  // A period counts the cases opened in it: the simulation files its applications in March.
  CHECK(skm_report(*survey, *parse_period("2026-03"), m.source()).office.figures.cases == m.activity.opened);
  CHECK(skm_report(*survey, *parse_period("2026-02"), m.source()).office.figures.cases == 0);
  CHECK(skm_report(*survey, *parse_period("2026-02"), m.source()).services.empty());
}

TEST_CASE("the demo's month with its closed cases surveyed and an imported earlier period") {
  DemoMonth m;
  auto survey = make_memory_survey_store();
  std::vector<SurveyResponse> online;
  int n = 0;
  for (const Case& c : m.store->load_cases(CaseFilter{})) {
    if (!c.closed) continue;
    const int a = 2 + (n++ % 3);  // 2, 3, 4 in turn
    online.push_back(answer(c.procedure, Date::from_ymd(2026, 4, 10), {a, a, a, 4, 4, 4, 4, 3, 2}, c.id));
  }
  REQUIRE(online.size() >= 3);
  survey->add(online);
  const std::string csv = std::string(kSurveyCsvHeader) + "\n" +
                          "2025-11-03,pbg,,paper,3,3,3,3,3,3,3,3,3,P,40-49,S1,PNS,Ruang tunggu sempit\n" +
                          "2025-11-04,sip,,paper,4,3,3,3,3,3,3,3,3,L,20-29,SMA,Swasta,\n";
  REQUIRE(import_survey_csv(*survey, csv, false).imported == 2);
  const SkmReport r = skm_report(*survey, *parse_period("2026-S1"), m.source());
  CHECK(r.office.respondents == online.size());
  REQUIRE(r.office.index);
  CHECK(r.office.follow_up.front() == 8);  // U9 answered 2 by everyone
  const auto& trend = r.office.trend;
  CHECK(trend[3].period == "2025-S2");
  CHECK(trend[3].respondents == 2);
  CHECK(trend[3].unit_value == *Decimal::parse("76.31"));  // NRR 3.5 and eight 3s: 27.5 × 0.111 × 25 = 76.3125
  CHECK(trend[4].unit_value == r.office.index->unit_value);
  const std::string md = render_skm_markdown(r, Language::Indonesian);
  CHECK_THAT(md, Catch::Contains("## Seluruh layanan"));
  CHECK_THAT(md, Catch::Contains("| 1 | U9 Sarana dan prasarana |"));
  CHECK_THAT(md, Catch::Contains("| 2025-S2 | 2 | 76.31 |"));
  CHECK_THAT(md, Catch::Contains("bobot 0,111"));
  const auto json = nlohmann::json::parse(render_skm_json(r));
  CHECK(json["office"]["respondents"] == online.size());
  CHECK(json["office"]["index"]["unit_value"] == r.office.trend.back().unit_value->to_string());
  const std::string html = render_skm_html(r, Language::English);
  CHECK_THAT(html, Catch::Contains("<svg") && Catch::Contains("<polyline"));
  CHECK_THAT(html, Catch::Contains("Follow-up plan"));
  CHECK(html.find("<script") == std::string::npos);
  const std::string table = render_skm_csv(r);
  CHECK_THAT(table, Catch::StartsWith("period,service,respondents,minimum_sample,item,score,weighted,unit_value,grade\n"));
  CHECK_THAT(table, Catch::Contains("2026-S1,*," + std::to_string(online.size())));
}

TEST_CASE("the HTML report of the demo's month is valid HTML by tidy, in both languages") {
  DemoMonth m;
  auto survey = make_memory_survey_store();
  survey->add({answer("pbg", Date::from_ymd(2026, 3, 20), {4, 3, 3, 4, 3, 4, 4, 3, 2})});
  const SkmReport r = skm_report(*survey, *parse_period("2026-S1"), m.source());
  REQUIRE(std::system("tidy -v >/dev/null 2>&1") == 0);  // scripts/deps.sh installs it
  for (const Language lang : {Language::Indonesian, Language::English})
    CHECK(izin_test::tidy_status(render_skm_html(r, lang), "skm-report") == 0);
}
