// The memory store's outbox and change feed: kept beside its cases, checked
// and applied under the store's lock as part of each commit.
#pragma once

#include <unordered_map>
#include <vector>

#include "izin/store.hpp"

namespace izin::detail {

class MemoryOutbox {
 public:
  // Throws ConflictError when a notification id of the batch is already kept or repeated.
  void check(const std::vector<CaseCommit>& batch) const;
  // Starts numbering the changes of a new commit.
  void begin_commit() { last_commit_.clear(); }
  // Keeps the commit's notifications and numbers it when it changed its case.
  void apply(const CaseCommit& commit);

  std::vector<OutboxNotification> due(Instant at, std::size_t limit) const;
  std::vector<OutboxNotification> undelivered(std::size_t limit) const;
  std::optional<OutboxNotification> find(const std::string& id) const;
  void record(const std::vector<DeliveryAttempt>& attempts);
  std::vector<Change> changes_since(std::uint64_t after, std::size_t limit) const;
  const std::vector<Change>& last_commit() const { return last_commit_; }

 private:
  std::vector<OutboxNotification> kept_;              // in commit order
  std::unordered_map<std::string, std::size_t> ids_;  // delivery id → index in kept_
  std::vector<Change> changes_;                       // changes_[i].sequence == i + 1
  std::vector<Change> last_commit_;
};

}  // namespace izin::detail
