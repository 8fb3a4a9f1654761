// Reading *.test.yaml files into Scenario models (yaml-cpp stays in here).
#pragma once

#include <filesystem>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/load.hpp"
#include "scenario/model.hpp"

namespace izin::detail {

// Reads one scenario file. Problems become diagnostics in `out`; cases with
// problems are left out, and a file without a usable procedure has none.
Scenario read_scenario(const std::filesystem::path& file, const Library& library,
                       Language lang, std::vector<Diagnostic>& out);

}  // namespace izin::detail
