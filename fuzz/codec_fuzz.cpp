// libFuzzer entry for the binary codec (izin/codec.hpp): any bytes through
// decode_case_binary and decode_records_binary (both: the first byte names the
// form, so at most one accepts). A CodecError is the expected refusal; a crash,
// hang, sanitizer report or any other exception escaping is a finding. The
// format is canonical, so bytes that decode must re-encode to exactly
// themselves, and a refused batch of records must leave the vector untouched.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "izin/codec.hpp"

namespace {

// A record already in the vector the records are decoded onto.
const izin::HistoryRecord& earlier() {
  static const izin::HistoryRecord r{1, izin::Instant{std::chrono::seconds(1773622800)}, izin::RecordKind::Opened,
                                     {"ani", "loket"}, "", "", "berkas", {}, {"ktp"}, false, ""};
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bool decoded = false;

  try {
    const izin::Case c = izin::decode_case_binary(bytes);
    decoded = true;
    if (!c.history.empty()) __builtin_trap();
    if (izin::encode_case_binary(c) != bytes) __builtin_trap();  // not canonical
  } catch (const izin::CodecError&) {
  }

  std::vector<izin::HistoryRecord> out{earlier()};
  try {
    izin::decode_records_binary(bytes, out);
    if (decoded) __builtin_trap();  // read as a case and as records both
    decoded = true;
    if (out.empty() || out.front() != earlier()) __builtin_trap();  // what was there is kept
    if (izin::encode_records_binary(std::span(out).subspan(1)) != bytes) __builtin_trap();  // not canonical
  } catch (const izin::CodecError&) {
    if (out.size() != 1 || out.front() != earlier()) __builtin_trap();  // a refusal appended or changed something
  }

  if (decoded && !izin::is_binary_encoding(bytes)) __builtin_trap();
  return 0;
}
