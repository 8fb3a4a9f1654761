// How the SQLite store keeps case snapshots and history records: in the
// binary forms of izin/codec.hpp since schema 8. A row an older izin wrote
// as JSON that could not be read stays as it was, so its case stays
// quarantined (izin doctor) instead of the upgrade failing or dropping it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "izin/case.hpp"
#include "sqlite_store_db.hpp"

namespace izin::detail {

// A stored snapshot (no history); throws CodecError when unreadable.
Case decode_stored_case(std::string_view stored);
// Appends a row's stored history records; throws CodecError, appending nothing, when unreadable.
void append_stored_records(std::string_view stored, std::vector<HistoryRecord>& out);

// Schema 7 → 8: every readable JSON snapshot and records array rewritten in binary.
void convert_to_binary(SqliteDb& db);

}  // namespace izin::detail
