// Exact decimal arithmetic: the numbers fees and guards are computed with.
#include "izin/decimal.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

using izin::ArithmeticError;
using izin::Decimal;

namespace {
// Parses text that the test knows to be a valid number.
Decimal dec(const char* text) {
  const auto d = Decimal::parse(text);
  REQUIRE(d.has_value());
  return *d;
}
}  // namespace

TEST_CASE("decimal literals are exact: 0.1 + 0.2 == 0.3", "[decimal]") {
  CHECK(dec("0.1") + dec("0.2") == dec("0.3"));
  CHECK((dec("0.1") + dec("0.2")).to_string() == "0.3");
  CHECK(dec("0.1").numerator() == 1);
  CHECK(dec("0.1").denominator() == 10);
}

TEST_CASE("the PBG fee 150 x 10000 x 1.5 is exactly 2250000", "[decimal]") {
  const Decimal fee = Decimal(150) * Decimal(10000) * dec("1.5");
  CHECK(fee == Decimal(2250000));
  CHECK(fee.is_integer());
  CHECK(fee.to_string() == "2250000");
  CHECK(fee.to_rupiah() == "Rp2.250.000");
}

TEST_CASE("fractions are kept in lowest terms with a positive denominator", "[decimal]") {
  const Decimal d = Decimal::fraction(6, -4);
  CHECK(d.numerator() == -3);
  CHECK(d.denominator() == 2);
  CHECK(d == dec("-1.5"));
  CHECK(dec("2250000.00") == Decimal(2250000));
  CHECK(dec("-0") == Decimal(0));
}

TEST_CASE("rounding takes halves away from zero", "[decimal]") {
  CHECK(dec("2.5").round() == Decimal(3));
  CHECK(dec("-2.5").round() == Decimal(-3));
  CHECK(dec("2.4999").round() == Decimal(2));
  CHECK(dec("-2.4999").round() == Decimal(-2));
  CHECK(Decimal::fraction(7, 3).round() == Decimal(2));
  CHECK(Decimal(7).round() == Decimal(7));
}

TEST_CASE("ceil and floor go up and down on both sides of zero", "[decimal]") {
  CHECK(dec("2.1").ceil() == Decimal(3));
  CHECK(dec("2.1").floor() == Decimal(2));
  CHECK(dec("-2.1").ceil() == Decimal(-2));
  CHECK(dec("-2.1").floor() == Decimal(-3));
  CHECK(Decimal(-4).floor() == Decimal(-4));
  CHECK(Decimal(-4).ceil() == Decimal(-4));
}

TEST_CASE("ordering compares exact values", "[decimal]") {
  CHECK(Decimal::fraction(1, 3) < dec("0.333333333334"));
  CHECK(Decimal::fraction(1, 3) > dec("0.333333333333"));
  CHECK(dec("-1") < dec("-0.5"));
  CHECK(dec("100.0") >= Decimal(100));
  CHECK_FALSE(dec("100.01") <= Decimal(100));
}

TEST_CASE("to_string prints exact decimals or 12 rounded places", "[decimal]") {
  CHECK(dec("2.25").to_string() == "2.25");
  CHECK(dec("-0.05").to_string() == "-0.05");
  CHECK(Decimal::fraction(1, 1024).to_string() == "0.0009765625");
  CHECK(Decimal::fraction(1, 3).to_string() == "0.333333333333");
  CHECK(Decimal::fraction(2, 3).to_string() == "0.666666666667");
  CHECK(Decimal::fraction(-2, 3).to_string() == "-0.666666666667");
  CHECK(Decimal::fraction(1, 3000000000000000LL * 7).to_string() == "0");
  CHECK(Decimal(-1234567).to_rupiah() == "-Rp1.234.567");
  CHECK(Decimal(999).to_rupiah() == "Rp999");
  CHECK(Decimal(1000).to_rupiah() == "Rp1.000");
  CHECK(dec("2.5").to_rupiah() == "2.5");
}

TEST_CASE("overflow and division by zero raise ArithmeticError", "[decimal]") {
  const Decimal big(std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_AS(big + Decimal(1), ArithmeticError);
  CHECK_THROWS_AS(big * Decimal(2), ArithmeticError);
  CHECK_THROWS_AS(-big - Decimal(2), ArithmeticError);
  CHECK_THROWS_AS(Decimal(1) / Decimal(0), ArithmeticError);
  CHECK_THROWS_AS(Decimal::fraction(1, 0), ArithmeticError);
  CHECK_THROWS_AS(-Decimal(std::numeric_limits<std::int64_t>::min()), ArithmeticError);
  // A large intermediate that reduces back into range is fine.
  CHECK(Decimal::fraction(std::numeric_limits<std::int64_t>::max(), 2) * Decimal(2) == big);
  CHECK(big - Decimal(1) + Decimal(1) == big);
}

TEST_CASE("parse rejects junk and numbers too large to hold", "[decimal]") {
  for (const char* junk : {"", "-", "+", ".", "1.", ".5", "1.2.3", "1e5", " 1", "1 ", "abc", "12a", "--1",
                           "0x10", "1,5", "99999999999999999999", "0.00000000000000000001"}) {
    INFO(junk);
    CHECK_FALSE(Decimal::parse(junk).has_value());
  }
  CHECK(Decimal::parse("+7") == Decimal(7));
  CHECK(Decimal::parse("9223372036854775807") == Decimal(std::numeric_limits<std::int64_t>::max()));
}
