// The command line as text entering izin: checked before any command reads it.
#pragma once

#include <optional>
#include <string>

#include "izin/diagnostic.hpp"

namespace izin::cli {

// A clear sentence naming the first argument that is not UTF-8 (its
// position and the option before it), or nullopt when all are; every
// command's input then holds only text the store and JSON can keep.
std::optional<std::string> invalid_argument(int argc, const char* const* argv, Language lang);

// The last-resort sentence for a failure no command caught, in `lang`.
std::string internal_failure(const std::string& what, Language lang);

}  // namespace izin::cli
