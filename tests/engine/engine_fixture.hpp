// Test fixture for the engine: procedures built by hand (the docs/language.md
// example), the real belu 2026 calendar, a fake clock and a memory store.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "izin/calendar.hpp"
#include "izin/engine.hpp"
#include "izin/expr.hpp"
#include "izin/procedure.hpp"

namespace izin::test {

// Expression builders, typed as the checker would type them.
Expr lit(Value v, Type t);
Expr field(const Procedure& p, const std::string& name);
Expr binary(Op op, Expr a, Expr b, Type t);
Expr call(Func f, std::vector<Expr> args, Type t);
Expr conditional(Expr c, Expr a, Expr b, Type t);

// `on EVENT by ROLES -> TARGET` with role and target names resolved.
Transition on(const Procedure& p, const std::string& event, const std::vector<std::string>& roles,
              const std::string& target);
// `after N UNIT -> TARGET [deemed]` or, when `notify` is set, `after … notify ROLE "message"`.
Deadline after(const Procedure& p, std::int64_t n, DurationUnit unit, const std::string& target, bool deemed = false);
Deadline notify(const Procedure& p, std::int64_t n, DurationUnit unit, const std::string& role, const std::string& message);

// The PBG procedure of docs/language.md, version `version`, built by hand.
std::shared_ptr<Procedure> make_pbg(int version = 3);

// The belu calendar loaded from procedures/calendars (real 2026 holidays).
CalendarPtr belu();
// belu as an office edits it: one more holiday, in date order.
CalendarPtr belu_plus(Holiday holiday);

// An instant written as local WITA time ("2026-03-16T09:00").
Instant wita(const std::string& local);

// Remembers every notification the engine sends.
struct RecordingSink : NotificationSink {
  std::vector<Notification> sent;
  void notify(const Notification& n) override { sent.push_back(n); }
};

// A clock, a memory store and an engine with PBG and belu registered.
struct EngineFixture {
  FakeClock clock{wita("2026-03-16T09:00")};
  std::unique_ptr<Store> store = make_memory_store();
  RecordingSink sink;
  Engine engine{clock, *store};

  EngineFixture();
  // Opens a PBG case at `at` with data and documents; requires acceptance.
  std::string open_pbg(const std::string& at, DataInput data, std::vector<std::string> documents);
  // Fires at `at` as `role`.
  Outcome fire(const std::string& id, const std::string& at, const std::string& event, const std::string& role,
               DataInput data = {}, std::vector<std::string> documents = {}, std::string key = {});
  // Sets the clock to `at` and fires every deadline due by then.
  std::vector<Outcome> advance(const std::string& at);
  // The stored case; fails the test when missing.
  Case get(const std::string& id);
};

}  // namespace izin::test
