// Escalations kept for the pages' inbox in a server-owned table (service_inbox)
// of the accounts file. They are copied from the store as cases change, so the
// inbox does not depend on webhook delivery, which marks the store's outbox only.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "izin/engine.hpp"

namespace izin::server {

// One page of an inbox, newest first.
struct InboxPage {
  std::vector<Notification> notifications;
  std::uint64_t next = 0;  // pass as `before` for the next page; 0: this was the last
  std::size_t total = 0;   // every escalation to the roles
};

class InboxStore {
 public:
  // Opens (creating its tables) the inbox in the SQLite file at `path`; throws std::runtime_error naming it.
  explicit InboxStore(const std::string& path);
  ~InboxStore();
  InboxStore(const InboxStore&) = delete;
  InboxStore& operator=(const InboxStore&) = delete;

  // Copies the escalations of cases changed since the last call (the store's change
  // feed, from a kept cursor), at most a few thousand changes a call so no call stalls.
  void collect(Store& store);
  // Escalations to any of `roles` (none for no roles), kept before position `before` (0: all).
  InboxPage page(const std::vector<std::string>& roles, std::uint64_t before, std::size_t limit) const;

 private:
  // Keeps the case's notifications not kept yet.
  void copy_new(Store& store, const std::string& case_id);
  void keep(const Notification& n);
  bool kept(const std::string& id) const;
  std::uint64_t cursor() const;
  void set_cursor(std::uint64_t sequence);
  sqlite3_stmt* prepare(const char* sql) const;
  [[noreturn]] void fail() const;

  sqlite3* db_ = nullptr;
};

}  // namespace izin::server
