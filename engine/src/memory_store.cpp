// The in-memory Store: everything in maps, a due index, copy-then-swap commits.
#include <map>
#include <mutex>
#include <set>
#include <utility>

#include "izin/store.hpp"
#include "store_rules.hpp"

namespace izin {
namespace {

// Everything kept about one case.
struct CaseRecord {
  Case snapshot;
  std::optional<Instant> next_due;
  std::vector<JournalEntry> journal;
  std::map<std::string, std::size_t> keys;  // idempotency key → journal index
};

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
    return it->second.snapshot;
  }

  std::vector<Case> load_cases(const CaseFilter& filter) override {
    std::lock_guard lock(mutex_);
    std::vector<Case> out;
    for (const auto& [id, record] : cases_) {
      const auto& c = record.snapshot;
      if (!filter.procedure.empty() && c.procedure != filter.procedure) continue;
      if (!filter.state.empty() && detail::current_state_id(c) != filter.state) continue;
      if (filter.open_only && c.closed) continue;
      out.push_back(c);
    }
    return out;
  }

  void commit(const std::vector<CaseCommit>& batch) override {
    std::lock_guard lock(mutex_);
    std::map<std::string, CaseRecord> staged;
    for (const auto& change : batch) stage(staged, change);
    for (auto& [id, record] : staged) install(id, std::move(record));
  }

  std::vector<std::string> due_cases(Instant upto) override {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (auto it = due_.begin(); it != due_.end() && it->first <= upto; ++it) out.push_back(it->second);
    return out;
  }

  std::vector<JournalEntry> journal(const std::string& case_id) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(case_id);
    return it == cases_.end() ? std::vector<JournalEntry>{} : it->second.journal;
  }

  std::optional<JournalEntry> find_key(const std::string& case_id, const std::string& key) override {
    std::lock_guard lock(mutex_);
    const auto it = cases_.find(case_id);
    if (it == cases_.end() || key.empty()) return std::nullopt;
    const auto k = it->second.keys.find(key);
    if (k == it->second.keys.end()) return std::nullopt;
    return it->second.journal[k->second];
  }

 private:
  // Checks one change against the staged or stored case and applies it to
  // the staged copy; throws ConflictError, leaving the store untouched.
  void stage(std::map<std::string, CaseRecord>& staged, const CaseCommit& change) {
    const auto& id = change.after.id;
    auto slot = staged.find(id);
    if (slot == staged.end()) {
      const auto stored = cases_.find(id);
      slot = stored == cases_.end() ? staged.end() : staged.emplace(id, stored->second).first;
    }
    const bool exists = slot != staged.end();
    if (change.entry.kind == JournalEntry::Kind::Open) {
      if (exists) throw ConflictError("case " + id + " already exists; nothing was written");
      slot = staged.emplace(id, CaseRecord{}).first;
    } else if (!exists) {
      throw ConflictError("case " + id + " does not exist; nothing was written");
    } else if (slot->second.snapshot.revision != change.expected_revision) {
      throw ConflictError(detail::revision_conflict(id, slot->second.snapshot.revision, change.expected_revision));
    }
    append(slot->second, change);
  }

  // Adds the journal entry and the new snapshot to a staged record.
  static void append(CaseRecord& record, const CaseCommit& change) {
    const auto& id = change.after.id;
    JournalEntry entry = change.entry;
    entry.sequence = detail::journal_sequence(entry, record.journal.size(), id);
    if (!entry.key.empty()) {
      if (record.keys.count(entry.key) != 0)
        throw ConflictError("case " + id + ": idempotency key '" + entry.key + "' was already used");
      record.keys.emplace(entry.key, record.journal.size());
    }
    record.journal.push_back(std::move(entry));
    record.snapshot = change.after;
    record.next_due = change.next_due;
  }

  // Replaces a stored record with its staged version and keeps the due index right.
  void install(const std::string& id, CaseRecord record) {
    const auto old = cases_.find(id);
    if (old != cases_.end() && old->second.next_due) due_.erase({*old->second.next_due, id});
    if (record.next_due) due_.emplace(*record.next_due, id);
    cases_.insert_or_assign(id, std::move(record));
  }

  std::mutex mutex_;
  std::map<std::pair<std::string, int>, ProcedureSource> procedures_;
  std::map<std::string, std::uint64_t> counters_;
  std::map<std::string, CaseRecord> cases_;
  std::set<std::pair<Instant, std::string>> due_;  // (next due, case id)
};

}  // namespace

std::unique_ptr<Store> make_memory_store() { return std::make_unique<MemoryStore>(); }

}  // namespace izin
