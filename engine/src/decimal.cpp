// Exact rational arithmetic: int64 numerator/denominator, __int128 in between.
#include "izin/decimal.hpp"

#include <cmath>
#include <cstdint>
#include <ostream>
#include <limits>
#include <string>

namespace izin {

namespace {

__extension__ typedef __int128 Wide;  // GCC and Clang extension; -Wpedantic accepts it so marked

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// Magnitude of a wide integer.
Wide wide_abs(Wide v) { return v < 0 ? -v : v; }

// Greatest common divisor of two non-negative wide integers.
Wide wide_gcd(Wide a, Wide b) {
  while (b != 0) {
    const Wide r = a % b;
    a = b;
    b = r;
  }
  return a;
}

// Decimal digits of a non-negative wide integer.
std::string wide_digits(Wide v) {
  if (v == 0) return "0";
  std::string out;
  while (v > 0) {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return out;
}

// Whether the denominator's only prime factors are 2 and 5 (a finite decimal).
bool terminates(std::int64_t den) {
  while (den % 2 == 0) den /= 2;
  while (den % 5 == 0) den /= 5;
  return den == 1;
}

// Quotient rounded with halves away from zero (den > 0).
Wide divide_rounded(Wide num, Wide den) {
  Wide q = num / den;
  const Wide r = num % den;
  if (2 * wide_abs(r) >= den) q += num < 0 ? -1 : 1;
  return q;
}

// Brings num/den to lowest terms with a positive denominator; throws
// ArithmeticError on a zero denominator or a result outside int64.
void reduce(Wide& num, Wide& den) {
  if (den == 0) throw ArithmeticError("division by zero");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Wide g = wide_gcd(wide_abs(num), den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  // -INT64_MIN does not exist, so the numerator stays within ±INT64_MAX.
  if (wide_abs(num) > kMax || den > kMax) throw ArithmeticError("number too large for exact arithmetic");
}

// The exact value num/den.
Decimal make_exact(Wide num, Wide den) {
  reduce(num, den);
  return Decimal::fraction(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
}

}  // namespace

Decimal Decimal::fraction(std::int64_t numerator, std::int64_t denominator) {
  Wide num = numerator, den = denominator;
  reduce(num, den);
  Decimal d;
  d.num_ = static_cast<std::int64_t>(num);
  d.den_ = static_cast<std::int64_t>(den);
  return d;
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) pos = 1;
  Wide num = 0, den = 1;
  int whole_digits = 0, fraction_digits = 0;
  bool in_fraction = false;
  for (; pos < text.size(); ++pos) {
    const char ch = text[pos];
    if (ch == '.' && !in_fraction && whole_digits > 0) {
      in_fraction = true;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    // 10^36 keeps every step inside __int128 with room to spare.
    if (num > Wide{1'000'000'000'000'000'000} * 1'000'000'000'000'000'000 || den > kMax) return std::nullopt;
    num = num * 10 + (ch - '0');
    if (in_fraction) {
      den *= 10;
      ++fraction_digits;
    } else {
      ++whole_digits;
    }
  }
  if (whole_digits == 0 || (in_fraction && fraction_digits == 0)) return std::nullopt;
  try {
    return make_exact(negative ? -num : num, den);
  } catch (const ArithmeticError&) {
    return std::nullopt;
  }
}

std::string Decimal::to_string() const {
  const bool negative = num_ < 0;
  const Wide magnitude = wide_abs(Wide{num_});
  std::string out;
  if (terminates(den_)) {
    // Long division ends: the remainder reaches 0 within log2(den) digits.
    out = wide_digits(magnitude / den_);
    Wide rem = magnitude % den_;
    if (rem != 0) out += '.';
    while (rem != 0) {
      rem *= 10;
      out += static_cast<char>('0' + static_cast<int>(rem / den_));
      rem %= den_;
    }
  } else {
    const Wide scaled = divide_rounded(magnitude * 1'000'000'000'000, den_);
    std::string digits = wide_digits(scaled);
    if (digits.size() < 13) digits.insert(0, 13 - digits.size(), '0');
    out = digits.substr(0, digits.size() - 12) + "." + digits.substr(digits.size() - 12);
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (negative && out != "0") out.insert(out.begin(), '-');
  return out;
}

std::string Decimal::to_rupiah() const {
  if (!is_integer()) return to_string();
  const std::string digits = wide_digits(wide_abs(Wide{num_}));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return (num_ < 0 ? "-Rp" : "Rp") + grouped;
}

Decimal Decimal::round() const { return make_exact(divide_rounded(num_, den_), 1); }

Decimal Decimal::floor() const {
  Wide q = Wide{num_} / den_;
  if (num_ % den_ != 0 && num_ < 0) q -= 1;
  return make_exact(q, 1);
}

Decimal Decimal::ceil() const {
  Wide q = Wide{num_} / den_;
  if (num_ % den_ != 0 && num_ > 0) q += 1;
  return make_exact(q, 1);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  return make_exact(Wide{a.num_} * b.den_ + Wide{b.num_} * a.den_, Wide{a.den_} * b.den_);
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  return make_exact(Wide{a.num_} * b.den_ - Wide{b.num_} * a.den_, Wide{a.den_} * b.den_);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  return make_exact(Wide{a.num_} * b.num_, Wide{a.den_} * b.den_);
}

Decimal operator/(const Decimal& a, const Decimal& b) {
  if (b.num_ == 0) throw ArithmeticError("division by zero");
  return make_exact(Wide{a.num_} * b.den_, Wide{a.den_} * b.num_);
}

Decimal Decimal::operator-() const { return make_exact(-Wide{num_}, den_); }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const Wide left = Wide{a.num_} * b.den_;
  const Wide right = Wide{b.num_} * a.den_;
  if (left < right) return std::strong_ordering::less;
  if (left > right) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::optional<Decimal> Decimal::from_double_exact(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  int exponent = 0;
  // value = mantissa * 2^exponent with a 53-bit integer mantissa: exact.
  auto mantissa = static_cast<std::int64_t>(std::ldexp(std::frexp(value, &exponent), 53));
  exponent -= 53;
  if (mantissa == 0) return Decimal();
  while (mantissa % 2 == 0) {
    mantissa /= 2;
    ++exponent;
  }
  // An odd m / 2^k has exactly k decimals; more than 12 is not money a person typed.
  if (exponent < -12) return std::nullopt;
  if (exponent < 0) return fraction(mantissa, std::int64_t{1} << -exponent);
  if (exponent >= 63 || std::llabs(mantissa) > (std::numeric_limits<std::int64_t>::max() >> exponent))
    return std::nullopt;
  return Decimal(mantissa * (std::int64_t{1} << exponent));
}

std::ostream& operator<<(std::ostream& out, const Decimal& d) { return out << d.to_string(); }

}  // namespace izin
