// The stores under test, as types for TEMPLATE_TEST_CASE: every test of the
// suite runs once against memory and once against a fresh SQLite file.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "izin/sqlite_store.hpp"
#include "text_store.hpp"

namespace izin::testing {

// A fresh, empty temporary directory, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("izin-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // A path inside the directory.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Makes memory stores.
struct MemoryStoreFactory {
  static constexpr const char* name = "memory";
  std::unique_ptr<Store> make() { return make_memory_store(); }
};

// Makes a SQLite store over a new file in its own temporary directory.
struct SqliteStoreFactory {
  static constexpr const char* name = "sqlite";
  TempDir dir;
  std::unique_ptr<Store> make() { return open_sqlite_store(dir.file("izin.db")); }
};

// Makes the third-party store of text_store.hpp (public headers only).
struct TextStoreFactory {
  static constexpr const char* name = "text";
  std::unique_ptr<Store> make() { return std::make_unique<TextStore>(); }
};

}  // namespace izin::testing
