// Drawing a dot text as SVG with Graphviz `dot`, for `izin graph --format svg` and the studio.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <utility>
#include <vector>

#include "izin/graph.hpp"

extern char** environ;

namespace izin {

namespace {

// The child's standard input and output, and the child.
struct DotProcess {
  pid_t pid = 0;
  int in = -1;   // we write the dot text here
  int out = -1;  // we read the SVG here
};

// Starts `dot -Tsvg` with pipes on both ends; nullopt when it cannot start.
std::optional<DotProcess> start_dot() {
  int to_child[2], from_child[2];
  if (::pipe(to_child) != 0) return std::nullopt;
  if (::pipe(from_child) != 0) {
    ::close(to_child[0]);
    ::close(to_child[1]);
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
  for (const int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) posix_spawn_file_actions_addclose(&actions, fd);
  std::string dot = "dot", format = "-Tsvg";
  char* argv[] = {dot.data(), format.data(), nullptr};
  DotProcess p;
  const int rc = posix_spawnp(&p.pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(to_child[0]);
  ::close(from_child[1]);
  if (rc != 0) {
    ::close(to_child[1]);
    ::close(from_child[0]);
    return std::nullopt;
  }
  p.in = to_child[1];
  p.out = from_child[0];
  return p;
}

// Writes `text` to the child and reads all it prints, both at once so neither pipe fills up;
// false when `limit` passes first.
bool exchange(DotProcess& p, std::string_view text, std::string& output, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  ::fcntl(p.in, F_SETFL, O_NONBLOCK);
  std::size_t written = 0;
  if (text.empty()) ::close(std::exchange(p.in, -1));
  char buffer[16384];
  while (p.out >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd fds[2] = {{p.out, POLLIN, 0}, {p.in, POLLOUT, 0}};
    if (::poll(fds, p.in >= 0 ? 2 : 1, static_cast<int>(left.count())) < 0) return false;
    if (p.in >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const auto n = ::write(p.in, text.data() + written, text.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n <= 0 || written == text.size()) ::close(std::exchange(p.in, -1));
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      const auto n = ::read(p.out, buffer, sizeof buffer);
      if (n <= 0) ::close(std::exchange(p.out, -1));
      else output.append(buffer, static_cast<std::size_t>(n));
    }
  }
  return true;
}

}  // namespace

bool graphviz_available() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / "dot";
    if (::access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

std::optional<std::string> render_svg(std::string_view dot_text, std::chrono::milliseconds limit) {
  auto p = start_dot();
  if (!p) return std::nullopt;
  std::string svg;
  const bool finished = exchange(*p, dot_text, svg, limit);
  if (!finished) ::kill(p->pid, SIGKILL);  // a runaway layout must not hold the caller
  for (const int fd : {p->in, p->out})
    if (fd >= 0) ::close(fd);
  int status = 0;
  ::waitpid(p->pid, &status, 0);
  if (!finished || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return svg;
}

}  // namespace izin
