// Internal entry to the SQLite store with limits the public options do not
// offer; the tests use it to make a disk "full" without filling a disk.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "izin/sqlite_store.hpp"

namespace izin::detail {

// Opens the SQLite store; max_page_count > 0 caps the database size in pages.
std::unique_ptr<Store> open_sqlite_store_limited(const std::string& path, const SqliteOptions& options,
                                                 std::int64_t max_page_count);

}  // namespace izin::detail
