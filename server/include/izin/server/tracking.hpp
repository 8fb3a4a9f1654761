// Citizens' tracking codes: one short random code per case, handed to the
// applicant on the receipt, kept only as a digest in a server-owned table.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace izin::server {

// Where tracking codes live (SQLite now; another database can follow).
class TrackingStore {
 public:
  virtual ~TrackingStore() = default;
  // A new code for the case, returned once in clear; replaces any earlier one.
  virtual std::string issue(const std::string& case_id) = 0;
  // Whether `code` (as a person typed it: any case, dashes, I/L/O for 1/0) is the case's.
  virtual bool matches(const std::string& case_id, std::string_view code) const = 0;
};

// The tracking codes in the izin database at `path` (table service_tracking).
// The izin store must already exist there; throws std::runtime_error naming the file.
std::unique_ptr<TrackingStore> open_sqlite_tracking_store(const std::string& path);

// 8 random characters of Crockford's base32 (no I, L, O, U): easy to read aloud and type.
std::string new_tracking_code();
// The code in canonical form (upper case, no dashes or spaces, I/L → 1, O → 0),
// or nullopt when it cannot be a tracking code.
std::optional<std::string> normalize_tracking_code(std::string_view typed);

}  // namespace izin::server
