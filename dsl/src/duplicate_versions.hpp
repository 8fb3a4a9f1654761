// The same procedure id and version in two files: an error, never a choice.
#pragma once

#include "izin/load.hpp"

namespace izin::detail {

// Reports every procedure version compiled from more than one file (IZ010,
// one error at each copy naming the others' file:line) and drops all copies.
void refuse_duplicate_versions(Library& library, Language lang);

}  // namespace izin::detail
