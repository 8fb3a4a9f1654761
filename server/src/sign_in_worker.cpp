#include "sign_in_worker.hpp"

#include <boost/asio/post.hpp>

#include "routes.hpp"
#include "url.hpp"

namespace izin::server {

using namespace routes_impl;

SignInWorker::SignInWorker(App& app, boost::asio::io_context& engine_thread, std::string db)
    : app_(app), engine_thread_(engine_thread), db_(std::move(db)) {}

SignInWorker::~SignInWorker() { join(); }

void SignInWorker::join() { worker_.join(); }

void SignInWorker::serve(std::shared_ptr<const Request> req, std::string client, std::function<void(Response)> done) {
  auto request = std::make_shared<std::optional<SignIn>>();
  const Call call{*req, client, {}, {}, {}};
  auto refused = app_.guarded(*req, [&] {
    *request = sign_in_request(app_, call);
    return Response{};
  });
  if (!*request) return done(std::move(refused));
  boost::asio::post(worker_, [this, req, client, request, done = std::move(done)]() mutable {
    PasswordCheck checked;
    std::exception_ptr failed;
    try {
      if (!users_) users_ = open_sqlite_user_store(db_);
      checked = check_password(*users_, **request);
    } catch (...) {
      failed = std::current_exception();
    }
    boost::asio::post(engine_thread_, [this, req, client, request, checked, failed, done = std::move(done)] {
      const Call back{*req, client, {}, {}, {}};
      sign_in_settled(app_, back, **request);
      done(app_.guarded(*req, [&] {
        if (failed) std::rethrow_exception(failed);
        return sign_in_answer(app_, back, **request, checked);
      }));
    });
  });
}

bool is_sign_in(const Request& req) {
  return req.method() == http::verb::post && split_target(req.target()).first == "/api/v1/session";
}

}  // namespace izin::server
