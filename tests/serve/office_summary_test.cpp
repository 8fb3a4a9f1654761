// The head of office's figures, counted from cases driven on a set clock:
// open, overdue, closed within the SLA this month, deemed, escalations.
#include <catch2/catch.hpp>

#include "clocked_office.hpp"

using serve_test::ClockedOffice;
using serve_test::utc;

namespace {
using serve_test::has;

// uji: sla 2 working days, escalation after 4 hours, deemed after 3 working days; months in UTC.
// February: F closed in time (must not count in March). March: A closed in time, B closed late,
// C deemed (late), D open past its SLA with an open escalation, E open and young.
void build_march(ClockedOffice& office) {
  office.at(utc(2026, 2, 2, 9));
  const auto f = office.open_case();
  office.at(utc(2026, 2, 3, 10));
  office.approve(f);
  office.at(utc(2026, 3, 2, 9));
  const auto a = office.open_case(), b = office.open_case();
  office.open_case();  // C: nobody acts
  office.at(utc(2026, 3, 3, 10));  // escalations of A, B, C fired at 13:00 on the 2nd
  office.approve(a);
  office.at(utc(2026, 3, 5, 10));  // past B's promise (end of the 4th)
  office.approve(b);
  office.at(utc(2026, 3, 6, 1));  // C deemed at the end of the 5th
  office.at(utc(2026, 3, 13, 9));
  office.open_case();  // D: promise ends with the 17th
  office.at(utc(2026, 3, 18, 9));
  office.open_case();  // E
  office.at(utc(2026, 3, 18, 12));
}
}  // namespace

TEST_CASE("the office summary counts open, overdue, SLA met, deemed and escalations for the month") {
  ClockedOffice office;
  build_march(office);
  const auto r = office.get("kadis", "/api/v1/office/summary");
  REQUIRE(r.status == 200);
  CHECK(r.json["as_of"] == "2026-03-18T12:00:00Z");
  REQUIRE(r.json["services"].size() == 1);
  const auto& s = r.json["services"][0];
  CHECK(s["procedure"] == "uji");
  CHECK(s["title"] == "Layanan uji");
  CHECK(s["month"] == "2026-03");
  CHECK(s["open"] == 2);                  // D, E
  CHECK(s["overdue"] == 1);               // D
  CHECK(s["closed_this_month"] == 3);     // A, B, C
  CHECK(s["closed_within_sla"] == 1);     // A
  CHECK(s["deemed_this_month"] == 1);     // C
  CHECK(s["escalations_open"] == 1);      // D's; E's is not due yet
  CHECK(s["escalations_this_month"] == 4);  // A, B, C, D
}

TEST_CASE("a new month starts the monthly figures again and keeps the open ones") {
  ClockedOffice office;
  build_march(office);
  office.at(utc(2026, 4, 1, 1));
  const auto r = office.get("kadis", "/api/v1/office/summary");
  const auto& s = r.json["services"][0];
  CHECK(s["month"] == "2026-04");
  CHECK(s["open"] == 0);  // D and E were deemed on the way (D at the end of the 18th, E of the 23rd)
  CHECK(s["closed_this_month"] == 0);
  CHECK(s["deemed_this_month"] == 0);
  CHECK(s["escalations_this_month"] == 0);
}

TEST_CASE("the head of office page shows the same numbers to kepala_dinas and refuses other roles") {
  ClockedOffice office;
  build_march(office);
  const auto page = office.get("kadis", "/pimpinan");
  REQUIRE(page.status == 200);
  CHECK(has(page.body, "data-layanan=\"uji\""));
  CHECK(has(page.body, "<td class=\"open\">2</td>"));
  CHECK(has(page.body, "<td class=\"overdue-count\">1</td>"));
  CHECK(has(page.body, "<td class=\"sla-met\">1/3 (33%)</td>"));
  CHECK(has(page.body, "<td class=\"deemed\">1</td>"));
  CHECK(has(page.body, "<td class=\"escalations\">1 / 4</td>"));
  CHECK(has(page.body, "href=\"/pimpinan\""));  // the nav offers it to the head
  CHECK(page.body.size() < 100 * 1024);
  CHECK(has(office.get("kadis", "/pimpinan?lang=en").body, "Deemed decisions this month"));
  for (const char* user : {"verif", "loket"}) {
    CHECK(office.get(user, "/pimpinan").status == 403);
    const auto api = office.get(user, "/api/v1/office/summary");
    CHECK(api.status == 403);
    CHECK(api.json["error"]["code"] == "role_not_allowed");
    CHECK_FALSE(has(office.get(user, "/kerja").body, "href=\"/pimpinan\""));
  }
  CHECK(office.get("", "/api/v1/office/summary").status == 401);
  CHECK(office.get("", "/pimpinan").status == 303);
}

TEST_CASE("an admin account sees the head of office's figures too") {
  ClockedOffice office;
  office.app->users().add("admin", {"admin"}, "rahasia-admin");
  CHECK(office.get("admin", "/pimpinan").status == 200);
  CHECK(office.get("admin", "/api/v1/office/summary").status == 200);
}
