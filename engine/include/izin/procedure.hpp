// The immutable model of one procedure version, as compiled from a .izin file
// (or built by an embedder directly).
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/expr.hpp"
#include "izin/time.hpp"
#include "izin/value.hpp"

namespace izin {

// Who may act (`roles a, b`).
struct Role {
  std::string id;
  SourceLoc loc;
};

// A case field (`data { luas_bangunan: number "Luas bangunan (m2)" }`).
struct DataField {
  std::string id;
  std::string label;                      // may be empty
  Type type = Type::Text;
  std::vector<std::string> enum_symbols;  // Type::Enum only, in declared order
  SourceLoc loc;
};

// A document (`gambar: "Dokumen rencana teknis" when luas_bangunan > 100`).
struct Requirement {
  std::string id;
  std::string label;
  std::optional<Expr> when;  // applies only when true; always when absent
  bool optional = false;     // never demanded
  SourceLoc loc;
  bool internal = false;     // obtained by the office itself, not brought by the applicant
};

// A named yes/no condition (`rule rasio_cukup "label" = EXPR`): read like a
// field in any expression; its label is the reason a refusal gives.
struct Rule {
  std::string id;
  std::string label;
  Expr condition;  // of type bool
  SourceLoc loc;
};

// A fee in whole rupiah (`fee retribusi "Retribusi PBG" = …`).
struct Fee {
  std::string id;
  std::string label;
  Expr amount;
  SourceLoc loc;
};

// `set F = EXPR` inside a transition.
struct Assignment {
  int field = -1;  // data field index
  Expr value;
  SourceLoc loc;
};

// `on EVENT [by …] [when …] [requires …] -> TARGET [deemed] { set … }`.
struct Transition {
  std::string event;
  std::vector<int> roles;         // role indexes; empty = anyone
  std::optional<Expr> guard;
  std::vector<int> documents;     // `requires`: requirement indexes
  int target = -1;                // state index
  bool deemed = false;
  std::vector<Assignment> sets;   // run in order
  SourceLoc loc;
};

// `after DURATION [when EXPR] -> TARGET [deemed] [{ set … }]` (target >= 0) or
// `after DURATION notify ROLE "message"` (notify_role >= 0).
struct Deadline {
  Duration after;
  std::optional<Expr> guard;
  int target = -1;
  bool deemed = false;
  std::vector<Assignment> sets;  // run in order when it fires (transitions only)
  int notify_role = -1;
  std::string message;
  SourceLoc loc;

  bool is_transition() const { return target >= 0; }
};

// A state; final states have an outcome and no body.
struct State {
  std::string id;
  std::string label;
  bool initial = false;
  bool final = false;
  std::string outcome;        // final states: granted, rejected, withdrawn, …
  bool clock_paused = false;  // SLA clock stops here
  std::vector<Transition> transitions;  // file order
  std::vector<Deadline> deadlines;      // file order
  SourceLoc loc;
};

// `sla N working days [from STATE]`.
struct Sla {
  int working_days = 0;
  int from_state = -1;  // -1: the clock starts at opening
  SourceLoc loc;
};

// One version of one procedure. Immutable once built; share it as
// std::shared_ptr<const Procedure>.
struct Procedure {
  std::string id;
  int version = 0;
  std::string title, legal, product;
  std::string calendar;  // calendar id; empty = none declared
  std::optional<Sla> sla;
  std::vector<Role> roles;
  std::vector<DataField> data;
  std::vector<Requirement> requirements;
  std::vector<Rule> rules;  // file order
  std::vector<Fee> fees;
  std::vector<State> states;
  int initial_state = -1;

  std::string file;         // where it was read from (may be empty)
  std::string source;       // exact source text (may be empty)
  std::string source_hash;  // hex digest of `source`
  SourceLoc loc;            // the `procedure` keyword

  // Index lookups by name; -1 when absent.
  int state_index(std::string_view name) const;
  int role_index(std::string_view name) const;
  int field_index(std::string_view name) const;
  int requirement_index(std::string_view name) const;
  int fee_index(std::string_view name) const;
  int rule_index(std::string_view name) const;
};

using ProcedurePtr = std::shared_ptr<const Procedure>;

}  // namespace izin

#pragma GCC visibility pop
