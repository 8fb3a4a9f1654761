// One webhook delivery over plain HTTP: the target URL, the signed JSON
// body of a notification, and a blocking POST with a timeout (run it on a
// worker thread, never on the engine thread).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "izin/outcome.hpp"

namespace izin::server {

struct WebhookTarget {
  std::string host;
  std::uint16_t port = 80;
  std::string path = "/";
};

// "http://host[:port][/path]"; throws std::runtime_error naming what is
// wrong (https needs a TLS proxy in front: docs/serve.md).
WebhookTarget parse_webhook_url(const std::string& url);

// {"id", "case", "role", "message", "state", "at"} of one notification.
std::string notification_body(const Notification& n);

// "sha256=<hex HMAC-SHA256 of body under secret>", the X-Izin-Signature header.
std::string webhook_signature(const std::string& secret, const std::string& body);

// POSTs `body` with X-Izin-Delivery: id and, with a secret, X-Izin-Signature.
// nullopt when the receiver answered 2xx, else why not (status, refused connection, timeout).
std::optional<std::string> post_notification(const WebhookTarget& target, const std::string& id,
                                             const std::string& body, const std::string& secret,
                                             std::chrono::milliseconds timeout);

}  // namespace izin::server
