// `izin graph FILE --format dot|mermaid|svg [-o OUT]`: draw a procedure.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>

#include "commands.hpp"
#include "izin/graph.hpp"
#include "izin/load.hpp"
#include "language.hpp"

namespace izin::cli {

namespace {

// What `izin graph` was asked for.
struct GraphOptions {
  std::string file;
  std::string format = "dot";
  std::string out;
  std::string lang;  // --lang; "" : from the environment
};

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
  if (o.format == "svg" && !graphviz_available()) {
    std::cerr << "izin graph: Graphviz `dot` is not on PATH; install Graphviz: sudo apt-get install graphviz\n";
    return 2;
  }
  const Language lang = choose_language(o.lang);
  const ProcedurePtr p = compile_file(o.file, lang);
  if (!p) return o.file.empty() || !std::filesystem::exists(o.file) ? 2 : 1;
  std::string text = o.format == "mermaid" ? render_mermaid(*p, lang) : render_dot(*p, lang);
  if (o.format == "svg") {
    auto svg = render_svg(text);
    if (!svg) {
      std::cerr << "izin graph: Graphviz `dot` failed to draw the diagram\n";
      return 2;
    }
    text = std::move(*svg);
  }
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
