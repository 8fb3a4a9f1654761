// Heap allocations counted by the bench's own global operator new (bench
// only: the library never replaces the allocator).
#pragma once

#include <cstdint>

namespace izin::bench {

// Allocations made by operator new on the calling thread since it started.
std::uint64_t thread_allocations();

}  // namespace izin::bench
