// Stable names of the public enums, for logs, JSON and front ends: one
// overload per enum, all here. Names are lower-case identifiers and never
// change once released (stores and front ends keep them).
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <string_view>

#include "izin/case.hpp"
#include "izin/diagnostic.hpp"
#include "izin/expr.hpp"
#include "izin/log.hpp"
#include "izin/outcome.hpp"
#include "izin/store.hpp"
#include "izin/time.hpp"
#include "izin/value.hpp"

namespace izin {

std::string_view to_string(JournalEntry::Kind kind);  // "open", "fire", "advance", "calendar"
std::string_view to_string(RecordKind kind);  // "opened", "event", "deadline", "notification", "deadline_spent", "deadline_moved"
std::string_view to_string(RefusalCode code);  // "no_such_event", "role_not_allowed", … (as refusal_code_name)
std::string_view to_string(Language language);  // "en", "id" (as --lang takes them)
std::string_view to_string(Severity severity);  // "error", "warning", "note" (as severity_name)
std::string_view to_string(LogLevel level);  // "debug", "info", "warning", "error"
std::string_view to_string(DurationUnit unit);  // "working_days", "days", "hours"
std::string_view to_string(Type type);  // "number", "integer", "text", "bool", "date", "enum" (as type_name)
std::string_view to_string(Op op);  // "cond", "or", "and", "not", "eq", "ne", "lt", "le", "gt", "ge", "add", "sub", "mul", "div", "neg"
std::string_view to_string(Func func);  // "round", "ceil", "floor", "min", "max", "submitted" (as written in a procedure)
std::string_view to_string(Expr::Kind kind);  // "literal", "field", "unary", "binary", "conditional", "call", "rule"

}  // namespace izin

#pragma GCC visibility pop
