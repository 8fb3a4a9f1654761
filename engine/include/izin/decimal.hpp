// Exact numbers for data, guards and fees: no binary floating point anywhere.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace izin {

// Raised when exact arithmetic cannot give an exact answer (overflow,
// division by zero); the engine turns it into a refusal or an unknown fee.
struct ArithmeticError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An exact rational number, always in lowest terms with a positive
// denominator. Decimal literals such as 0.1 are held exactly, so
// 0.1 + 0.2 == 0.3, and a fee is exact to the rupiah.
class Decimal {
 public:
  Decimal() = default;
  // Any integer type converts exactly (bool and char are not numbers here).
  template <std::integral I>
    requires(!std::same_as<I, bool> && !std::same_as<I, char>)
  Decimal(I integer) : num_(checked(integer)) {}  // NOLINT: integers are decimals
  // Binary floating point cannot hold 0.1 or 150.5 exactly: parse text instead.
  template <std::floating_point F>
  Decimal(F) = delete;
  // The exact value of a binary double when it has at most 12 decimals and
  // fits (150.5 yes; 0.1 is 0.1000000000000000055…, so nullopt).
  static std::optional<Decimal> from_double_exact(double value);
  // numerator / denominator; throws ArithmeticError when denominator is 0.
  static Decimal fraction(std::int64_t numerator, std::int64_t denominator);
  // Parses "12", "-0.5", "2250000.00"; nullopt when malformed or too large.
  static std::optional<Decimal> parse(std::string_view text);

  std::int64_t numerator() const { return num_; }
  std::int64_t denominator() const { return den_; }
  bool is_integer() const { return den_ == 1; }
  // Exact decimal text when the value has one ("2.25"), else rounded to 12 places.
  std::string to_string() const;
  // Rupiah style for people: "Rp2.250.000" (whole numbers only; else to_string()).
  std::string to_rupiah() const;

  Decimal round() const;  // halves away from zero
  Decimal ceil() const;
  Decimal floor() const;

  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  friend Decimal operator/(const Decimal& a, const Decimal& b);
  Decimal operator-() const;
  Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
  Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
  Decimal& operator*=(const Decimal& b) { return *this = *this * b; }
  Decimal& operator/=(const Decimal& b) { return *this = *this / b; }
  friend bool operator==(const Decimal&, const Decimal&) = default;
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

 private:
  // Integers wider than int64 (a uint64 above INT64_MAX) throw ArithmeticError.
  template <std::integral I>
  static std::int64_t checked(I integer) {
    if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
      if (integer > static_cast<std::make_unsigned_t<std::int64_t>>(INT64_MAX))
        throw ArithmeticError("integer too large for a decimal");
    }
    return static_cast<std::int64_t>(integer);
  }
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

// The friends again at namespace scope: GCC applies the visibility pragma
// only there, and a shared izin must export them.
Decimal operator+(const Decimal& a, const Decimal& b);
Decimal operator-(const Decimal& a, const Decimal& b);
Decimal operator*(const Decimal& a, const Decimal& b);
Decimal operator/(const Decimal& a, const Decimal& b);
std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

// Writes to_string(): "2.25", "150".
std::ostream& operator<<(std::ostream& out, const Decimal& d);

}  // namespace izin

#pragma GCC visibility pop
