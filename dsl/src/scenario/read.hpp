// Reading *.test.yaml files into Scenario models (yaml-cpp stays in here).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/load.hpp"
#include "scenario/model.hpp"

namespace izin::detail {

// Reads one scenario file. Problems become diagnostics in `out`; cases with
// problems are left out, and a file without a usable procedure has none.
Scenario read_scenario(const std::filesystem::path& file, const Library& library,
                       Language lang, std::vector<Diagnostic>& out);

// Reads a scenario file's text not yet saved (an editor's buffer); `file` names it in diagnostics.
Scenario read_scenario_text(const std::string& text, const std::string& file, const Library& library,
                            Language lang, std::vector<Diagnostic>& out);

}  // namespace izin::detail
