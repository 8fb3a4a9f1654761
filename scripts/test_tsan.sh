#!/usr/bin/env bash
# ThreadSanitizer job: builds the library and only the threaded tests
# (tests/threads) with clang -fsanitize=thread in build-tsan/, and runs them.
# Any data race TSan reports fails the run (halt_on_error).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
dir=build-tsan
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="-O1" \
  -DIZIN_TSAN=ON -DIZIN_BUILD_TOOLS=OFF -DIZIN_WERROR=ON >/dev/null
cmake --build "$dir" -j"$jobs" --target threads_tests
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
ctest --test-dir "$dir" -R '^threads:' --no-tests=error --output-on-failure -j1 --timeout 600
