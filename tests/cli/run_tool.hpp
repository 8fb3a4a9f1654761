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

// Runs `ENV izin ARGS` (stderr dropped, or mixed into `out` when `with_errors`),
// capturing stdout and the exit status (-1 when killed by a signal); ENV is
// "NAME=value …" assignments for the tool's environment, or "".
inline Run run_tool_with(const std::string& env, const std::string& args, bool with_errors = false) {
  const std::string command =
      "env " + env + " " + std::string(IZIN_TOOL) + " " + args + (with_errors ? " 2>&1" : " 2>/dev/null");
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) run.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// Runs `izin ARGS` (stderr dropped, or mixed into `out` when `with_errors`).
inline Run run_tool(const std::string& args, bool with_errors = false) { return run_tool_with("", args, with_errors); }

}  // namespace izin_test
