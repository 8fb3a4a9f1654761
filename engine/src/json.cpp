#include "izin/json.hpp"

#include "codec.hpp"
#include "codec_write.hpp"

namespace izin {

std::string to_json_text(const Case& c) {
  detail::JsonText j;
  detail::write(j, c, true);
  return j.take();
}

std::string to_json_text(const Outcome& o) { return detail::encode(o); }

}  // namespace izin
