// Every public enum has a distinct, stable name, spelled as JSON and front ends spell it.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "codec.hpp"
#include "izin/names.hpp"

using namespace izin;

namespace {

// The names of enum values 0 … count-1; fails when two share a name or one is "unknown".
template <typename E>
std::set<std::string> all_names(int count) {
  std::set<std::string> names;
  for (int i = 0; i < count; ++i) {
    const std::string name(to_string(static_cast<E>(i)));
    INFO("value " << i);
    CHECK(name != "unknown");
    CHECK_FALSE(name.empty());
    names.insert(name);
  }
  CHECK(names.size() == static_cast<std::size_t>(count));
  return names;
}

}  // namespace

TEST_CASE("every value of every public enum has its own name", "[names]") {
  all_names<JournalEntry::Kind>(4);
  all_names<RecordKind>(6);
  all_names<RefusalCode>(16);
  all_names<Language>(2);
  all_names<Severity>(3);
  all_names<LogLevel>(4);
  all_names<DurationUnit>(3);
  all_names<Type>(6);
  all_names<Op>(15);
  all_names<Func>(6);
  all_names<Expr::Kind>(7);
}

TEST_CASE("a value outside its enum is named unknown", "[names]") {
  CHECK(to_string(static_cast<RefusalCode>(200)) == "unknown");
  CHECK(to_string(static_cast<JournalEntry::Kind>(9)) == "unknown");
  CHECK(to_string(static_cast<LogLevel>(9)) == "unknown");
}

TEST_CASE("names are those the JSON, the command line and the older functions use", "[names]") {
  CHECK(to_string(JournalEntry::Kind::Calendar) == detail::journal_kind_name(JournalEntry::Kind::Calendar));
  CHECK(to_string(RecordKind::DeadlineMoved) == detail::record_kind_name(RecordKind::DeadlineMoved));
  CHECK(to_string(RefusalCode::ClockBehind) == "clock_behind");
  CHECK(to_string(RefusalCode::GuardFalse) == refusal_code_name(RefusalCode::GuardFalse));
  CHECK(to_string(Language::Indonesian) == "id");
  CHECK(parse_language(to_string(Language::Indonesian)) == Language::Indonesian);
  CHECK(to_string(Severity::Warning) == "warning");
  CHECK(to_string(LogLevel::Warning) == "warning");
  CHECK(to_string(DurationUnit::WorkingDays) == "working_days");
  CHECK(to_string(Type::Date) == "date");
  CHECK(to_string(Op::Neg) == "neg");
  CHECK(to_string(Func::Submitted) == "submitted");
  CHECK(to_string(Expr::Kind::Conditional) == "conditional");
}
