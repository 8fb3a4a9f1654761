// The editor folder stays in step with the language, and `izin fmt` behaves as documented.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include <sys/wait.h>
#include <unistd.h>

#include "client.hpp"

using lsp_test::json;

namespace {
// Every `match` regex of a TextMate grammar.
void collect_matches(const json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (key == "match" && value.is_string()) out.push_back(value);
      else collect_matches(value, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) collect_matches(v, out);
  }
}

int run(const std::string& args) {
  const int status = std::system((std::string(IZIN_TOOL) + " " + args + " >/dev/null 2>&1").c_str());
  return WEXITSTATUS(status);
}
}  // namespace

TEST_CASE("the VS Code grammar colours every keyword of the parser's grammar") {
  const std::string grammar = lsp_test::read_text(std::string(IZIN_SOURCE_DIR) + "/dsl/src/grammar.hpp");
  const json tm = json::parse(lsp_test::read_text(std::string(IZIN_SOURCE_DIR) + "/editors/vscode/syntaxes/izin.tmLanguage.json"));
  std::vector<std::string> matches;
  collect_matches(tm.at("repository").at("keyword"), matches);
  collect_matches(tm.at("repository").at("type"), matches);
  collect_matches(tm.at("repository").at("constant"), matches);
  std::set<std::string> keywords;
  const std::regex kw("struct kw_([a-z]+) ");
  for (auto it = std::sregex_iterator(grammar.begin(), grammar.end(), kw); it != std::sregex_iterator(); ++it)
    keywords.insert((*it)[1]);
  REQUIRE(keywords.size() > 30);
  for (const auto& k : keywords) {
    INFO(k);
    CHECK(std::any_of(matches.begin(), matches.end(), [&](const std::string& m) { return std::regex_match(k, std::regex(m)); }));
  }
}

TEST_CASE("izin fmt --check exits 1 for a file that would change - --write fixes it - syntax errors exit 2") {
  const auto dir = std::filesystem::temp_directory_path() / ("izin_fmt_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "x.izin").string();
  std::filesystem::copy_file(lsp_test::shipped("legalisir.izin"), file);
  {
    std::ofstream(file, std::ios::app) << "\n\n\n# trailing comment   \n\n";
  }
  CHECK(run("fmt --check " + file) == 1);
  CHECK(run("fmt --write " + file) == 0);
  CHECK(run("fmt --check " + file) == 0);
  CHECK(lsp_test::read_text(file).ends_with("}\n\n# trailing comment\n"));
  std::ofstream(file, std::ios::trunc) << "procedure x version 1 {\n  title \"open\n}\n";
  CHECK(run("fmt --check " + file) == 2);
  CHECK(lsp_test::read_text(file) == "procedure x version 1 {\n  title \"open\n}\n");
  std::filesystem::remove_all(dir);
}
