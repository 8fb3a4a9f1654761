// first_invalid_utf8: the offset of the first byte that does not start a
// valid UTF-8 sequence, wherever it falls against the eight-byte ASCII scan.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "izin/utf8.hpp"

namespace {
// One sequence at a time, as the scan must agree with.
std::optional<std::size_t> invalid_by_sequence(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = izin::utf8_sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}
}  // namespace

TEST_CASE("ASCII text of any length is valid", "[utf8]") {
  std::string text;
  for (int n = 0; n < 40; ++n, text += static_cast<char>('a' + n % 26)) CHECK_FALSE(izin::first_invalid_utf8(text));
}

TEST_CASE("a bad byte is found at its own offset, before, on and after an eight-byte boundary", "[utf8]") {
  for (const char bad : {'\x80', '\xC0', '\xFF', '\xC3'}) {  // '\xC3' alone or before 'y' is a cut sequence
    for (std::size_t at = 0; at < 30; ++at) {
      std::string text(at, 'x');
      text += bad;
      CHECK(izin::first_invalid_utf8(text) == std::optional<std::size_t>(at));
      text += std::string(17, 'y');
      CHECK(izin::first_invalid_utf8(text) == std::optional<std::size_t>(at));
    }
  }
}

TEST_CASE("multi-byte sequences across the scan's boundaries are valid, and overlong and surrogate forms are not", "[utf8]") {
  const std::string sequences[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x93\x84"};  // é € 📄
  for (const std::string& s : sequences) {
    for (std::size_t at = 0; at < 12; ++at) {
      const std::string text = std::string(at, 'a') + s + std::string(at, 'b') + s;
      CHECK_FALSE(izin::first_invalid_utf8(text));
    }
  }
  for (const std::string& bad : {std::string("\xC0\xAF"), std::string("\xE0\x80\xAF"), std::string("\xED\xA0\x80"),
                                 std::string("\xF4\x90\x80\x80")}) {
    const std::string text = "permohonan_" + bad + "_selesai";
    CHECK(izin::first_invalid_utf8(text) == invalid_by_sequence(text));
    CHECK(izin::first_invalid_utf8(text) == std::optional<std::size_t>(11));
  }
}
