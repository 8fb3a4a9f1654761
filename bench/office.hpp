// The office every benchmark runs: docs/language.md's PBG example on the Belu
// calendar, the application of its scenario, and the five-event path.
#pragma once

#include <string>
#include <vector>

#include "izin/izin.hpp"

namespace izin::bench {

// The example procedure compiled and the office calendars loaded.
struct Office {
  CalendarSet calendars;  // procedures/calendars/*.yaml of the repository
  ProcedurePtr pbg;       // bench/pbg_example.izin
};

// Loads the office; throws std::runtime_error naming the first diagnostic
// when the example or a calendar does not load cleanly (bench misconfigured).
Office load_office();

// Registers the calendars and the procedure with an engine.
void register_office(Engine& engine, const Office& office);

// The application of docs/language.md's first scenario case: 150 m², 2 floors,
// usaha, with KTP, land title and drawing.
OpenRequest pbg_application();

// Opens `cases` applications in the SQLite file `db` (setup, not timed:
// synchronous=NORMAL) and returns their ids; each must be accepted.
std::vector<std::string> open_on_sqlite(const Office& office, const std::string& db, std::size_t cases);

// verifikasi → revisi → kirim_ulang → setujui → terbitkan, each by its role.
const std::vector<EventRequest>& pbg_path();

// An instant given as local time in Belu (WITA, UTC+8).
Instant wita(int year, unsigned month, unsigned day, int hour, int minute = 0);

// The text of a file; throws std::runtime_error when it cannot be read.
std::string read_text(const std::string& path);

// Throws std::runtime_error with `what` unless `ok`: the bench checks the
// work it timed really happened (a figure over refused events is worthless).
void require(bool ok, const std::string& what);

}  // namespace izin::bench
