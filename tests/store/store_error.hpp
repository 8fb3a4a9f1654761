// The message of the StoreError a call throws, for the tests of the store's refusals.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "izin/store.hpp"

namespace izin::testing {

// The message of the StoreError that `f` throws (fails the test if none, or if it is a conflict).
template <typename F>
std::string store_error(F&& f) {
  try {
    f();
  } catch (const ConflictError& e) {
    FAIL("expected a StoreError, got a conflict: " << e.what());
  } catch (const StoreError& e) {
    return e.what();
  }
  FAIL("expected a StoreError");
  return {};
}

}  // namespace izin::testing
