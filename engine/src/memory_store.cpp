// The in-memory Store: cases kept as compact bytes in a hash map, a due index, check-then-apply commits.
#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <memory_resource>
#include <mutex>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "case_query.hpp"
#include "izin/store.hpp"
#include "memory_case.hpp"
#include "memory_outbox.hpp"
#include "store_rules.hpp"

namespace izin {
namespace {

// A Store that lives and dies with the process.
class MemoryStore final : public Store {
 public:
  void save_procedure(const ProcedureSource& source) override {
    std::lock_guard lock(mutex_);
    procedures_.try_emplace({source.id, source.version}, source);
  }

  std::vector<ProcedureSource> load_procedures() override {
    std::lock_guard lock(mutex_);
    std::vector<ProcedureSource> out;
    for (const auto& [key, source] : procedures_) out.push_back(source);
    return out;
  }

  void save_calendar(const CalendarSource& source) override {
    std::lock_guard lock(mutex_);
    std::erase_if(calendars_, [&](const CalendarSource& c) { return c.hash == source.hash; });
    calendars_.push_back(source);
  }

  std::vector<CalendarSource> load_calendars() override {
    std::lock_guard lock(mutex_);
    return calendars_;
  }

  std::string allocate_case_id(const std::string& procedure) override {
    std::lock_guard lock(mutex_);
    auto& counter = counters_[procedure];
    std::string id;
    do {
      id = detail::format_case_id(procedure, ++counter);
    } while (cases_.count(id) != 0);
    return id;
  }

  std::optional<Case> load_case(const std::string& id) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(id);
    if (it == cases_.end()) return std::nullopt;
    Case c;
    it->second.read(c);
    return c;
  }

  // Decoded over out's own strings and vectors: a reload into a recycled case allocates (almost) nothing.
  bool load_case_into(const std::string& id, Case& out) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(id);
    if (it == cases_.end()) return false;
    it->second.read(out);
    return true;
  }

  std::vector<Case> load_cases(const CaseFilter& filter) override {
    std::lock_guard lock(mutex_);
    std::vector<Case> out;
    Case c;
    for (const auto& [id, record] : cases_) {
      record.read_snapshot(c);
      if (!filter.procedure.empty() && c.procedure != filter.procedure) continue;
      if (!filter.state.empty() && record.state_id() != filter.state) continue;
      if (filter.open_only && c.closed) continue;
      record.read(out.emplace_back());
    }
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.id < b.id; });
    return out;
  }

  // Checks the whole batch first, then applies it in place: nothing is
  // copied but the new history records, and a conflict changes nothing.
  void commit(const std::vector<CaseCommit>& batch) override {
    std::lock_guard lock(mutex_);
    check(batch);
    outbox_.check(batch);
    outbox_.begin_commit();
    for (const auto& change : batch) {
      apply(change);
      outbox_.apply(change);
    }
  }

  std::vector<std::string> due_cases(Instant upto) override {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (auto it = due_.begin(); it != due_.end() && it->first <= upto; ++it) out.push_back(it->second);
    return out;
  }

  CasePage query_cases(const CaseQuery& query) override {
    detail::check_resolved(query);
    std::lock_guard lock(mutex_);
    std::vector<CaseSummary> matches;
    Case c;
    for (const auto& [id, record] : cases_) {
      record.read_snapshot(c);
      CaseSummary s = detail::summarize(c, record.state_id(), record.next_due);
      if (detail::matches(query, s, c.data)) matches.push_back(std::move(s));
    }
    return detail::page_of(std::move(matches), query);
  }

  std::vector<DueCase> due(Instant upto, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    std::vector<DueCase> out;
    for (auto it = due_.begin(); it != due_.end() && it->first <= upto && out.size() < limit; ++it)
      out.push_back({it->second, it->first});
    return out;
  }

  std::vector<JournalEntry> journal(const std::string& case_id) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(case_id);
    return it == cases_.end() ? std::vector<JournalEntry>{} : it->second.journal();
  }

  std::optional<JournalEntry> find_key(const std::string& case_id, const std::string& key) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(case_id);
    if (it == cases_.end() || key.empty()) return std::nullopt;
    return it->second.find_key(key);
  }

  // Process memory holds bytes only this store wrote: nothing can be stored damaged.
  std::vector<DamagedCase> damaged_cases() override { return {}; }

  void repair_case(const Case& rebuilt, std::optional<Instant> next_due) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(rebuilt.id);
    if (it == cases_.end()) throw StoreError("case " + rebuilt.id + " does not exist; nothing was repaired");
    detail::StoredCase& record = it->second;
    record.replace(rebuilt);
    if (record.next_due) due_.erase({*record.next_due, rebuilt.id});
    record.next_due = next_due;
    if (next_due) due_.emplace(*next_due, rebuilt.id);
  }

  // --- The notification outbox and the change feed (memory_outbox.hpp) ---
  std::vector<OutboxNotification> due_notifications(Instant at, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return outbox_.due(at, limit);
  }
  std::vector<OutboxNotification> undelivered_notifications(std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return outbox_.undelivered(limit);
  }
  std::optional<OutboxNotification> find_notification(const std::string& id) override {
    std::lock_guard lock(mutex_);
    return outbox_.find(id);
  }
  void record_deliveries(const std::vector<DeliveryAttempt>& attempts) override {
    std::lock_guard lock(mutex_);
    outbox_.record(attempts);
  }
  std::vector<Change> changes_since(std::uint64_t after, std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return outbox_.changes_since(after, limit);
  }
  std::vector<Change> last_commit_changes() override {
    std::lock_guard lock(mutex_);
    return outbox_.last_commit();
  }

 private:
  // What a case will look like, as far as the checks care, part-way through a batch.
  struct Expected {
    std::uint64_t revision = 0;
    std::uint64_t journal_size = 0;
    std::set<std::string> new_keys;
  };

  // Throws ConflictError when any change of the batch cannot be applied.
  void check(const std::vector<CaseCommit>& batch) const {
    // Nodes come from the stack first: a batch of a few cases allocates nothing.
    std::array<std::byte, 2048> buffer;
    std::pmr::monotonic_buffer_resource pool(buffer.data(), buffer.size());
    std::pmr::map<std::string_view, Expected> seen(&pool);  // keys are the batch's own ids
    for (const auto& change : batch) {
      const auto& id = change.after.id;
      auto slot = seen.find(id);
      const auto stored = cases_.find(id);
      if (slot == seen.end() && stored != cases_.end())
        slot = seen.emplace(id, Expected{stored->second.revision(), stored->second.journal_size(), {}}).first;
      const bool exists = slot != seen.end();
      if (change.entry.kind == JournalEntry::Kind::Open) {
        if (exists) throw ConflictError("case " + id + " already exists; nothing was written");
        slot = seen.emplace(id, Expected{}).first;
      } else if (!exists) {
        throw ConflictError("case " + id + " does not exist; nothing was written");
      } else if (slot->second.revision != change.expected_revision) {
        throw ConflictError(detail::revision_conflict(id, slot->second.revision, change.expected_revision));
      }
      Expected& e = slot->second;
      detail::journal_sequence(change.entry, e.journal_size, id);
      const auto& key = change.entry.key;
      if (!key.empty() && ((stored != cases_.end() && stored->second.has_key(key)) || !e.new_keys.insert(key).second))
        throw ConflictError("case " + id + ": idempotency key '" + key + "' was already used");
      e.revision = change.after.revision;
      ++e.journal_size;
    }
  }

  // Applies one checked change: journal entry, snapshot, due index.
  void apply(const CaseCommit& change) {
    const auto& id = change.after.id;
    detail::StoredCase& record = cases_[id];
    record.append(change.entry);
    record.write(change.after);
    if (record.next_due == change.next_due) return;  // the due index moves only when the date does
    move_due(id, record.next_due, change.next_due);
    record.next_due = change.next_due;
  }

  // Moves a case in the due index, reusing its node when it stays in.
  void move_due(const std::string& id, const std::optional<Instant>& was, const std::optional<Instant>& now) {
    auto node = was ? due_.extract({*was, id}) : decltype(due_)::node_type{};
    if (!now) return;
    if (node.empty()) {
      due_.emplace(*now, id);
      return;
    }
    node.value().first = *now;
    due_.insert(std::move(node));
  }

  std::mutex mutex_;
  std::map<std::pair<std::string, int>, ProcedureSource> procedures_;
  std::vector<CalendarSource> calendars_;  // least recently made current first
  std::map<std::string, std::uint64_t> counters_;
  std::unordered_map<std::string, detail::StoredCase> cases_;  // hashed: every event looks its case up
  std::set<std::pair<Instant, std::string>> due_;  // (next due, case id)
  detail::MemoryOutbox outbox_;
};

}  // namespace

std::unique_ptr<Store> make_memory_store() { return std::make_unique<MemoryStore>(); }

}  // namespace izin
