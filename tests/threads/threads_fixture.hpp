// What the threaded tests share: the docs/language.md PBG example compiled from
// its file, the real belu calendar and WITA instants. A folder of its own so
// the ThreadSanitizer job (IZIN_TSAN=1 scripts/test.sh) builds only this.
#pragma once

#include <string>
#include <vector>

#include "izin/izin.hpp"

namespace izin::test {

// tests/dsl/data/pbg_example.izin compiled, without diagnostics.
ProcedurePtr make_pbg();

// The belu calendar loaded from procedures/calendars (real 2026 holidays).
CalendarPtr belu();

// An instant written as local WITA time ("2026-03-16T09:00").
Instant wita(const std::string& local);

// A PBG application of `luas` m² with every document the path asks for, by the front office.
OpenRequest pbg_application(int luas);

// `event` by `role` (actor "budi"), without data or documents.
EventRequest by(const std::string& event, const std::string& role);

// The five events from diajukan to disetujui, each by its role.
const std::vector<EventRequest>& pbg_path();

}  // namespace izin::test
