// Runs the built `izin` tool and captures what it prints, for end-to-end tests.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

namespace izin_test {

// Output and exit status of one run of the tool.
struct Run {
  std::string out;
  int status = -1;
};

// Runs `izin ARGS` (stderr dropped, or mixed into `out` when `with_errors`),
// capturing stdout and the exit status (-1 when killed by a signal).
inline Run run_tool(const std::string& args, bool with_errors = false) {
  const std::string command = std::string(IZIN_TOOL) + " " + args + (with_errors ? " 2>&1" : " 2>/dev/null");
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) run.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace izin_test
