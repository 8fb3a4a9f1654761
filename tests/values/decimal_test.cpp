// Exact decimal arithmetic: the numbers fees and guards are computed with.
#include "izin/decimal.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <sstream>

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

TEST_CASE("money from binary floating point only when its value is an exact short decimal",
          "[decimal]") {
  CHECK(Decimal::from_double_exact(150.5) == dec("150.5"));
  CHECK(Decimal::from_double_exact(-0.25) == dec("-0.25"));
  CHECK(Decimal::from_double_exact(2250000.0) == Decimal(2250000));
  CHECK(Decimal::from_double_exact(0.0) == Decimal(0));
  CHECK_FALSE(Decimal::from_double_exact(0.1).has_value());  // 0.1000000000000000055…
  CHECK_FALSE(Decimal::from_double_exact(1e300).has_value());
  CHECK_FALSE(Decimal::from_double_exact(std::numeric_limits<double>::quiet_NaN()).has_value());
  CHECK_FALSE(Decimal::from_double_exact(std::numeric_limits<double>::infinity()).has_value());
}

TEST_CASE("every integer type converts exactly, one wider than int64 throws", "[decimal]") {
  CHECK(Decimal(3u) == Decimal(3));
  CHECK(Decimal(static_cast<std::uint8_t>(200)) == Decimal(200));
  CHECK(Decimal(static_cast<short>(-7)) == Decimal(-7));
  CHECK(Decimal(std::uint64_t{9'000'000'000'000'000'000u}) == dec("9000000000000000000"));
  CHECK_THROWS_AS(Decimal(std::numeric_limits<std::uint64_t>::max()), ArithmeticError);
}

TEST_CASE("compound assignment and stream output", "[decimal]") {
  Decimal total = Decimal(150);
  total += dec("0.5");
  CHECK(total == dec("150.5"));
  total -= Decimal(50);
  total *= Decimal(2);
  total /= Decimal(4);
  CHECK(total == dec("50.25"));
  std::ostringstream out;
  out << total << ' ' << Decimal(-3);
  CHECK(out.str() == "50.25 -3");
}
