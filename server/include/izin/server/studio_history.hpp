// The studio's saved versions of procedure files: who saved which text when,
// kept in a server-owned table so any two can be compared later.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace izin::server {

// One saved text of one procedure file.
struct SavedVersion {
  std::int64_t id = 0;
  std::string file;      // relative to the procedure directory, e.g. "pbg.izin"
  std::string saved_by;  // user name; "" for the text the file had before the studio first saved it
  std::string saved_at;  // UTC, ISO 8601
  std::string text;
};

// Where saved versions live (SQLite now; another database can follow).
class StudioHistory {
 public:
  virtual ~StudioHistory() = default;
  // Records a saved text; its id.
  virtual std::int64_t record(const std::string& file, const std::string& saved_by, const std::string& saved_at,
                              const std::string& text) = 0;
  // The file's versions, newest first, without their text.
  virtual std::vector<SavedVersion> list(const std::string& file) const = 0;
  // One version with its text, or nullopt.
  virtual std::optional<SavedVersion> find(std::int64_t id) const = 0;
};

// The history in the izin database at `path` (table service_studio_versions).
// The izin store must already exist there; throws std::runtime_error naming the file.
std::unique_ptr<StudioHistory> open_sqlite_studio_history(const std::string& path);

}  // namespace izin::server
