// The memory store's outbox and change feed (see memory_outbox.hpp).
#include "memory_outbox.hpp"

#include <algorithm>
#include <set>

#include "store_rules.hpp"

namespace izin::detail {

void MemoryOutbox::check(const std::vector<CaseCommit>& batch) const {
  std::set<std::string> fresh;
  for (const CaseCommit& commit : batch)
    for (const Notification& n : commit.notifications)
      if (ids_.count(n.id) || !fresh.insert(n.id).second) throw ConflictError(duplicate_notification(n.id));
}

void MemoryOutbox::apply(const CaseCommit& commit) {
  for (const Notification& n : commit.notifications) {
    ids_.emplace(n.id, kept_.size());
    kept_.push_back(OutboxNotification{n, 0, "", n.at, std::nullopt});
  }
  if (!advances_case(commit)) return;
  changes_.push_back(Change{changes_.size() + 1, commit.after.id, commit.after.revision, commit.entry.kind,
                            commit.entry.at});
  last_commit_.push_back(changes_.back());
}

std::vector<OutboxNotification> MemoryOutbox::due(Instant at, std::size_t limit) const {
  std::vector<const OutboxNotification*> due;
  for (const auto& kept : kept_)
    if (!kept.delivered_at && kept.next_attempt <= at) due.push_back(&kept);
  // Stable: equal due instants stay in commit order.
  std::stable_sort(due.begin(), due.end(), [](const auto* a, const auto* b) { return a->next_attempt < b->next_attempt; });
  std::vector<OutboxNotification> out;
  for (std::size_t i = 0; i < due.size() && i < limit; ++i) out.push_back(*due[i]);
  return out;
}

std::vector<OutboxNotification> MemoryOutbox::undelivered(std::size_t limit) const {
  std::vector<OutboxNotification> out;
  for (auto it = kept_.begin(); it != kept_.end() && out.size() < limit; ++it)
    if (!it->delivered_at) out.push_back(*it);
  return out;
}

std::optional<OutboxNotification> MemoryOutbox::find(const std::string& id) const {
  const auto it = ids_.find(id);
  if (it == ids_.end()) return std::nullopt;
  return kept_[it->second];
}

void MemoryOutbox::record(const std::vector<DeliveryAttempt>& attempts) {
  for (const DeliveryAttempt& a : attempts) {
    const auto it = ids_.find(a.id);
    if (it == ids_.end()) continue;
    OutboxNotification& kept = kept_[it->second];
    if (kept.delivered_at) continue;  // another engine delivered it first
    if (a.delivered) {
      kept.delivered_at = a.at;
      continue;
    }
    ++kept.attempts;
    kept.last_error = a.error;
    kept.next_attempt = a.next_attempt;
  }
}

std::vector<Change> MemoryOutbox::changes_since(std::uint64_t after, std::size_t limit) const {
  std::vector<Change> out;
  for (std::uint64_t s = after; s < changes_.size() && out.size() < limit; ++s) out.push_back(changes_[s]);
  return out;
}

}  // namespace izin::detail
