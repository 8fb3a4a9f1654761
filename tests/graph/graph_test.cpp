// Diagrams: every shipped procedure renders to dot, Mermaid and (when
// Graphviz is installed) SVG, with every state present.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "izin/graph.hpp"
#include "izin/load.hpp"

namespace {

namespace fs = std::filesystem;

// Every shipped .izin file.
std::vector<fs::path> shipped_procedures() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(IZIN_SOURCE_DIR) / "procedures"))
    if (e.is_regular_file() && e.path().extension() == ".izin") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

izin::ProcedurePtr compile(const fs::path& file) {
  izin::LoadOptions options;
  options.validate = false;
  auto result = izin::compile_procedure(read(file), file.string(), options);
  INFO(file.string());
  for (const auto& d : result.diagnostics) INFO(d.code + " " + d.message);
  REQUIRE(result.procedure);
  return result.procedure;
}

// Runs the built `izin graph` and returns its exit status.
int run_tool(const std::string& args) {
  const std::string command = std::string("\"") + IZIN_TOOL + "\" graph " + args;
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool graphviz_installed() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("every shipped procedure renders to dot and Mermaid with all its states") {
  const auto files = shipped_procedures();
  REQUIRE(files.size() >= 8);
  for (const auto& file : files) {
    const auto p = compile(file);
    const std::string dot = izin::render_dot(*p), mermaid = izin::render_mermaid(*p);
    INFO(file.filename().string());
    CHECK(dot.rfind("digraph ", 0) == 0);
    CHECK(mermaid.find("stateDiagram-v2") != std::string::npos);
    for (const auto& s : p->states) {
      CHECK(dot.find("\"" + s.id + "\" [") != std::string::npos);
      CHECK(mermaid.find(" as " + s.id + "\n") != std::string::npos);
      for (const auto& t : s.transitions) CHECK(dot.find("label=\"" + t.event) != std::string::npos);
    }
  }
}

TEST_CASE("izin graph writes SVG through Graphviz for every shipped procedure") {
  if (!graphviz_installed()) {
    WARN("Graphviz not installed; SVG not checked");
    return;
  }
  const fs::path out = fs::temp_directory_path() / "izin-graph-test.svg";
  for (const auto& file : shipped_procedures()) {
    INFO(file.string());
    fs::remove(out);
    REQUIRE(run_tool("\"" + file.string() + "\" --format svg -o \"" + out.string() + "\"") == 0);
    const std::string svg = read(out);
    CHECK(svg.find("<svg") != std::string::npos);
    const auto p = compile(file);  // held: a temporary's members would dangle in the loop
    for (const auto& s : p->states) CHECK(svg.find("<title>" + s.id + "</title>") != std::string::npos);
  }
  fs::remove(out);
}

TEST_CASE("izin graph without Graphviz on PATH exits 2 with the install hint") {
  const std::string file = (fs::path(IZIN_SOURCE_DIR) / "procedures" / "sip.izin").string();
  const std::string command = std::string("PATH=/nonexistent \"") + IZIN_TOOL + "\" graph \"" + file +
                              "\" --format svg 2>&1 | grep -q 'sudo apt-get install graphviz'";
  CHECK(std::system(command.c_str()) == 0);
  const int status = std::system((std::string("PATH=/nonexistent \"") + IZIN_TOOL + "\" graph \"" + file +
                                  "\" --format svg >/dev/null 2>&1").c_str());
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(run_tool("\"" + file + "\" --format mermaid >/dev/null") == 0);
}
