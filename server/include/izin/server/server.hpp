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
  std::chrono::seconds session_idle{30 * 60};          // a browser session unused this long is signed out
  std::chrono::seconds session_lifetime{12 * 60 * 60};  // and any session this long after sign-in
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  std::string db = "izin.db";  // an SQLite file or a postgresql:// URL (izin::open_store)
  std::string accounts;        // SQLite file of the staff accounts; empty: the --db file
  std::string procedures = "procedures";
  // office.yaml for the service standards under /layanan/; empty: PROCEDURES/office.yaml when present,
  // else none (the pages mark the office's components as not yet stated).
  std::string office;
  // Where citizens reach this service ("https://izin.belukab.go.id"): the QR codes on receipts and on the
  // printed /layanan/ pages point there. Empty: a receipt points where the clerk's browser reached it, and
  // the printed pages go without a QR code. Anything but an http(s) address is refused at start.
  std::string public_url;
  Limits limits;
  std::chrono::milliseconds tick_interval{5'000};   // deadline ticker
  std::chrono::milliseconds watch_interval{2'000};  // procedure watcher
  int network_threads = 2;
  // Notification delivery: POST each escalation to this http:// URL. Empty:
  // notifications stay in the outbox, for the pages' inbox.
  std::string webhook;
  std::string webhook_secret;                           // HMAC-SHA256 key of X-Izin-Signature; empty: unsigned
  std::chrono::milliseconds webhook_interval{1'000};    // how often the outbox is looked at
  std::chrono::milliseconds webhook_retry{60'000};      // after a failure; doubles each failure, at most 1 h
  std::chrono::milliseconds webhook_timeout{10'000};    // for one POST
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
