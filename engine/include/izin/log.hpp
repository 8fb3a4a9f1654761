// The library's log: silent until the embedder installs a sink.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <functional>
#include <string_view>

namespace izin {

// How much a log line matters.
enum class LogLevel : std::uint8_t { Debug, Info, Warning, Error };

// Receives every line the library logs. Called on the thread that called the
// library (the engine is single-threaded), so it needs no locking of its own.
using LogSink = std::function<void(LogLevel, std::string_view)>;

// Installs `sink` for the whole process (an empty function silences the
// library again, which is the default). Not thread-safe: install it once,
// before the library runs.
void set_log_sink(LogSink sink);

// Logs one line through the installed sink; nothing when none is installed.
void log_line(LogLevel level, std::string_view message);

}  // namespace izin

#pragma GCC visibility pop
