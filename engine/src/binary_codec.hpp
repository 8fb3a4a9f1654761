// The binary codec's forms written into and read over the caller's objects,
// so a store that keeps them in process memory reuses its strings and vectors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "izin/case.hpp"

namespace izin::detail {

// The codec's number forms, for other compact forms inside the library:
// LEB128 varints appended to a string, and zigzag for signed numbers.
inline void append_varint(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7F) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}
inline std::uint64_t zigzag(std::int64_t n) {
  return (static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63);
}
inline std::int64_t unzigzag(std::uint64_t z) { return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1)); }

// Whether a decoder checks that every text is UTF-8: always for bytes from outside the
// process (a file, a peer); not for bytes this process encoded from checked texts itself.
enum class Texts { Check, Trusted };

// encode_case_binary into `out` (cleared first, capacity kept).
void write_case_binary(const Case& c, std::string& out);
// decode_case_binary over every field of `c` but its history, which is left as it was.
void read_case_binary(std::string_view bytes, Case& c, Texts texts = Texts::Check);
// Appends encode_records_binary(records) to `out`.
void append_records_binary(std::span<const HistoryRecord> records, std::string& out);
// Decodes the records encoding at the front of `bytes` over out[0 …], sets `used` to its
// length and returns how many records it held; throws CodecError beyond out's size.
std::size_t read_records_binary_at(std::string_view bytes, std::span<HistoryRecord> out, std::size_t& used,
                                   Texts texts = Texts::Check);

}  // namespace izin::detail
