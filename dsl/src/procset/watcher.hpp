// Notices changes to the procedure and calendar files under a directory:
// inotify on Linux, else (or when asked) by comparing modification times and sizes.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

namespace izin::detail {

class DirectoryWatcher {
 public:
  // Starts watching now; `force_poll` skips inotify.
  DirectoryWatcher(std::filesystem::path dir, bool force_poll);
  ~DirectoryWatcher();
  DirectoryWatcher(const DirectoryWatcher&) = delete;
  DirectoryWatcher& operator=(const DirectoryWatcher&) = delete;

  // Whether a .izin or .yaml file changed since the last call; never blocks.
  bool changed();
  // Blocks until changed() would be true or `timeout` has passed; consumes the change.
  bool wait(std::chrono::milliseconds timeout);
  bool uses_inotify() const { return fd_ >= 0; }

 private:
  // Every watched file with its (modification time, size), for polling.
  using Snapshot = std::map<std::string, std::pair<std::filesystem::file_time_type, std::uintmax_t>>;
  Snapshot take_snapshot() const;
  bool poll_changed();
  bool drain_events();
  void watch_directories();

  std::filesystem::path dir_;
  int fd_ = -1;  // inotify instance; -1 when polling
  Snapshot last_;
};

}  // namespace izin::detail
