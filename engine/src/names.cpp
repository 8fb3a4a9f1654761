// Names of the public enums (names.hpp). A value outside its enum (a cast
// from a bad integer) gets "unknown" rather than undefined behaviour.
#include "izin/names.hpp"

#include <array>

#include "enum_names.hpp"

namespace izin {

namespace {
constexpr const char* kUnknown = "unknown";
constexpr std::array<const char*, 2> kLanguages = {"en", "id"};
constexpr std::array<const char*, 4> kLogLevels = {"debug", "info", "warning", "error"};
constexpr std::array<const char*, 3> kDurationUnits = {"working_days", "days", "hours"};
constexpr std::array<const char*, 15> kOps = {"cond", "or", "and", "not", "eq",  "ne",  "lt", "le",
                                              "gt",   "ge", "add", "sub", "mul", "div", "neg"};
constexpr std::array<const char*, 6> kFuncs = {"round", "ceil", "floor", "min", "max", "submitted"};
constexpr std::array<const char*, 7> kExprKinds = {"literal", "field", "unary", "binary",
                                                   "conditional", "call", "rule"};
}  // namespace

using detail::name_at;

std::string_view to_string(JournalEntry::Kind kind) { return name_at(detail::kJournalKinds, kind, kUnknown); }
std::string_view to_string(RecordKind kind) { return name_at(detail::kRecordKinds, kind, kUnknown); }
std::string_view to_string(RefusalCode code) { return name_at(detail::kRefusalCodes, code, kUnknown); }
std::string_view to_string(Language language) { return name_at(kLanguages, language, kUnknown); }
std::string_view to_string(Severity severity) { return severity_name(severity); }
std::string_view to_string(LogLevel level) { return name_at(kLogLevels, level, kUnknown); }
std::string_view to_string(DurationUnit unit) { return name_at(kDurationUnits, unit, kUnknown); }
std::string_view to_string(Type type) { return type_name(type); }
std::string_view to_string(Op op) { return name_at(kOps, op, kUnknown); }
std::string_view to_string(Func func) { return name_at(kFuncs, func, kUnknown); }
std::string_view to_string(Expr::Kind kind) { return name_at(kExprKinds, kind, kUnknown); }

}  // namespace izin
