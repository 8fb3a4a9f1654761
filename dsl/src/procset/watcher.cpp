// DirectoryWatcher: inotify where available, mtime/size snapshots otherwise.
#include "procset/watcher.hpp"

#include <algorithm>
#include <system_error>
#include <thread>

#ifdef __linux__
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>
#endif

namespace izin::detail {
namespace {

// Only procedure and calendar files matter; editors' swap and backup files do not.
bool relevant(const std::filesystem::path& file) { return file.extension() == ".izin" || file.extension() == ".yaml"; }

// How often the polling fallback looks while wait() blocks.
constexpr std::chrono::milliseconds kPollStep{100};

#ifdef __linux__
// A saved file (written in place or renamed over), a new or removed file or folder.
constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;
#endif

}  // namespace

DirectoryWatcher::DirectoryWatcher(std::filesystem::path dir, bool force_poll) : dir_(std::move(dir)) {
#ifdef __linux__
  if (!force_poll) fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
#endif
  if (fd_ >= 0) watch_directories();
  else last_ = take_snapshot();
}

DirectoryWatcher::~DirectoryWatcher() {
#ifdef __linux__
  if (fd_ >= 0) ::close(fd_);
#endif
}

// Watches the directory and every folder below it (adding one twice is harmless).
void DirectoryWatcher::watch_directories() {
#ifdef __linux__
  ::inotify_add_watch(fd_, dir_.c_str(), kEvents);
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_directory(ec)) ::inotify_add_watch(fd_, it->path().c_str(), kEvents);
#endif
}

DirectoryWatcher::Snapshot DirectoryWatcher::take_snapshot() const {
  Snapshot out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fe;
    if (!it->is_regular_file(fe) || !relevant(it->path())) continue;
    const auto time = it->last_write_time(fe);
    const auto size = it->file_size(fe);
    if (!fe) out[it->path().string()] = {time, size};
  }
  return out;
}

bool DirectoryWatcher::poll_changed() {
  Snapshot now = take_snapshot();
  if (now == last_) return false;
  last_ = std::move(now);
  return true;
}

// Reads every pending inotify event; true when one concerns a relevant file or a folder.
bool DirectoryWatcher::drain_events() {
  bool any = false;
#ifdef __linux__
  alignas(inotify_event) char buffer[4096];
  for (;;) {
    const auto n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    for (char* p = buffer; p < buffer + n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(p);
      const std::filesystem::path name = e->len > 0 ? std::filesystem::path(e->name) : std::filesystem::path();
      if ((e->mask & (IN_ISDIR | IN_Q_OVERFLOW)) != 0 || relevant(name)) any = true;
      p += sizeof(inotify_event) + e->len;
    }
  }
  if (any) watch_directories();  // a new folder is watched from now on
#endif
  return any;
}

bool DirectoryWatcher::changed() { return fd_ >= 0 ? drain_events() : poll_changed(); }

bool DirectoryWatcher::wait(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (changed()) return true;
    // Rounded up, so the wait never ends before its timeout.
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
#ifdef __linux__
    if (fd_ >= 0) {
      pollfd p{fd_, POLLIN, 0};
      ::poll(&p, 1, static_cast<int>(left.count()));
      continue;
    }
#endif
    std::this_thread::sleep_for(std::min(left, kPollStep));
  }
}

}  // namespace izin::detail
