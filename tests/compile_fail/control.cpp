// Must compile: proves the compile-fail checks fail for the deleted conversion,
// not for a broken include path or flags.
#include "izin/value.hpp"

int main() {
  izin::Decimal d = 150;
  izin::Value v = 3u;
  d += *izin::Decimal::parse("0.5");
  return v.is_null() || d.is_integer() ? 1 : 0;
}
