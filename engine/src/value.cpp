// Typed values: names of types, text for people, and parsing clerk input.
#include "izin/value.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>

namespace izin {

std::string_view type_name(Type type) {
  switch (type) {
    case Type::Number:
      return "number";
    case Type::Integer:
      return "integer";
    case Type::Text:
      return "text";
    case Type::Bool:
      return "bool";
    case Type::Date:
      return "date";
    case Type::Enum:
      return "enum";
  }
  return "text";
}

namespace {

// A string in double quotes with `"` and `\` escaped, as a procedure file writes it.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

// Lower-case ASCII copy, for words such as "Ya" or "TRUE".
std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

// A yes/no answer in English or Indonesian; nullopt for anything else.
std::optional<bool> parse_bool(std::string_view text) {
  const std::string word = lower(text);
  if (word == "true" || word == "ya") return true;
  if (word == "false" || word == "tidak") return false;
  return std::nullopt;
}

}  // namespace

std::string Value::to_string() const {
  if (is_null()) return "(no value)";
  if (is_number()) return number().to_string();
  if (is_text()) return quoted(text());
  if (is_bool()) return boolean() ? "true" : "false";
  if (is_date()) return date().to_string();
  return enum_value().symbol;
}

bool Value::fits(Type type) const {
  if (is_null()) return true;
  switch (type) {
    case Type::Number:
      return is_number();
    case Type::Integer:
      return is_number() && number().is_integer();
    case Type::Text:
      return is_text();
    case Type::Bool:
      return is_bool();
    case Type::Date:
      return is_date();
    case Type::Enum:
      return is_enum();
  }
  return false;
}

std::optional<Value> parse_value(std::string_view text, Type type, const std::vector<std::string>& symbols) {
  switch (type) {
    case Type::Number:
    case Type::Integer: {
      const auto number = Decimal::parse(text);
      if (!number || (type == Type::Integer && !number->is_integer())) return std::nullopt;
      return Value(*number);
    }
    case Type::Text:
      return Value(std::string(text));
    case Type::Bool: {
      const auto answer = parse_bool(text);
      if (!answer) return std::nullopt;
      return Value(*answer);
    }
    case Type::Date: {
      const auto date = Date::parse(text);
      if (!date) return std::nullopt;
      return Value(*date);
    }
    case Type::Enum: {
      if (std::find(symbols.begin(), symbols.end(), text) == symbols.end()) return std::nullopt;
      return Value(EnumValue{std::string(text)});
    }
  }
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const Value& v) { return out << v.to_string(); }

}  // namespace izin
