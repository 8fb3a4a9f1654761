// Store::case_notifications for stores without a faster way: the case's
// escalation records, each looked up in the outbox by its delivery id.
#include <string>

#include "izin/store.hpp"

namespace izin {

std::vector<OutboxNotification> Store::case_notifications(const std::string& case_id) {
  std::vector<OutboxNotification> out;
  const std::optional<Case> c = load_case(case_id);
  if (!c) return out;
  for (const HistoryRecord& r : c->history) {
    if (r.kind != RecordKind::Notification) continue;
    if (auto n = find_notification(case_id + "/" + std::to_string(r.sequence))) out.push_back(std::move(*n));
  }
  return out;
}

}  // namespace izin
