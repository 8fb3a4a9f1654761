// `izin graph FILE --format dot|mermaid|svg [-o OUT]`: draw a procedure.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "izin/graph.hpp"
#include "izin/load.hpp"
#include "language.hpp"

extern char** environ;

namespace izin::cli {

namespace {

// What `izin graph` was asked for.
struct GraphOptions {
  std::string file;
  std::string format = "dot";
  std::string out;
  std::string lang;  // --lang; "" : from the environment
};

// Whether an executable named `name` is on PATH.
bool on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

// Runs `dot -Tsvg [-o out]` with `dot_text` on its standard input; its exit status.
int run_graphviz(const std::string& dot_text, const std::string& out) {
  int fds[2];
  if (::pipe(fds) != 0) return 2;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  std::vector<std::string> args{"dot", "-Tsvg"};
  if (!out.empty()) args.insert(args.end(), {"-o", out});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (rc != 0) {
    ::close(fds[1]);
    return 2;
  }
  std::size_t written = 0;
  while (written < dot_text.size()) {
    const auto n = ::write(fds[1], dot_text.data() + written, dot_text.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  ::close(fds[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 2;
}

// Compiles the procedure file, printing its diagnostics; nullptr on errors.
ProcedurePtr compile_file(const std::string& file, Language lang) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "izin graph: cannot read " << file << "\n";
    return nullptr;
  }
  std::ostringstream text;
  text << in.rdbuf();
  LoadOptions options;
  options.language = lang;
  options.validate = false;  // a diagram of a procedure with warnings is still useful
  const auto result = compile_procedure(text.str(), file, options);
  for (const auto& d : result.diagnostics) std::cerr << format_diagnostic(d, "") << "\n";
  return result.procedure;
}

// Writes text to OUT, or to standard output when OUT is empty; false on I/O failure.
bool write_text(const std::string& text, const std::string& out) {
  if (out.empty()) {
    std::cout << text;
    return static_cast<bool>(std::cout);
  }
  std::ofstream file(out, std::ios::binary);
  file << text;
  return static_cast<bool>(file);
}

// The whole command once parsed; the process exit status.
int run_graph(const GraphOptions& o) {
  if (o.format == "svg" && !on_path("dot")) {
    std::cerr << "izin graph: Graphviz `dot` is not on PATH; install Graphviz: sudo apt-get install graphviz\n";
    return 2;
  }
  const Language lang = choose_language(o.lang);
  const ProcedurePtr p = compile_file(o.file, lang);
  if (!p) return o.file.empty() || !std::filesystem::exists(o.file) ? 2 : 1;
  if (o.format == "svg") return run_graphviz(render_dot(*p, lang), o.out);
  const std::string text = o.format == "mermaid" ? render_mermaid(*p, lang) : render_dot(*p, lang);
  if (!write_text(text, o.out)) {
    std::cerr << "izin graph: cannot write " << o.out << "\n";
    return 2;
  }
  return 0;
}

}  // namespace

void add_graph_command(CLI::App& app) {
  auto options = std::make_shared<GraphOptions>();
  auto* cmd = app.add_subcommand("graph", "Draw a procedure as Graphviz dot, Mermaid or SVG");
  cmd->add_option("file", options->file, "The .izin procedure file")->required();
  cmd->add_option("--format,-f", options->format, "dot, mermaid or svg")
      ->check(CLI::IsMember({"dot", "mermaid", "svg"}));
  cmd->add_option("-o,--output", options->out, "Write here instead of standard output");
  add_language_option(*cmd, options->lang);
  cmd->callback([options] { exit_status() = run_graph(*options); });
}

}  // namespace izin::cli
