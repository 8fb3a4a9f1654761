// Which documents an application needs, from the data typed so far: the counter's
// checklist and the citizen's "still missing" list read the same rules.
#pragma once

#include <kainjow/mustache.hpp>

#include <vector>

#include "izin/procedure.hpp"
#include "izin/value.hpp"

namespace izin::server {

enum class Need { Required, Optional, NotNeeded, Undecided };

// Whether requirement `index` is needed for `data` (by field index) with `documents` received:
// Undecided while a field its condition reads is still blank.
Need requirement_need(const Procedure& p, std::size_t index, const std::vector<Value>& data,
                      const std::vector<bool>& documents);

// The checklist for an application: "brought" (documents the applicant brings, as checkboxes
// holding `received`) and "internal" (those the office obtains itself); not-needed ones left out.
kainjow::mustache::data checklist(const Procedure& p, const std::vector<Value>& data, const std::vector<bool>& received);

}  // namespace izin::server
