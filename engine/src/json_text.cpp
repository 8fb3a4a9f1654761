#include "json_text.hpp"

#include <charconv>

#include "codec.hpp"
#include "izin/utf8.hpp"

namespace izin::detail {

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
      const std::size_t n = utf8_sequence_length(text, i);
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
