// `izin check FILE|DIR…`: parse, compile and validate procedure files and
// print every problem with its source line.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "izin/load.hpp"
#include "izin/report.hpp"
#include "izin/rollout.hpp"
#include "izin/standards/office_check.hpp"
#include "language.hpp"

namespace izin::cli {

namespace {
// What the user asked `check` for.
struct CheckRequest {
  std::vector<std::string> paths;
  std::string lang;
  std::string format = "text";  // text, json or sarif
  bool werror = false;           // warnings fail the check too
  std::string against;           // deployed procedure directory to compare with
  std::string today;             // YYYY-MM-DD for calendar coverage warnings; empty: the system date
  std::string office;            // office.yaml: report the service standard components it leaves empty
};

// The date `--today` names, or the system's UTC date; nullopt when malformed.
std::optional<Date> today_of(const std::string& text) {
  if (!text.empty()) return Date::parse(text);
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{static_cast<std::int32_t>(now.time_since_epoch().count())};
}

// Adds what rolling the candidate out over the deployed directory would break.
void add_rollout_findings(Library& candidate, const std::string& deployed_dir, Language lang) {
  // Deployed versions are compared as they are, even if today's validator is stricter.
  const Library deployed = load({deployed_dir}, LoadOptions{lang, /*validate=*/false});
  for (const auto& d : deployed.diagnostics)
    if (d.code == "IZ001" || d.code == "IZ002") candidate.diagnostics.push_back(d);
  for (auto& d : check_rollout(candidate, deployed, lang)) candidate.diagnostics.push_back(std::move(d));
}

// Runs the check and sets the exit status.
void run_check(const CheckRequest& request) {
  LoadOptions options;
  options.language = choose_language(request.lang);
  const auto today = today_of(request.today);
  if (!today) {
    std::fprintf(stderr, "izin check: --today wants YYYY-MM-DD, not `%s`\n", request.today.c_str());
    exit_status() = 2;
    return;
  }
  const std::vector<std::filesystem::path> paths(request.paths.begin(), request.paths.end());
  Library library = load(paths, options);
  for (auto& d : calendar_coverage_warnings(library, *today, options.language)) library.diagnostics.push_back(std::move(d));
  if (!request.against.empty()) add_rollout_findings(library, request.against, options.language);
  if (!request.office.empty())
    for (auto& d : standards::office_standard_diagnostics(library.procedures, request.office, options.language))
      library.diagnostics.push_back(std::move(d));
  std::string out;
  if (request.format == "json") {
    out = render_json(library.diagnostics, library.sources.size()) + "\n";
  } else if (request.format == "sarif") {
    out = render_sarif(library.diagnostics) + "\n";
  } else {
    const bool colour = isatty(fileno(stdout)) != 0;
    out = format_diagnostics(library, colour) + summarize(library, options.language);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  const int status = check_exit_status(library);
  exit_status() = status == 2 ? 2 : check_fails(library.diagnostics, request.werror) ? 1 : 0;
}
}  // namespace

void add_check_command(CLI::App& app) {
  auto request = std::make_shared<CheckRequest>();
  auto* cmd = app.add_subcommand("check", "Check procedure files: syntax, names, types and validator rules");
  cmd->add_option("paths", request->paths, "procedure files or directories")->required();
  add_language_option(*cmd, request->lang);
  cmd->add_option("--format", request->format, "output: text, json or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  cmd->add_flag("--werror", request->werror, "treat warnings as errors (exit 1)");
  cmd->add_option("--against", request->against, "deployed procedure directory: refuse changes that would strand open cases");
  cmd->add_option("--today", request->today, "date YYYY-MM-DD for calendar coverage warnings (default: system date)");
  cmd->add_option("--office", request->office, "office.yaml: warn about service standard components it leaves empty");
  cmd->callback([request] { run_check(*request); });
}

}  // namespace izin::cli
