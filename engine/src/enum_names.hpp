// The name tables of public enums, index = enum value: shared by names.cpp
// (to_string) and the codec (which reads names back), so each name is spelled once.
#pragma once

#include <array>

namespace izin::detail {

inline constexpr std::array<const char*, 6> kRecordKinds = {
    "opened", "event", "deadline", "notification", "deadline_spent", "deadline_moved"};

inline constexpr std::array<const char*, 4> kJournalKinds = {"open", "fire", "advance", "calendar"};

inline constexpr std::array<const char*, 16> kRefusalCodes = {
    "unknown_case",     "case_closed",       "no_such_event", "role_not_allowed",
    "guard_false",      "missing_documents", "unknown_field", "wrong_type",
    "unknown_document", "evaluation_failed", "conflict",      "unknown_procedure",
    "key_reused",       "case_exists",       "invalid_text",  "clock_behind"};

// The name at the enum's index, or `fallback` for a value outside the table.
template <std::size_t N, typename E>
constexpr const char* name_at(const std::array<const char*, N>& names, E value, const char* fallback) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : fallback;
}

}  // namespace izin::detail
