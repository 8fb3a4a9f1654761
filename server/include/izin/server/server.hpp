// `izin serve`: the office's HTTP service over one engine. The engine, its
// store, the procedure set and the accounts live on one thread; the network
// runs on others and hands each request to that thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace izin::server {

// What a client may send, per connection and request.
struct Limits {
  std::size_t max_body = 1 << 20;         // bytes; larger → 413
  std::size_t max_header = 16 * 1024;     // bytes of request line and headers; larger → 431
  std::chrono::milliseconds read_timeout{10'000};  // to read one whole request; slower → closed
  std::size_t max_connections = 256;      // more → 503 and closed
  int login_failures = 5;                 // per address and per name within login_window → 429
  std::chrono::seconds login_window{60};
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  std::string db = "izin.db";  // an SQLite file or a postgresql:// URL (izin::open_store)
  std::string accounts;        // SQLite file of the staff accounts; empty: the --db file
  std::string procedures = "procedures";
  Limits limits;
  std::chrono::milliseconds tick_interval{5'000};   // deadline ticker
  std::chrono::milliseconds watch_interval{2'000};  // procedure watcher
  int network_threads = 2;
};

class Server {
 public:
  // Opens (or creates) the database, loads the procedures and binds the
  // address; throws std::runtime_error naming what failed.
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;  // the bound port
  void start();                // runs the threads; returns at once
  // Stops accepting, finishes requests in flight, stops the ticker and
  // watcher, joins every thread. Safe to call from any thread but the server's.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace izin::server
