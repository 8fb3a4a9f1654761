// `izin lsp`: the Language Server Protocol over stdin and stdout.
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "izin/lsp/session.hpp"
#include "language.hpp"

namespace izin::cli {

void add_lsp_command(CLI::App& app) {
  auto lang = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("lsp", "Language server for editors over stdio (.izin and *.test.yaml files)");
  add_language_option(*cmd, *lang);
  cmd->callback([lang] {
    std::ios::sync_with_stdio(false);
    lsp::SessionOptions options;
    options.language = choose_language(*lang);  // the client's initialize `locale` overrides it
    exit_status() = lsp::serve(std::cin, std::cout, options);
  });
}

}  // namespace izin::cli
