// Comparing durations across units, and the SLA's worst-case path search.
#include <catch2/catch.hpp>

#include <chrono>

#include "pbg_model.hpp"
#include "validate/duration_order.hpp"
#include "validate/sla_path.hpp"
#include "validate/validate.hpp"

using namespace izin;
using namespace izin::detail;
using U = DurationUnit;

TEST_CASE("never_later compares within a unit and conservatively across") {
  CHECK(never_later({5, U::WorkingDays}, {5, U::WorkingDays}));
  CHECK_FALSE(never_later({6, U::WorkingDays}, {5, U::WorkingDays}));
  CHECK(never_later({5, U::Days}, {5, U::WorkingDays}));
  CHECK_FALSE(never_later({5, U::WorkingDays}, {30, U::Days}));  // holidays may intervene
  CHECK(never_later({24, U::Hours}, {1, U::Days}));
  CHECK_FALSE(never_later({25, U::Hours}, {1, U::Days}));
  CHECK(never_later({48, U::Hours}, {2, U::WorkingDays}));
  CHECK(never_later({1, U::Days}, {48, U::Hours}));  // due by 24:00 of the next day
  CHECK_FALSE(never_later({1, U::Days}, {47, U::Hours}));
}

TEST_CASE("least_working_days assumes the worst-placed weekend") {
  CHECK(least_working_days({26, U::WorkingDays}) == 26);
  CHECK(least_working_days({7, U::Days}) == 5);
  CHECK(least_working_days({2, U::Days}) == 0);   // a weekend
  CHECK(least_working_days({3, U::Days}) == 1);
  CHECK(least_working_days({14, U::Days}) == 10);
  CHECK(least_working_days({72, U::Hours}) == 1);
}

TEST_CASE("forced_stay: earliest unguarded automatic exit while the clock runs") {
  const Procedure p = test::pbg_model();
  CHECK(forced_stay(p.states[test::pemeriksaan]) == 26);
  CHECK(forced_stay(p.states[test::perbaikan]) == 0);   // clock paused
  CHECK(forced_stay(p.states[test::penerbitan]) == 0);  // only an escalation
  CHECK(forced_stay(p.states[test::disetujui]) == 0);
}

TEST_CASE("the SLA path search stays fast on a dense graph") {
  Procedure p;
  p.id = "padat";
  const int n = 40;
  for (int i = 0; i < n; ++i) {
    State s = test::state("s" + std::to_string(i), i + 1, i == 0);
    s.final = i == n - 1;
    s.outcome = s.final ? "granted" : "";
    for (int j = 0; j < n && !s.final; ++j)
      if (j != i) s.transitions.push_back(test::on("e" + std::to_string(j), {}, j, i + 1));
    if (!s.final) s.deadlines.push_back(test::after(1, U::WorkingDays, n - 1, -1, i + 1));
    p.states.push_back(s);
  }
  p.initial_state = 0;
  p.sla = Sla{1000, -1, test::at(1)};
  const auto start = std::chrono::steady_clock::now();
  const SlaPath worst = longest_sla_path(p, 1000);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(worst.working_days >= 1);
  CHECK(worst.states.front() == 0);
  CHECK(worst.states.back() == n - 1);
  CHECK(took < std::chrono::seconds(1));
}

TEST_CASE("validating the example 1,000 times is quick") {
  const Procedure p = test::pbg_model();
  const auto start = std::chrono::steady_clock::now();
  std::size_t found = 0;
  for (int i = 0; i < 1000; ++i) found += validate(p, Language::English).size();
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(found == 0);
  CHECK(took < std::chrono::milliseconds(500));
}
