// Signing in without stalling the service: the deliberately slow argon2id
// check runs on a worker thread with its own connection to the accounts,
// while the engine thread goes on answering everyone else.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <memory>
#include <string>

#include "app.hpp"

namespace izin::server {

class SignInWorker {
 public:
  SignInWorker(App& app, boost::asio::io_context& engine_thread, std::string db);
  ~SignInWorker();
  SignInWorker(const SignInWorker&) = delete;
  SignInWorker& operator=(const SignInWorker&) = delete;

  // On the engine thread: checks the request and the rate limit here, the
  // password on the worker, then opens the session back here and answers.
  void serve(std::shared_ptr<const Request> req, std::string client, std::function<void(Response)> done);
  // Waits for the checks in flight (their answers still go through the engine thread).
  void join();

 private:
  App& app_;
  boost::asio::io_context& engine_thread_;
  std::string db_;
  boost::asio::thread_pool worker_{1};  // one: each check takes 64 MiB and a core
  std::unique_ptr<UserStore> users_;    // opened and used on the worker only
};

// True for POST /api/v1/session.
bool is_sign_in(const Request& req);

}  // namespace izin::server
