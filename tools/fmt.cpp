// `izin fmt FILE… [--check] [--write]`: canonical layout of procedure files, comments kept.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "izin/lsp/format.hpp"
#include "language.hpp"

namespace izin::cli {

namespace {
struct FmtRequest {
  std::vector<std::string> files;
  bool check = false;  // report files that would change, exit 1
  bool write = false;  // rewrite files in place
  std::string lang;
};

// Formats one file as asked; false when it could not be read or parsed.
bool format_file(const FmtRequest& request, const std::string& file, Language lang, bool& changed) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << "izin fmt: " << file << (lang == Language::Indonesian ? ": tidak dapat dibaca\n" : ": cannot be read\n");
    return false;
  }
  const std::string before = std::move(text).str();
  const lsp::Formatted f = lsp::format_procedure(before, file, lang);
  if (!f.ok()) {
    for (const auto& d : f.refusal) std::cerr << format_diagnostic(d, "") << '\n';
    std::cerr << "izin fmt: " << file
              << (lang == Language::Indonesian ? ": tidak dirapikan karena ada kesalahan sintaks\n"
                                               : ": not formatted because of syntax errors\n");
    return false;
  }
  changed = f.text != before;
  if (request.check) {
    if (changed) std::cout << file << '\n';
  } else if (request.write) {
    if (changed && !(std::ofstream(file, std::ios::binary | std::ios::trunc) << f.text)) {
      std::cerr << "izin fmt: " << file << (lang == Language::Indonesian ? ": tidak dapat ditulis\n" : ": cannot be written\n");
      return false;
    }
  } else {
    std::cout << f.text;
  }
  return true;
}

void run_fmt(const FmtRequest& request) {
  const Language lang = choose_language(request.lang);
  bool failed = false, any_changed = false;
  for (const auto& file : request.files) {
    bool changed = false;
    failed |= !format_file(request, file, lang, changed);
    any_changed |= changed;
  }
  exit_status() = failed ? 2 : (request.check && any_changed) ? 1 : 0;
}
}  // namespace

void add_fmt_command(CLI::App& app) {
  auto request = std::make_shared<FmtRequest>();
  auto* cmd = app.add_subcommand("fmt", "Format procedure files: indentation and spacing, comments kept");
  cmd->add_option("files", request->files, ".izin files")->required();
  auto* check = cmd->add_flag("--check", request->check, "list files that would change; exit 1 if any");
  cmd->add_flag("--write", request->write, "rewrite the files in place")->excludes(check);
  add_language_option(*cmd, request->lang);
  cmd->callback([request] { run_fmt(*request); });
}

}  // namespace izin::cli
