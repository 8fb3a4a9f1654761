#!/usr/bin/env bash
# Builds izin with warnings as errors and runs the whole test suite through ctest.
#   scripts/test.sh                 # g++, build-test/
#   IZIN_SANITIZE=1 scripts/test.sh # clang, ASan + UBSan on the library's tests (+ the fuzz targets), build-asan/
#   IZIN_TSAN=1 scripts/test.sh     # clang, ThreadSanitizer, threaded tests only, build-tsan/
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
# Ninja where installed (deps.sh installs it): faster than make, and one compile directory per build
# folder, so ccache hits across clones. An existing build folder keeps its own generator.
command -v ninja >/dev/null && export CMAKE_GENERATOR="${CMAKE_GENERATOR:-Ninja}"
if [ "${IZIN_TSAN:-0}" = 1 ]; then exec bash scripts/test_tsan.sh; fi
if [ "${IZIN_SANITIZE:-0}" = 1 ]; then
  dir=build-asan
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="-O1" -DIZIN_SANITIZE=ON -DIZIN_FUZZ=ON \
    -DIZIN_BUILD_SERVER=OFF -DIZIN_BUILD_LSP=OFF >/dev/null  # the library's tests: CI's time goes to them
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  dir=build-test  # its own folder: build/ stays the optimised one the README's first command makes
  # -O1 -g1: half the compile time of -O2 -g, assertions on, still quick enough for the load tests.
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DIZIN_WERROR=ON >/dev/null
fi
cmake --build "$dir" -j"$jobs"
ctest --test-dir "$dir" --output-on-failure -j"$jobs" --timeout 600
