// The real `izin lsp` over pipes: initialize, open, hover, shutdown, exit.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "client.hpp"

using lsp_test::json;

TEST_CASE("izin lsp answers over stdin and stdout and exits 0 after shutdown") {
  const std::string path = lsp_test::shipped("pbg.izin");
  const std::string text = lsp_test::read_text(path);
  const auto [line, character] = lsp_test::find_position(text, "-> sppst", 0, 4);
  const std::string uri = lsp_test::uri_of(path);
  const auto dir = std::filesystem::temp_directory_path() / ("izin_lsp_binary_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream in(dir / "in", std::ios::binary);
    in << izin::lsp::frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}})
       << izin::lsp::frame({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}})
       << izin::lsp::frame({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                            {"params", {{"textDocument", {{"uri", uri}, {"languageId", "izin"}, {"version", 1}, {"text", text}}}}}})
       << izin::lsp::frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/hover"},
                            {"params", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", character}}}}}})
       << izin::lsp::frame({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}})
       << izin::lsp::frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  }
  const std::string command = std::string(IZIN_TOOL) + " lsp --lang en < " + (dir / "in").string() + " > " + (dir / "out").string();
  const int status = std::system(command.c_str());
  CHECK(WEXITSTATUS(status) == 0);
  std::ifstream out(dir / "out", std::ios::binary);
  std::vector<json> answers;
  while (const auto body = izin::lsp::read_frame(out, 1 << 24)) answers.push_back(json::parse(*body));
  std::filesystem::remove_all(dir);
  REQUIRE(answers.size() == 4);
  CHECK(answers[0]["result"]["capabilities"]["hoverProvider"] == true);
  CHECK(answers[1]["method"] == "textDocument/publishDiagnostics");
  CHECK(answers[1]["params"]["diagnostics"].empty());
  CHECK(std::string(answers[2]["result"]["contents"]["value"]).find("**state** `sppst`") == 0);
  CHECK(answers[3]["id"] == 3);
}
