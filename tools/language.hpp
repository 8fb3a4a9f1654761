// The one way every izin command is told its language.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace izin::cli {

// How a person chooses the language, shown at the end of every --help.
inline constexpr const char* kLanguageHelp =
    "Language: --lang en|id on any command; without it IZIN_LANG=en|id, then LC_ALL, LC_MESSAGES or LANG "
    "(e.g. LANG=id_ID.UTF-8) choose; otherwise English.\n"
    "Bahasa: --lang en|id pada setiap perintah; tanpa itu IZIN_LANG=en|id, lalu LC_ALL, LC_MESSAGES atau LANG "
    "(mis. LANG=id_ID.UTF-8); selain itu bahasa Inggris.";

// Adds --lang en|id to `cmd` (stored in `lang`, "" when not given) and the language note to its help.
void add_language_option(CLI::App& cmd, std::string& lang);

}  // namespace izin::cli
