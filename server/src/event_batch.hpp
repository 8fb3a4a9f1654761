// Group commit for the API's events: events that reach the engine thread
// while it is committing are fired together in the next commit
// (Engine::fire_batch), so many clerks share one transaction and its fsync,
// and each answer still leaves only after the commit that holds its event.
#pragma once

#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app.hpp"

namespace izin::server {

class EventBatch {
 public:
  EventBatch(App& app, boost::asio::io_context& engine_thread);
  EventBatch(const EventBatch&) = delete;
  EventBatch& operator=(const EventBatch&) = delete;

  // On the engine thread: keeps the request for the next commit, which runs
  // behind the requests already queued there (they join it).
  void serve(std::shared_ptr<const Request> req, std::string client, std::function<void(Response)> done);

 private:
  struct Waiting {
    std::shared_ptr<const Request> req;
    std::string client;
    std::function<void(Response)> done;
  };
  void commit();

  App& app_;
  boost::asio::io_context& engine_thread_;
  std::vector<Waiting> waiting_;
  bool scheduled_ = false;
};

// True for POST /api/v1/cases/{id}/events.
bool is_event(const Request& req);

}  // namespace izin::server
