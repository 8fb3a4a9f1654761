// Must NOT compile: binary floating point would silently lose rupiah.
#include "izin/decimal.hpp"

int main() {
  izin::Decimal d = 150.5;
  return static_cast<int>(d.numerator());
}
