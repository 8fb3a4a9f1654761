// Where the engine learns the time: never from the system directly.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include "izin/time.hpp"

namespace izin {

// The engine's only source of "now".
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// The real UTC clock, for production.
class SystemClock final : public Clock {
 public:
  Instant now() const override;
};

// A clock tests and scenarios set by hand.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Instant start = Instant{}) : now_(start) {}
  Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }

 private:
  Instant now_;
};

}  // namespace izin

#pragma GCC visibility pop
