// Typed values of case data, literals and results of expressions.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "izin/decimal.hpp"
#include "izin/time.hpp"

namespace izin {

// The declared type of a data field or the checked type of an expression.
enum class Type : std::uint8_t { Number, Integer, Text, Bool, Date, Enum };

// "number", "integer", "text", "bool", "date", "enum".
std::string_view type_name(Type type);

// A value of an enum field: the symbol as written ("usaha").
struct EnumValue {
  std::string symbol;
  friend bool operator==(const EnumValue&, const EnumValue&) = default;
};

// A value, or no value at all (a field not yet filled in).
class Value {
 public:
  using Variant = std::variant<std::monostate, Decimal, std::string, bool, Date, EnumValue>;

  Value() = default;
  Value(Decimal d) : v_(d) {}             // NOLINT: implicit on purpose
  // Any integer type is a number (bool is a yes/no value, below).
  template <std::integral I>
    requires(!std::same_as<I, bool> && !std::same_as<I, char>)
  Value(I i) : v_(Decimal(i)) {}  // NOLINT
  // Binary floating point would lose rupiah: use Decimal::parse("150.5").
  template <std::floating_point F>
  Value(F) = delete;
  Value(char) = delete;  // a character is neither a number nor text here
  Value(std::string s) : v_(std::move(s)) {}  // NOLINT
  Value(const char* s) : v_(std::string(s)) {}  // NOLINT
  Value(bool b) : v_(b) {}                  // NOLINT
  Value(Date d) : v_(d) {}                  // NOLINT
  Value(EnumValue e) : v_(std::move(e)) {}  // NOLINT

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  bool is_number() const { return std::holds_alternative<Decimal>(v_); }
  bool is_text() const { return std::holds_alternative<std::string>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_date() const { return std::holds_alternative<Date>(v_); }
  bool is_enum() const { return std::holds_alternative<EnumValue>(v_); }

  const Decimal& number() const { return std::get<Decimal>(v_); }
  const std::string& text() const { return std::get<std::string>(v_); }
  bool boolean() const { return std::get<bool>(v_); }
  Date date() const { return std::get<Date>(v_); }
  const EnumValue& enum_value() const { return std::get<EnumValue>(v_); }
  const Variant& variant() const { return v_; }

  // Text for people and for explanations: 150, 2.25, "lulus", true,
  // 2026-03-16, usaha; "(no value)" when null.
  std::string to_string() const;
  // Whether this value may be stored in a field of `type` (null always may;
  // an integer field takes only whole numbers).
  bool fits(Type type) const;

  friend bool operator==(const Value&, const Value&) = default;

 private:
  Variant v_;
};

// Writes to_string().
std::ostream& operator<<(std::ostream& out, const Value& v);

// Parses the text a clerk types (`--data luas_bangunan=150`) as a value of
// `type`; enum symbols are checked against `symbols`. nullopt when it does not fit.
std::optional<Value> parse_value(std::string_view text, Type type,
                                 const std::vector<std::string>& symbols = {});

}  // namespace izin

#pragma GCC visibility pop
