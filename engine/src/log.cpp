// The process-wide log sink (log.hpp); empty, hence silent, by default.
#include "izin/log.hpp"

#include <utility>

namespace izin {
namespace {
LogSink& installed() {
  static LogSink sink;
  return sink;
}
}  // namespace

void set_log_sink(LogSink sink) { installed() = std::move(sink); }

void log_line(LogLevel level, std::string_view message) {
  if (const auto& sink = installed()) sink(level, message);
}

}  // namespace izin
