// A case in the procedure's names: what embedders read instead of the
// indexes the engine keeps (Engine::view).
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "izin/time.hpp"
#include "izin/value.hpp"

namespace izin {

// A deadline of the current state still waiting to fire.
struct PendingView {
  std::string after;         // as written and as history names it: "after 26 working days"
  Instant due;
  bool provisional = false;  // counted over days the calendar does not cover: may still move
  std::string target;        // state id it moves the case to; empty for a notification
  std::string notify;        // role it notifies; empty for a transition
  friend bool operator==(const PendingView&, const PendingView&) = default;
};

// One case by name: state id, data by field id, documents by requirement id.
struct CaseView {
  std::string id;
  std::string procedure;
  int version = 0;
  std::string state;        // state id
  std::string state_label;  // may be empty
  std::map<std::string, Value> data;   // every declared field by id; null when not filled in
  std::vector<std::string> documents;  // submitted requirement ids, in declared order
  std::vector<PendingView> pending;    // earliest first
  Instant opened_at;
  Instant entered_at;  // start of the current visit
  bool closed = false;
  std::string outcome;  // of the final state; empty while open
  bool deemed = false;
  std::uint64_t revision = 0;

  // The value of a declared field (null when not filled in); throws
  // std::out_of_range naming the case and the field when it is not declared.
  const Value& value(std::string_view field) const;
  // Whether the requirement's document was submitted (false for an undeclared id).
  bool submitted(std::string_view requirement) const;
};

}  // namespace izin

#pragma GCC visibility pop
