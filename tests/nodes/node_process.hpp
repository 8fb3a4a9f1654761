// One `izin serve` child process of the multi-node harness: started on a free
// port (read from the line it prints), SIGKILLed or SIGTERMed; its stderr goes
// to a log file so a failure can be read afterwards.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace nodes {

class NodeProcess {
 public:
  // Starts `izin serve` with `args` after "serve"; waits until it prints the port it listens on.
  NodeProcess(const std::string& izin, const std::vector<std::string>& args, const std::string& log)
      : log_(log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::vector<std::string> all = {izin, "serve", "--listen", "127.0.0.1:0"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int failed = posix_spawn(&pid_, izin.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed) throw std::runtime_error("cannot start " + izin);
    port_ = wait_for_port();
  }
  NodeProcess(const NodeProcess&) = delete;
  NodeProcess& operator=(const NodeProcess&) = delete;
  ~NodeProcess() { stop(SIGKILL); }

  std::uint16_t port() const { return port_; }
  // Sends `signal` and reaps the child; the exit code, or 128 + the signal.
  int stop(int signal) {
    if (pid_ <= 0) return status_;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
  }

 private:
  // The port from the "serving http://127.0.0.1:PORT/" line of the log (one log per start).
  std::uint16_t wait_for_port() {
    const std::string mark = "serving http://127.0.0.1:";
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < give_up) {
      std::ifstream in(log_);
      std::stringstream text;
      text << in.rdbuf();
      const std::string all = text.str();
      const auto at = all.rfind(mark);
      if (at != std::string::npos && all.find('/', at + mark.size()) != std::string::npos)
        return static_cast<std::uint16_t>(std::stoi(all.substr(at + mark.size())));
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("izin serve exited at start; see " + log_);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw std::runtime_error("izin serve did not say its port within 30 s; see " + log_);
  }

  std::string log_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  int status_ = 0;
};

}  // namespace nodes
