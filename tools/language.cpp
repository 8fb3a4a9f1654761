// --lang and the language note, the same on every command.
#include "language.hpp"

namespace izin::cli {

void add_language_option(CLI::App& cmd, std::string& lang) {
  cmd.add_option("--lang", lang, "language of everything printed: en or id (default: IZIN_LANG, then LANG)")
      ->check(CLI::IsMember({"en", "id"}));
  cmd.footer(kLanguageHelp);
}

}  // namespace izin::cli
