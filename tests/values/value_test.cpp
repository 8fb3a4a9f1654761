// Values of case data: type names, text for people, fitting and clerk input.
#include "izin/value.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <sstream>

using izin::Date;
using izin::Decimal;
using izin::EnumValue;
using izin::parse_value;
using izin::Type;
using izin::Value;

TEST_CASE("type names are the words of the language", "[value]") {
  CHECK(izin::type_name(Type::Number) == "number");
  CHECK(izin::type_name(Type::Integer) == "integer");
  CHECK(izin::type_name(Type::Text) == "text");
  CHECK(izin::type_name(Type::Bool) == "bool");
  CHECK(izin::type_name(Type::Date) == "date");
  CHECK(izin::type_name(Type::Enum) == "enum");
}

TEST_CASE("values print as people read them", "[value]") {
  CHECK(Value(150).to_string() == "150");
  CHECK(Value(Decimal::fraction(9, 4)).to_string() == "2.25");
  CHECK(Value("lulus").to_string() == "\"lulus\"");
  CHECK(Value("a \"b\" \\").to_string() == "\"a \\\"b\\\" \\\\\"");
  CHECK(Value(true).to_string() == "true");
  CHECK(Value(false).to_string() == "false");
  CHECK(Value(Date::from_ymd(2026, 3, 16)).to_string() == "2026-03-16");
  CHECK(Value(EnumValue{"usaha"}).to_string() == "usaha");
  CHECK(Value().to_string() == "(no value)");
}

TEST_CASE("an integer field takes only whole numbers, null fits every type", "[value]") {
  CHECK(Value(3).fits(Type::Integer));
  CHECK_FALSE(Value(Decimal::fraction(5, 2)).fits(Type::Integer));
  CHECK(Value(Decimal::fraction(5, 2)).fits(Type::Number));
  CHECK_FALSE(Value("3").fits(Type::Number));
  CHECK_FALSE(Value(true).fits(Type::Text));
  CHECK(Value(EnumValue{"usaha"}).fits(Type::Enum));
  CHECK_FALSE(Value(EnumValue{"usaha"}).fits(Type::Text));
  CHECK(Value(Date{}).fits(Type::Date));
  for (Type t : {Type::Number, Type::Integer, Type::Text, Type::Bool, Type::Date, Type::Enum})
    CHECK(Value().fits(t));
}

TEST_CASE("clerk input parses by the field's type", "[value]") {
  CHECK(parse_value("150", Type::Number) == Value(150));
  CHECK(parse_value("0.5", Type::Number) == Value(Decimal::fraction(1, 2)));
  CHECK(parse_value("3", Type::Integer) == Value(3));
  CHECK(parse_value("3.0", Type::Integer) == Value(3));
  CHECK_FALSE(parse_value("3.5", Type::Integer).has_value());
  CHECK_FALSE(parse_value("tiga", Type::Number).has_value());
  CHECK(parse_value("ya", Type::Bool) == Value(true));
  CHECK(parse_value("Tidak", Type::Bool) == Value(false));
  CHECK(parse_value("true", Type::Bool) == Value(true));
  CHECK(parse_value("false", Type::Bool) == Value(false));
  CHECK_FALSE(parse_value("mungkin", Type::Bool).has_value());
  CHECK(parse_value("2026-03-16", Type::Date) == Value(Date::from_ymd(2026, 3, 16)));
  CHECK_FALSE(parse_value("2026-02-30", Type::Date).has_value());
  CHECK_FALSE(parse_value("16/03/2026", Type::Date).has_value());
  CHECK(parse_value("jalan raya 1", Type::Text) == Value("jalan raya 1"));
}

TEST_CASE("enum input must be one of the field's symbols", "[value]") {
  const std::vector<std::string> fungsi{"hunian", "usaha", "sosial"};
  CHECK(parse_value("usaha", Type::Enum, fungsi) == Value(EnumValue{"usaha"}));
  CHECK_FALSE(parse_value("pabrik", Type::Enum, fungsi).has_value());
  CHECK_FALSE(parse_value("Usaha", Type::Enum, fungsi).has_value());
  CHECK_FALSE(parse_value("usaha", Type::Enum).has_value());
}

TEST_CASE("every integer type is a number value, bool stays a yes/no value", "[value]") {
  const Value unsigned_three = 3u;
  const Value wide = std::int64_t{5};
  const Value small = static_cast<unsigned char>(7);
  const Value yes = true;
  CHECK(unsigned_three == Value(Decimal(3)));
  CHECK(wide.number() == Decimal(5));
  CHECK(small.number() == Decimal(7));
  CHECK(yes.is_bool());
  std::ostringstream out;
  out << Value(Decimal(150)) << ' ' << Value() << ' ' << Value("lulus");
  CHECK(out.str() == "150 (no value) \"lulus\"");
}
