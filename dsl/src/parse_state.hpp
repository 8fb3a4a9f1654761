// What the grammar actions build while one file is parsed: the syntax tree
// so far and the scratch of the item in progress.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ast.hpp"
#include "source_text.hpp"
#include "syntax_words.hpp"

namespace izin::detail {

// How deep expressions may nest before the parser refuses them.
inline constexpr int kMaxExpressionDepth = 100;
// How many levels a whole expression tree may have: a chain `1 + 1 + …`
// nests no parentheses yet builds one level per operator, and every later
// walk (compile, validate, evaluate) would recurse that deep.
inline constexpr int kMaxExpressionHeight = 500;

// The actions' state for one file.
struct ParseState {
  const char* text = nullptr;  // start of the whole text (offsets count from here)
  const LineIndex* lines = nullptr;
  ast::ProcedureDecl procedure;

  // Scratch of the item being parsed; reset before each item.
  std::vector<ast::Expr> exprs;           // operand stack
  std::vector<Op> ops;                    // pending binary operators
  std::vector<std::size_t> call_marks;    // exprs.size() where a call's arguments start
  std::vector<ast::Name> call_names;      // functions being called
  std::string string;                     // the last string literal, unescaped
  std::optional<ast::Expr> condition;     // the last `when` condition
  ast::Name target;                       // the last `-> target`
  bool deemed = false;
  SourceLoc item_loc;
  ast::SlaDecl sla;
  ast::FieldDecl field;
  ast::RequirementDecl requirement;
  ast::FeeDecl fee;
  ast::RuleDecl rule;
  ast::SetDecl set;
  ast::TransitionDecl transition;
  ast::DeadlineDecl deadline;
  ast::StateDecl state;  // the state whose body is being parsed (kept across its items)
  int depth = 0;         // expression nesting
  std::vector<ast::Name> bad_numbers;  // literals too large to hold

  // Set when a syntax error is raised.
  const ExpectedWords* expected = nullptr;
  const char* error_at = nullptr;
  bool too_deep = false;
  bool too_long = false;  // an expression tree past kMaxExpressionHeight

  // Where a pointer into the text is.
  SourceLoc loc(const char* p) const { return lines->locate(static_cast<std::size_t>(p - text)); }
  // Forgets the scratch of the previous item (not the state being parsed).
  void reset_item() {
    exprs.clear(); ops.clear(); call_marks.clear(); call_names.clear();
    condition.reset(); target = {}; deemed = false; depth = 0;
  }
};

}  // namespace izin::detail
