// `izin check FILE|DIR…`: parse, compile and validate procedure files and
// print every problem with its source line.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "izin/load.hpp"

namespace izin::cli {

namespace {
// What the user asked `check` for.
struct CheckRequest {
  std::vector<std::string> paths;
  std::string lang;
};

// Runs the check and sets the exit status.
void run_check(const CheckRequest& request) {
  LoadOptions options;
  options.language = request.lang.empty() ? language_from_environment()
                     : request.lang == "id" ? Language::Indonesian
                                             : Language::English;
  const std::vector<std::filesystem::path> paths(request.paths.begin(), request.paths.end());
  const Library library = load(paths, options);
  const bool colour = isatty(fileno(stdout)) != 0;
  const std::string out = format_diagnostics(library, colour) + summarize(library, options.language);
  std::fwrite(out.data(), 1, out.size(), stdout);
  exit_status() = check_exit_status(library);
}
}  // namespace

void add_check_command(CLI::App& app) {
  auto request = std::make_shared<CheckRequest>();
  auto* cmd = app.add_subcommand("check", "Check procedure files: syntax, names, types and validator rules");
  cmd->add_option("paths", request->paths, "procedure files or directories")->required();
  cmd->add_option("--lang", request->lang, "message language (default from LANG)")->check(CLI::IsMember({"en", "id"}));
  cmd->callback([request] { run_check(*request); });
}

}  // namespace izin::cli
