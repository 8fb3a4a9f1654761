// Must NOT compile: a Value from a double would silently lose rupiah.
#include "izin/value.hpp"

int main() {
  izin::Value v = 150.5;
  return v.is_null() ? 0 : 1;
}
