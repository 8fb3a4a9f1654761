// The inbox: an escalation shows for the roles it is addressed to and no one
// else, stays after webhook delivery, is escaped on the page, and needs a session.
#include <catch2/catch.hpp>

#include <fstream>

#include "clocked_office.hpp"
#include "inbox_store.hpp"
#include "izin/load.hpp"

using serve_test::ClockedOffice;
using serve_test::utc;

namespace {
using serve_test::has;
}  // namespace

TEST_CASE("a deadline escalation to kepala_dinas is in the inbox of a kepala_dinas user and of no one else") {
  ClockedOffice office;
  office.at(utc(2026, 3, 2, 9));
  const auto id = office.open_case();
  CHECK(office.get("kadis", "/api/v1/inbox").json["total"] == 0);
  office.at(utc(2026, 3, 2, 14));  // past "after 4 hours"
  const auto r = office.get("kadis", "/api/v1/inbox");
  REQUIRE(r.status == 200);
  REQUIRE(r.json["notifications"].size() == 1);
  const auto& n = r.json["notifications"][0];
  CHECK(n["case_id"] == id);
  CHECK(n["role"] == "kepala_dinas");
  CHECK(n["state"] == "periksa");
  CHECK(n["message"] == "Periksa <script>alert(1)</script> segera");
  CHECK(n["at"] == "2026-03-02T13:00:00Z");
  CHECK(r.json["total"] == 1);
  CHECK(r.json["next"].is_null());
  CHECK(office.get("verif", "/api/v1/inbox").json["notifications"].empty());
  CHECK(office.get("loket", "/api/v1/inbox").json["total"] == 0);
}

TEST_CASE("the inbox shows an escalation the webhook delivered before the inbox first looked") {
  ClockedOffice office;
  office.at(utc(2026, 3, 2, 9));
  office.open_case();
  office.clock.set(utc(2026, 3, 2, 14));
  office.app->engine().advance_to(office.clock.now());  // fired, but no tick has filled the inbox yet
  const auto kept = office.app->store().undelivered_notifications(10);
  REQUIRE(kept.size() == 1);
  office.app->store().record_deliveries({{kept[0].notification.id, office.clock.now(), true, "", office.clock.now()}});
  REQUIRE(office.app->store().undelivered_notifications(10).empty());
  CHECK(office.get("kadis", "/api/v1/inbox").json["total"] == 1);
}

TEST_CASE("the inbox pages newest first with before and limit, and refuses a bad limit") {
  ClockedOffice office;
  office.at(utc(2026, 3, 2, 9));
  const auto first = office.open_case();
  office.at(utc(2026, 3, 2, 10));
  const auto second = office.open_case();
  office.at(utc(2026, 3, 2, 15));
  const auto page1 = office.get("kadis", "/api/v1/inbox?limit=1");
  REQUIRE(page1.json["notifications"].size() == 1);
  CHECK(page1.json["notifications"][0]["case_id"] == second);
  REQUIRE(page1.json["next"].is_number());
  const auto page2 = office.get("kadis", "/api/v1/inbox?limit=1&before=" + std::to_string(page1.json["next"].get<std::uint64_t>()));
  REQUIRE(page2.json["notifications"].size() == 1);
  CHECK(page2.json["notifications"][0]["case_id"] == first);
  CHECK(page2.json["next"].is_null());
  CHECK(office.get("kadis", "/api/v1/inbox?limit=0").status == 400);
  CHECK(office.get("kadis", "/api/v1/inbox?limit=x").status == 400);
  CHECK(office.get("kadis", "/api/v1/inbox?before=-1").status == 400);
}

TEST_CASE("the inbox needs a session: the API answers 401 and the page sends to sign-in") {
  ClockedOffice office;
  const auto api = office.get("", "/api/v1/inbox");
  CHECK(api.status == 401);
  CHECK(api.json["error"]["code"] == "unauthenticated");
  CHECK(office.get("", "/kotak-masuk").status == 303);
}

TEST_CASE("the inbox page lists the escalation escaped, links its case, and the nav counts it") {
  ClockedOffice office;
  office.at(utc(2026, 3, 2, 9));
  const auto id = office.open_case();
  office.at(utc(2026, 3, 2, 14));
  const auto page = office.get("kadis", "/kotak-masuk");
  REQUIRE(page.status == 200);
  CHECK(has(page.body, "Periksa &lt;script&gt;alert(1)&lt;/script&gt; segera"));
  CHECK_FALSE(has(page.body, "<script>"));
  CHECK(has(page.body, "href=\"/kasus/" + id + "\""));
  CHECK(has(page.body, "Pemeriksaan berkas"));  // the state by its label
  CHECK(has(page.body, "<span class=\"inbox-count\">1</span>"));
  CHECK(page.body.size() < 100 * 1024);
  const auto other = office.get("verif", "/kotak-masuk");
  CHECK_FALSE(has(other.body, "/kasus/" + id));
  CHECK(has(other.body, "<span class=\"inbox-count\">0</span>"));
  CHECK(has(office.get("kadis", "/kotak-masuk?lang=en").body, "Escalations to your roles"));
}

TEST_CASE("the inbox copies escalations from a memory store through its change feed, once each") {
  serve_test::TempDir dir;
  const auto file = (dir.path / "inbox.db").string();
  { std::ofstream(file).close(); }  // an empty SQLite file of its own
  izin::FakeClock clock{utc(2026, 3, 2, 9)};
  auto store = izin::make_memory_store();
  izin::Engine engine(clock, *store);
  const auto compiled = izin::compile_procedure(serve_test::kUjiProcedure, "uji.izin");
  REQUIRE(compiled.procedure);
  engine.add_procedure(compiled.procedure);
  izin::server::InboxStore inbox(file);
  izin::OpenRequest open;
  open.procedure = "uji";
  open.actor = {"ani", "loket"};
  const auto opened = engine.open(open);
  REQUIRE(opened.accepted);
  inbox.collect(*store);
  CHECK(inbox.page({"kepala_dinas"}, 0, 10).total == 0);
  clock.set(utc(2026, 3, 2, 14));
  engine.advance_to(clock.now());
  inbox.collect(*store);
  inbox.collect(*store);  // nothing new: nothing twice
  const auto page = inbox.page({"verifikator", "kepala_dinas"}, 0, 10);
  REQUIRE(page.notifications.size() == 1);
  CHECK(page.notifications[0].case_id == opened.case_id);
  CHECK(page.notifications[0].message == "Periksa <script>alert(1)</script> segera");
  CHECK(inbox.page({"verifikator"}, 0, 10).total == 0);
  CHECK(inbox.page({}, 0, 10).total == 0);
  // A second inbox over the same file starts from the kept cursor and adds nothing.
  izin::server::InboxStore again(file);
  again.collect(*store);
  CHECK(again.page({"kepala_dinas"}, 0, 10).total == 1);
}
