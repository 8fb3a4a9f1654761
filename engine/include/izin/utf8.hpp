// UTF-8 well-formedness: the one check every text entering izin passes
// (procedure files, calendars, scenarios, command-line arguments, events).
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstddef>
#include <optional>
#include <string_view>

namespace izin {

// Length (1–4) of the well-formed UTF-8 sequence starting at text[i], or 0
// when it is not one (overlong forms, surrogates, past U+10FFFF, cut short).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Byte offset of the first byte that is not well-formed UTF-8; nullopt when
// the whole text is, so callers can say where the bad byte is.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Line and column (from 1; columns count code points) of a byte offset, for
// diagnostics about files that are not parsed as procedures.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition text_position(std::string_view text, std::size_t offset);

}  // namespace izin

#pragma GCC visibility pop
