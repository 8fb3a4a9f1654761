// Writes JSON text straight into a string, without building a document:
// the encoders on the event path (journal payloads, snapshots) use it.
// Keys are written in the order given; callers give them sorted, so the
// text is byte-equal to nlohmann's dump of the same object (codec.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace izin::detail {

class JsonText {
 public:
  JsonText() = default;
  // Writes into `buffer`'s storage (emptied first), so a recycled string grows no more.
  explicit JsonText(std::string buffer) : out_(std::move(buffer)) { out_.clear(); }
  JsonText& key(std::string_view name);
  JsonText& string(std::string_view text);  // CodecError when text is not UTF-8
  JsonText& integer(std::int64_t n);
  JsonText& boolean(bool b);
  JsonText& null();
  JsonText& open_object();
  JsonText& close_object();
  JsonText& open_array();
  JsonText& close_array();
  // JSON text already written by another encoder, as the next value.
  JsonText& raw(std::string_view json);
  std::string take() { return std::move(out_); }
  // Room for `bytes` of text, so a payload of known size grows once.
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  void before_value();
  void quote(std::string_view text);
  std::string out_;
  bool after_value_ = false;  // a ',' goes before the next key or array element
};

}  // namespace izin::detail
