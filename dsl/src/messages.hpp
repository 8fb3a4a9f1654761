// Diagnostic codes of the front end and their messages in English and
// Indonesian (docs/diagnostics-front-end.md lists them).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "izin/diagnostic.hpp"

namespace izin::detail {

// Every message the front end can give; each has one stable code.
enum class Msg : std::uint8_t {
  PathMissing,         // IZ001
  FileUnreadable,      // IZ002
  DuplicateVersion,    // IZ010
  Syntax,              // IZ101
  SyntaxUnexpected,    // IZ101 (nothing matched at all)
  FinalHasBody,        // IZ101
  TrailingText,        // IZ101
  MissingClose,        // IZ101
  InvalidUtf8,         // IZ103
  ControlChar,         // IZ104
  TooDeep,             // IZ105
  NumberRange,         // IZ106
  BadDate,             // IZ107
  VersionBelowOne,     // IZ108
  ExpressionTooLong,   // IZ105 (a chain of operators)
  UndefinedState,      // IZ201
  UndefinedRole,       // IZ202
  UndefinedField,      // IZ203
  UndefinedName,       // IZ203 (in an expression of a procedure that declares rules)
  UndefinedRequirement,// IZ204
  NotEnumSymbol,       // IZ205
  Duplicate,           // IZ206
  DuplicateDecl,       // IZ207
  UnknownCalendar,     // IZ208
  UnknownFunction,     // IZ209
  RuleNameTaken,       // IZ210
  ArithmeticType,      // IZ301
  CompareTypes,        // IZ302
  NotBool,             // IZ303
  SetType,             // IZ304
  FeeType,             // IZ305
  DivideByZero,        // IZ306
  OrderType,           // IZ307
  BranchTypes,         // IZ308
  Arguments,           // IZ309
  RuleNotBool,         // IZ310
  NoInitial,           // IZ401
  SecondInitial,       // IZ402
};

// The stable code of a message ("IZ201").
std::string_view message_code(Msg msg);

// The message in `lang`, with {0}, {1}, … replaced by `args`.
std::string message_text(Msg msg, Language lang, std::initializer_list<std::string_view> args);

// " (did you mean 'x'?)" in `lang`, or "" when `suggestion` is empty.
std::string did_you_mean(std::string_view suggestion, Language lang);

}  // namespace izin::detail
