// The store's server cannot be reached now: a passing failure, unlike the
// rest of StoreError (its own header, so few files depend on it).
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include "izin/store.hpp"

namespace izin {

// The database server is down, restarting, or cut the connection. Nothing
// of a transaction that was not committed was written; the same request may
// succeed once the server is back (with the same idempotency key).
struct StoreUnavailableError : StoreError {
  using StoreError::StoreError;
};

}  // namespace izin

#pragma GCC visibility pop
