#include "arguments.hpp"

#include "izin/utf8.hpp"

namespace izin::cli {

std::optional<std::string> invalid_argument(int argc, const char* const* argv, Language lang) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg(argv[i]);
    const auto bad = first_invalid_utf8(arg);
    if (!bad) continue;
    // Name the option the value belongs to, never the bad bytes themselves.
    const std::string before = i > 1 && argv[i - 1][0] == '-' && first_invalid_utf8(argv[i - 1]) == std::nullopt
                                   ? std::string(argv[i - 1])
                                   : std::string();
    const std::string n = std::to_string(i), byte = std::to_string(*bad + 1);
    if (lang == Language::Indonesian)
      return "argumen ke-" + n + (before.empty() ? "" : " (nilai " + before + ")") + " bukan UTF-8 yang sah (byte ke-" +
             byte + "); izin hanya menerima teks UTF-8";
    return "argument " + n + (before.empty() ? "" : " (the value of " + before + ")") +
           " is not valid UTF-8 (byte " + byte + "); izin takes UTF-8 text only";
  }
  return std::nullopt;
}

std::string internal_failure(const std::string& what, Language lang) {
  if (lang == Language::Indonesian)
    return "izin: kegagalan internal, perintah dihentikan: " + what;
  return "izin: internal failure, the command stopped: " + what;
}

}  // namespace izin::cli
