// JSON text of cases and outcomes, in the form the store keeps and
// `izin case --json` prints: keys sorted, numbers as exact decimal strings,
// values tagged by type ({"n":"2.25"}, {"t":"…"}, {"e":"usaha"} …), instants
// ISO 8601 UTC. Equal values give byte-equal text.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <string>

#include "izin/case.hpp"
#include "izin/outcome.hpp"

namespace izin {

std::string to_json_text(const Case& c);
std::string to_json_text(const Outcome& o);

}  // namespace izin

#pragma GCC visibility pop
