// A Store that passes every call to another one: tests derive from it and
// override the one call they watch or disturb (usually commit).
#pragma once

#include "izin/store.hpp"

namespace izin::test {

class ForwardingStore : public Store {
 public:
  explicit ForwardingStore(Store& inner) : inner_(inner) {}
  void save_procedure(const ProcedureSource& s) override { inner_.save_procedure(s); }
  std::vector<ProcedureSource> load_procedures() override { return inner_.load_procedures(); }
  void save_calendar(const CalendarSource& s) override { inner_.save_calendar(s); }
  std::vector<CalendarSource> load_calendars() override { return inner_.load_calendars(); }
  std::string allocate_case_id(const std::string& p) override { return inner_.allocate_case_id(p); }
  std::optional<Case> load_case(const std::string& id) override { return inner_.load_case(id); }
  std::vector<Case> load_cases(const CaseFilter& f) override { return inner_.load_cases(f); }
  void commit(const std::vector<CaseCommit>& batch) override { inner_.commit(batch); }
  std::vector<std::string> due_cases(Instant upto) override { return inner_.due_cases(upto); }
  std::vector<std::string> claim_due(Instant upto, std::size_t limit, std::chrono::seconds lease) override {
    return inner_.claim_due(upto, limit, lease);
  }
  CasePage query_cases(const CaseQuery& q) override { return inner_.query_cases(q); }
  std::vector<DueCase> due(Instant upto, std::size_t limit) override { return inner_.due(upto, limit); }
  std::vector<JournalEntry> journal(const std::string& id) override { return inner_.journal(id); }
  std::optional<JournalEntry> find_key(const std::string& id, const std::string& key) override {
    return inner_.find_key(id, key);
  }
  std::vector<DamagedCase> damaged_cases() override { return inner_.damaged_cases(); }
  void repair_case(const Case& c, std::optional<Instant> due) override { inner_.repair_case(c, due); }
  std::vector<OutboxNotification> due_notifications(Instant at, std::size_t limit) override {
    return inner_.due_notifications(at, limit);
  }
  std::vector<OutboxNotification> undelivered_notifications(std::size_t limit) override {
    return inner_.undelivered_notifications(limit);
  }
  std::optional<OutboxNotification> find_notification(const std::string& id) override {
    return inner_.find_notification(id);
  }
  std::vector<OutboxNotification> case_notifications(const std::string& id) override {
    return inner_.case_notifications(id);
  }
  void record_deliveries(const std::vector<DeliveryAttempt>& a) override { inner_.record_deliveries(a); }
  std::vector<Change> changes_since(std::uint64_t after, std::size_t limit) override {
    return inner_.changes_since(after, limit);
  }
  std::vector<Change> last_commit_changes() override { return inner_.last_commit_changes(); }

 private:
  Store& inner_;
};

}  // namespace izin::test
