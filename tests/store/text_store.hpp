// A third-party Store written against public headers only (store.hpp,
// codec.hpp): it keeps every case, record and journal entry as the codec's
// JSON text in std::map strings, and passes the whole store and outbox suites. It proves
// that a custom store needs none of the library's private code.
#pragma once

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "izin/codec.hpp"
#include "izin/store.hpp"

namespace izin::testing {

class TextStore final : public Store {
 public:
  void save_procedure(const ProcedureSource& source) override {
    procedures_.try_emplace({source.id, source.version}, source);
  }
  std::vector<ProcedureSource> load_procedures() override {
    std::vector<ProcedureSource> out;
    for (const auto& [key, source] : procedures_) out.push_back(source);
    return out;
  }

  void save_calendar(const CalendarSource& source) override {
    std::erase_if(calendars_, [&](const CalendarSource& c) { return c.hash == source.hash; });
    calendars_.push_back(source);
  }
  std::vector<CalendarSource> load_calendars() override { return calendars_; }

  std::string allocate_case_id(const std::string& procedure) override {
    auto& counter = counters_[procedure];
    std::string id;
    do {
      char digits[24];
      std::snprintf(digits, sizeof digits, "%06llu", static_cast<unsigned long long>(++counter));
      id = procedure + "-" + digits;
    } while (cases_.count(id) != 0);
    return id;
  }

  std::optional<Case> load_case(const std::string& id) override {
    const auto it = cases_.find(id);
    if (it == cases_.end()) return std::nullopt;
    if (const auto damage = first_damage(id, it->second)) throw DamagedCaseError(*damage, damage->problem);
    return read_case(it->second);
  }

  std::vector<Case> load_cases(const CaseFilter& filter) override {
    std::vector<Case> out;
    for (const auto& [id, kept] : cases_) {
      if (first_damage(id, kept)) continue;
      Case c = read_case(kept);
      const std::string state = c.history.empty() ? std::string() : c.history.back().to;
      if (!filter.procedure.empty() && c.procedure != filter.procedure) continue;
      if (!filter.state.empty() && state != filter.state) continue;
      if (filter.open_only && c.closed) continue;
      out.push_back(std::move(c));
    }
    return out;  // by id: the map is ordered
  }

  // Applies the batch to copies of the cases it touches; only a batch that
  // went through whole replaces the kept ones, so a conflict changes nothing.
  void commit(const std::vector<CaseCommit>& batch) override {
    std::map<std::string, std::optional<KeptCase>> scratch;
    for (const auto& change : batch) {
      const auto& id = change.after.id;
      auto slot = scratch.find(id);
      if (slot == scratch.end()) {
        const auto kept = cases_.find(id);
        slot = scratch.emplace(id, kept == cases_.end() ? std::nullopt : std::optional(kept->second)).first;
      }
      apply(slot->second, change);
    }
    std::vector<Notification> fresh;  // in commit order, checked whole before anything is kept
    for (const auto& change : batch)
      for (const auto& n : change.notifications) {
        const bool repeated = std::any_of(fresh.begin(), fresh.end(), [&](const auto& f) { return f.id == n.id; });
        if (outbox_.count(n.id) || repeated)
          throw ConflictError("notification " + n.id + " is already in the outbox; nothing was written");
        fresh.push_back(n);
      }
    for (auto& [id, kept] : scratch) cases_[id] = std::move(*kept);
    for (auto& n : fresh) {
      outbox_order_.push_back(n.id);
      outbox_.emplace(n.id, OutboxNotification{n, 0, "", n.at, std::nullopt});
    }
    last_commit_.clear();
    for (const auto& change : batch) {
      if (change.after.revision == change.expected_revision) continue;  // refused: journaled, not a change
      changes_.push_back(Change{changes_.size() + 1, change.after.id, change.after.revision, change.entry.kind,
                                change.entry.at});
      last_commit_.push_back(changes_.back());
    }
  }

  std::vector<OutboxNotification> due_notifications(Instant at, std::size_t limit) override {
    std::vector<OutboxNotification> due;
    for (const auto& id : outbox_order_)
      if (const auto& n = outbox_.at(id); !n.delivered_at && n.next_attempt <= at) due.push_back(n);
    std::stable_sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.next_attempt < b.next_attempt; });
    if (due.size() > limit) due.resize(limit);
    return due;
  }

  std::vector<OutboxNotification> undelivered_notifications(std::size_t limit) override {
    std::vector<OutboxNotification> out;
    for (const auto& id : outbox_order_)
      if (const auto& n = outbox_.at(id); !n.delivered_at && out.size() < limit) out.push_back(n);
    return out;
  }

  std::optional<OutboxNotification> find_notification(const std::string& id) override {
    const auto it = outbox_.find(id);
    return it == outbox_.end() ? std::nullopt : std::optional(it->second);
  }

  void record_deliveries(const std::vector<DeliveryAttempt>& attempts) override {
    for (const auto& a : attempts) {
      const auto it = outbox_.find(a.id);
      if (it == outbox_.end() || it->second.delivered_at) continue;  // unknown, or delivered first elsewhere
      if (a.delivered) {
        it->second.delivered_at = a.at;
        continue;
      }
      ++it->second.attempts;
      it->second.last_error = a.error;
      it->second.next_attempt = a.next_attempt;
    }
  }

  std::vector<Change> changes_since(std::uint64_t after, std::size_t limit) override {
    std::vector<Change> out;
    for (std::uint64_t s = after; s < changes_.size() && out.size() < limit; ++s) out.push_back(changes_[s]);
    return out;
  }

  std::vector<Change> last_commit_changes() override { return last_commit_; }

  std::vector<std::string> due_cases(Instant upto) override {
    std::vector<std::pair<Instant, std::string>> due;
    for (const auto& [id, kept] : cases_)
      if (kept.next_due && *kept.next_due <= upto) due.emplace_back(*kept.next_due, id);
    std::sort(due.begin(), due.end());
    std::vector<std::string> out;
    for (auto& [at, id] : due) out.push_back(std::move(id));
    return out;
  }

  std::vector<JournalEntry> journal(const std::string& case_id) override {
    std::vector<JournalEntry> out;
    const auto it = cases_.find(case_id);
    if (it == cases_.end()) return out;
    for (const auto& text : it->second.journal) out.push_back(decode_journal_entry(text));
    return out;
  }

  std::optional<JournalEntry> find_key(const std::string& case_id, const std::string& key) override {
    const auto it = cases_.find(case_id);
    if (it == cases_.end() || key.empty()) return std::nullopt;
    const auto k = it->second.keys.find(key);
    if (k == it->second.keys.end()) return std::nullopt;
    return decode_journal_entry(it->second.journal[k->second]);
  }

  std::vector<DamagedCase> damaged_cases() override {
    std::vector<DamagedCase> out;
    for (const auto& [id, kept] : cases_)
      if (auto damage = first_damage(id, kept)) out.push_back(std::move(*damage));
    return out;
  }

  void repair_case(const Case& rebuilt, std::optional<Instant> next_due) override {
    const auto it = cases_.find(rebuilt.id);
    if (it == cases_.end()) throw StoreError("case " + rebuilt.id + " does not exist; nothing was repaired");
    it->second.snapshot = encode_case(rebuilt, false);
    it->second.history.clear();
    for (const auto& r : rebuilt.history) it->second.history.push_back(encode_record(r));
    it->second.revision = rebuilt.revision;  // the next commit continues from the repaired revision
    it->second.next_due = next_due;
  }

  // Puts `text` in place of a case's snapshot, as a disk error would.
  void damage_snapshot(const std::string& case_id, std::string text) { cases_.at(case_id).snapshot = std::move(text); }

 private:
  // One case as text, plus the plain numbers the store checks and indexes.
  struct KeptCase {
    std::string snapshot;              // encode_case without history
    std::vector<std::string> history;  // encode_record, appended
    std::vector<std::string> journal;  // encode_journal_entry, appended
    std::map<std::string, std::size_t> keys;  // idempotency key → journal index
    std::uint64_t revision = 0;
    std::optional<Instant> next_due;
  };

  static Case read_case(const KeptCase& kept) {
    Case c = decode_case(kept.snapshot);
    for (const auto& text : kept.history) c.history.push_back(decode_record(text));
    return c;
  }

  // The first row of a case that does not decode, or nullopt.
  static std::optional<DamagedCase> first_damage(const std::string& id, const KeptCase& kept) {
    const auto bad = [&](const std::string& where, auto decode, const std::string& text) -> std::optional<DamagedCase> {
      try {
        decode(text);
        return std::nullopt;
      } catch (const CodecError& e) {
        return DamagedCase{id, where, e.what()};
      }
    };
    if (auto d = bad("cases row", decode_case, kept.snapshot)) return d;
    for (std::size_t i = 0; i < kept.history.size(); ++i)
      if (auto d = bad("history row " + std::to_string(i + 1), decode_record, kept.history[i])) return d;
    for (std::size_t i = 0; i < kept.journal.size(); ++i)
      if (auto d = bad("journal row " + std::to_string(i + 1), decode_journal_entry, kept.journal[i])) return d;
    return std::nullopt;
  }

  // Checks one change against `kept` (the case as the batch has left it so far) and applies it.
  static void apply(std::optional<KeptCase>& kept, const CaseCommit& change) {
    const auto& id = change.after.id;
    if (change.entry.kind == JournalEntry::Kind::Open) {
      if (kept) throw ConflictError("case " + id + " already exists; nothing was written");
      kept.emplace();
    } else if (!kept) {
      throw ConflictError("case " + id + " does not exist; nothing was written");
    } else if (kept->revision != change.expected_revision) {
      throw ConflictError("case " + id + " was changed by another process; nothing was written");
    }
    JournalEntry entry = change.entry;
    const auto next = kept->journal.size() + 1;
    if (entry.sequence != 0 && entry.sequence != next)
      throw ConflictError("case " + id + ": journal entry " + std::to_string(entry.sequence) + " is out of order");
    entry.sequence = next;
    if (!entry.key.empty() && !kept->keys.emplace(entry.key, kept->journal.size()).second)
      throw ConflictError("case " + id + ": idempotency key '" + entry.key + "' was already used");
    kept->journal.push_back(encode_journal_entry(entry));
    const auto& history = change.after.history;
    if (history.size() < kept->history.size()) kept->history.clear();  // rewritten, not appended
    for (auto i = kept->history.size(); i < history.size(); ++i) kept->history.push_back(encode_record(history[i]));
    kept->snapshot = encode_case(change.after, false);
    kept->revision = change.after.revision;
    kept->next_due = change.next_due;
  }

  std::map<std::pair<std::string, int>, ProcedureSource> procedures_;
  std::vector<CalendarSource> calendars_;  // least recently made current first
  std::map<std::string, std::uint64_t> counters_;
  std::map<std::string, KeptCase> cases_;
  std::map<std::string, OutboxNotification> outbox_;  // by delivery id
  std::vector<std::string> outbox_order_;             // delivery ids in commit order
  std::vector<Change> changes_;                       // changes_[i].sequence == i + 1
  std::vector<Change> last_commit_;
};

}  // namespace izin::testing
