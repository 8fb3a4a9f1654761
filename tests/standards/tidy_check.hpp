// HTML checked with tidy (Debian `tidy`, installed by scripts/deps.sh), for the standards' pages.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace izin_test {

// tidy's exit status on `html`: 0 clean, 1 warnings, 2 errors.
inline int tidy_status(const std::string& html, const std::string& name = "page") {
  const auto path = std::filesystem::temp_directory_path() / ("izin-tidy-" + name + "-" + std::to_string(::getpid()) + ".html");
  std::ofstream(path) << html;
  const int status = std::system(("tidy -q -e " + path.string() + " >/dev/null 2>&1").c_str());
  std::filesystem::remove(path);
  return WEXITSTATUS(status);
}

}  // namespace izin_test
