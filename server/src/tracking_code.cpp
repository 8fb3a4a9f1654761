// Making and reading tracking codes.
#include <sodium.h>

#include <stdexcept>

#include "izin/server/tracking.hpp"

namespace izin::server {

namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32
constexpr std::size_t kLength = 8;                                          // 40 bits

char canonical(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'I' || c == 'L') return '1';  // the letters people confuse with digits
  if (c == 'O') return '0';
  return c;
}
}  // namespace

std::string new_tracking_code() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  std::string code(kLength, '0');
  for (auto& c : code) c = kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  return code;
}

std::optional<std::string> normalize_tracking_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    c = canonical(c);
    if (kAlphabet.find(c) == std::string_view::npos || code.size() == kLength) return std::nullopt;
    code.push_back(c);
  }
  if (code.size() != kLength) return std::nullopt;
  return code;
}

}  // namespace izin::server
