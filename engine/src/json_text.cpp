#include "json_text.hpp"

#include <charconv>

#include "codec.hpp"

namespace izin::detail {

namespace {
// Length of the UTF-8 sequence at text[i], or 0 when it is not well formed.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t n = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) n = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) n = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) n = 4;
  else return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  const unsigned char second = byte(i + 1);
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
      (lead == 0xF4 && second > 0x8F))
    return 0;
  return n;
}
}  // namespace

void JsonText::before_value() {
  if (after_value_) out_ += ',';
  after_value_ = true;
}

JsonText& JsonText::key(std::string_view name) {
  before_value();
  quote(name);
  out_ += ':';
  after_value_ = false;
  return *this;
}

JsonText& JsonText::string(std::string_view text) {
  before_value();
  quote(text);
  return *this;
}

JsonText& JsonText::integer(std::int64_t n) {
  before_value();
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out_.append(buf, end);
  return *this;
}

JsonText& JsonText::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonText& JsonText::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonText& JsonText::open_object() {
  before_value();
  out_ += '{';
  after_value_ = false;
  return *this;
}

JsonText& JsonText::close_object() {
  out_ += '}';
  after_value_ = true;
  return *this;
}

JsonText& JsonText::open_array() {
  before_value();
  out_ += '[';
  after_value_ = false;
  return *this;
}

JsonText& JsonText::close_array() {
  out_ += ']';
  after_value_ = true;
  return *this;
}

JsonText& JsonText::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

// Escapes as nlohmann's dump does: short escapes, other controls as \u00xx, UTF-8 as is.
void JsonText::quote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  for (std::size_t i = 0; i < text.size();) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x80) {
      const std::size_t n = utf8_sequence(text, i);
      if (n == 0) throw CodecError("text is not valid UTF-8 at byte " + std::to_string(i));
      out_.append(text.substr(i, n));
      i += n;
      continue;
    }
    switch (u) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        if (u < 0x20) {
          out_ += "\\u00";
          out_ += kHex[u >> 4];
          out_ += kHex[u & 0xF];
        } else {
          out_ += static_cast<char>(u);
        }
    }
    ++i;
  }
  out_ += '"';
}

}  // namespace izin::detail
