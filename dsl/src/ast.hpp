// The syntax tree of one .izin file, as written: names are still text, and
// every node carries where it starts in the source (line, column).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/expr.hpp"
#include "izin/time.hpp"

namespace izin::detail::ast {

// A name as written (`pemeriksaan`) and where.
struct Name {
  std::string text;
  SourceLoc loc;
};

// An expression as written; names not yet resolved, literals still text.
struct Expr {
  enum class Kind : std::uint8_t { Number, Text, Bool, Date, Name, Unary, Binary, Conditional, Call };

  Kind kind = Kind::Bool;
  std::string text;         // literal text (unescaped for Text), name, or function name
  Op op = Op::Eq;           // Unary (Neg, Not), Binary, Conditional (Cond)
  std::vector<Expr> args;   // operands, call arguments, or cond/then/else
  SourceLoc loc;
  int height = 1;           // levels of this tree (1 for a leaf): bounds every walk over it
};

// `title "…"`, `legal "…"`, `product "…"`.
struct TextDecl {
  std::string keyword;
  std::string value;
  SourceLoc loc;
};

// `sla N working days [from STATE]`.
struct SlaDecl {
  std::int64_t working_days = 0;
  std::optional<Name> from;
  SourceLoc loc;
};

// `name: TYPE ["label"]` inside `data { … }`.
struct FieldDecl {
  Name name;
  std::string type;           // number, integer, text, bool, date, enum
  std::vector<Name> symbols;  // enum only
  std::string label;
  SourceLoc loc;
};

// `id: "label" [when EXPR] [optional] [internal]` inside `requirements { … }`.
struct RequirementDecl {
  Name name;
  std::string label;
  std::optional<Expr> when;
  bool optional = false;
  bool internal = false;
  SourceLoc loc;
};

// `rule ID "label" = EXPR`.
struct RuleDecl {
  Name name;
  std::string label;
  Expr condition;
  SourceLoc loc;
};

// `fee ID "label" = EXPR`.
struct FeeDecl {
  Name name;
  std::string label;
  Expr amount;
  SourceLoc loc;
};

// `set F = EXPR`.
struct SetDecl {
  Name field;
  Expr value;
  SourceLoc loc;
};

// `on EVENT [by …] [when …] [requires …] -> TARGET [deemed] [{ set … }]`.
struct TransitionDecl {
  Name event;
  std::vector<Name> roles;
  std::optional<Expr> guard;
  std::vector<Name> documents;
  Name target;
  bool deemed = false;
  std::vector<SetDecl> sets;
  SourceLoc loc;
};

// `after DURATION …` (a transition when `target` is set, else a notification).
// `set` lines of an automatic transition are in `sets`.
struct DeadlineDecl {
  Duration after;
  std::optional<Expr> guard;
  std::optional<Name> target;
  bool deemed = false;
  std::vector<SetDecl> sets;
  std::optional<Name> notify_role;
  std::string message;
  SourceLoc loc;
};

// `[initial|final] state ID ["label"] …`.
struct StateDecl {
  Name name;
  std::string label;
  bool initial = false;
  bool final = false;
  std::optional<Name> outcome;
  std::optional<SourceLoc> clock_paused;  // where `clock paused` stands
  std::vector<TransitionDecl> transitions;
  std::vector<DeadlineDecl> deadlines;
  SourceLoc loc;
};

// A whole file: `procedure ID version N { … }`.
struct ProcedureDecl {
  Name name;
  std::int64_t version = 0;
  SourceLoc loc;
  std::vector<TextDecl> texts;
  std::vector<Name> calendars;  // more than one is an error
  std::vector<SlaDecl> slas;    // more than one is an error
  std::vector<Name> roles;
  std::vector<FieldDecl> fields;
  std::vector<RequirementDecl> requirements;
  std::vector<RuleDecl> rules;
  std::vector<FeeDecl> fees;
  std::vector<StateDecl> states;
};

}  // namespace izin::detail::ast
