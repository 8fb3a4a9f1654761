// libFuzzer entry: any bytes through parse → compile → validate. A crash,
// hang, sanitizer report or an exception escaping is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "izin/load.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = izin::compile_procedure(text, "fuzz.izin");
  // A procedure is returned exactly when there are no errors.
  if ((result.procedure != nullptr) == izin::has_errors(result.diagnostics)) __builtin_trap();
  return 0;
}
