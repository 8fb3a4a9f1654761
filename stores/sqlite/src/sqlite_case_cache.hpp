// Cases a connection read or committed lately, valid while no other
// connection commits (PRAGMA data_version): a case asked for again and again,
// or read right after this connection wrote it, is decoded once, not per request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "izin/case.hpp"
#include "sqlite_store_db.hpp"

namespace izin::detail {

class SqliteCaseCache {
 public:
  // The kept case, unless another connection committed since it was kept.
  std::optional<Case> find(SqliteDb& db, const std::string& id) {
    std::int64_t version = 0;
    {
      SqliteQuery q(db, "PRAGMA data_version", "checking for other writers");
      if (q.step()) version = q.integer(0);
    }
    if (version != version_) {
      cases_.clear();
      version_ = version;
      return std::nullopt;
    }
    const auto found = cases_.find(id);
    if (found == cases_.end()) return std::nullopt;
    return found->second;
  }
  void keep(const Case& c) {
    if (cases_.size() >= kMost) cases_.clear();  // bounded: a burst of reads must not grow memory
    cases_.insert_or_assign(c.id, c);
  }
  void drop(const std::string& id) { cases_.erase(id); }

 private:
  static constexpr std::size_t kMost = 1024;
  std::int64_t version_ = -1;
  std::unordered_map<std::string, Case> cases_;
};

}  // namespace izin::detail
