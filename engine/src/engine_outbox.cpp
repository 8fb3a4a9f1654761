// Delivering the outbox at least once, and telling subscribers about changes.
#include <exception>
#include <iterator>

#include "engine_impl.hpp"

namespace izin {

namespace {
// How long a notification waits after its n-th failure (n from 1): 1 min,
// doubling, at most 1 h, so a sink that is down for a day is not hammered.
std::chrono::seconds retry_delay(std::uint32_t failures) {
  constexpr std::chrono::seconds first{60}, most{3600};
  if (failures >= 7) return most;  // 60 s << 6 = 64 min: past the cap, and no shift overflows
  const std::chrono::seconds delay = first * (1 << (failures - 1));
  return delay < most ? delay : most;
}

// What the sink said when it threw.
std::string error_text(const std::exception_ptr& thrown) {
  try {
    std::rethrow_exception(thrown);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "the sink threw something that is not a std::exception";
  }
}
}  // namespace

std::vector<DeliveryAttempt> Engine::Impl::try_deliver(const std::vector<Notification>& notes,
                                                       const std::vector<std::uint32_t>& failed) {
  std::vector<DeliveryAttempt> tries;
  if (!sink) return tries;
  const Instant now = clock.now();
  for (std::size_t i = 0; i < notes.size(); ++i) {
    DeliveryAttempt a{notes[i].id, now, true, "", now};
    try {
      sink->notify(notes[i]);
    } catch (...) {
      a.delivered = false;
      a.error = error_text(std::current_exception());
      a.next_attempt = now + retry_delay((i < failed.size() ? failed[i] : 0) + 1);
    }
    tries.push_back(std::move(a));
  }
  return tries;
}

void Engine::Impl::announce(const std::vector<Change>& changes, const std::vector<Notification>& notes) {
  publish(changes);
  if (notes.empty() || !sink) return;
  const std::vector<DeliveryAttempt> tries = try_deliver(notes, {});
  try {
    store.record_deliveries(tries);
  } catch (const StoreError&) {
    // The commit stands and the outbox still holds them as undelivered: a later
    // deliver_notifications hands them over again (at least once).
  }
}

void Engine::Impl::publish(const std::vector<Change>& changes) {
  if (changes.empty()) return;  // no subscriber was there at the commit (commit), or nothing changed
  unpublished.insert(unpublished.end(), changes.begin(), changes.end());
  if (publishing) return;  // a subscriber committed: the loop below reaches its changes in order
  publishing = true;
  while (!unpublished.empty()) {
    const Change change = std::move(unpublished.front());
    unpublished.pop_front();
    std::vector<std::size_t> ids;  // a callback may subscribe or unsubscribe others
    for (const auto& [id, callback] : subscribers) ids.push_back(id);
    for (const std::size_t id : ids) {
      const auto it = subscribers.find(id);
      if (it == subscribers.end()) continue;
      const auto callback = it->second;  // a copy: it may unsubscribe itself while running
      try {
        callback(change);
      } catch (...) {
        // Dropped on purpose: the change is committed and the caller must get its outcome.
      }
    }
  }
  publishing = false;
}

std::vector<DeliveryAttempt> Engine::deliver_notifications(std::size_t max) {
  Impl& impl = *impl_;
  if (!impl.sink) return {};
  std::vector<Notification> notes;
  std::vector<std::uint32_t> failed;
  for (OutboxNotification& kept : impl.store.due_notifications(impl.clock.now(), max)) {
    notes.push_back(std::move(kept.notification));
    failed.push_back(kept.attempts);
  }
  std::vector<DeliveryAttempt> tries = impl.try_deliver(notes, failed);
  impl.store.record_deliveries(tries);
  return tries;
}

std::vector<OutboxNotification> Engine::undelivered_notifications(std::size_t max) {
  return impl_->store.undelivered_notifications(max);
}

std::size_t Engine::subscribe(std::function<void(const Change&)> callback) {
  if (!callback) throw std::invalid_argument("Engine::subscribe: empty callback");
  const std::size_t id = impl_->next_subscription++;
  impl_->subscribers.emplace(id, std::move(callback));
  return id;
}

void Engine::unsubscribe(std::size_t subscription) { impl_->subscribers.erase(subscription); }

}  // namespace izin
