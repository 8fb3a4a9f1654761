// Reading `expect` mappings of scenario steps and cases.
#pragma once

#include <optional>
#include <vector>

#include "scenario/model.hpp"
#include "scenario/reader.hpp"

namespace izin::detail {

// The expectations of one `expect` mapping; `refused` only after event
// steps. nullopt when any key had a problem (reported).
std::optional<std::vector<Expectation>> read_expect(ScenarioReader& r, const YAML::Node& n,
                                                    bool event_step);

}  // namespace izin::detail
