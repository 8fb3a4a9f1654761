#include "izin/clock.hpp"

namespace izin {

Instant SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace izin
