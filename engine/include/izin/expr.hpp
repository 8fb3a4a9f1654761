// Checked expressions of guards, `when` conditions, `set` and fees.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <cstdint>
#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/value.hpp"

namespace izin {

struct Procedure;

// Operators, lowest precedence first as in docs/language.md.
enum class Op : std::uint8_t { Cond, Or, And, Not, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Neg };

// The built-in functions.
enum class Func : std::uint8_t { Round, Ceil, Floor, Min, Max, Submitted };

// A type-checked expression tree; names are resolved to indexes into the
// procedure's data fields and requirements.
struct Expr {
  enum class Kind : std::uint8_t { Literal, Field, Unary, Binary, Conditional, Call, Rule };

  Kind kind = Kind::Literal;
  Type type = Type::Bool;    // the checked type of the result
  Op op = Op::Eq;            // Unary, Binary (Conditional uses Op::Cond)
  Func func = Func::Round;   // Call
  Value literal;             // Literal
  int index = -1;            // Field: data field; Call Submitted: requirement; Rule: rule
  std::vector<Expr> args;    // operands / arguments / cond, then, else
  SourceLoc loc;             // where the expression starts
};

// What evaluating an expression gave: a value (null when a field it needs
// has no value), or an error such as division by zero.
struct Evaluation {
  Value value;
  std::string error;  // empty when ok
  bool ok() const { return error.empty(); }
};

// The case facts an expression reads.
struct EvalContext {
  const Procedure& procedure;
  const std::vector<Value>& data;      // by data field index
  const std::vector<bool>& documents;  // by requirement index: submitted?
};

// Evaluates with exact arithmetic. A comparison with a missing value is
// false; arithmetic with a missing value gives no value.
Evaluation evaluate(const Expr& e, const EvalContext& ctx);

// The expression as it would be written in a procedure file
// ("luas_bangunan > 100"), for explanations and diagrams.
std::string render(const Expr& e, const Procedure& p);

// Data field indexes the expression names, each once, in order of
// appearance (its own text only: not the fields of the rules it names).
std::vector<int> fields_read(const Expr& e);

// Rule indexes the expression names, each once, in order of first appearance
// (its own text only).
std::vector<int> rules_named(const Expr& e);

// The value of rule `index` for these facts: false when a field its own
// expression names has no value, or when it cannot be evaluated.
bool rule_holds(int index, const EvalContext& ctx);

}  // namespace izin

#pragma GCC visibility pop
