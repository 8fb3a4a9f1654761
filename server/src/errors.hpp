// API errors: a stable code, a status, and a message in the caller's language.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "http.hpp"
#include "izin/diagnostic.hpp"
#include "izin/outcome.hpp"

namespace izin::server {

// Thrown by a route; the router turns it into the JSON error response.
struct ApiError {
  http::status status;
  std::string code;          // stable: clients switch on it
  nlohmann::json data = {};  // details (refusal reasons …); null when none
  std::string detail = {};   // appended to the message (which field, which value)
  std::string detail_id = {};  // the detail in Indonesian; `detail` serves both when empty
};

// 400 or 422 invalid_input with what is wrong in English and in Indonesian.
ApiError invalid_input(http::status status, std::string english, std::string indonesian,
                       nlohmann::json data = nullptr);

// The caller's language from Accept-Language: English when its first tag is
// en, Indonesian (the office's language) otherwise.
Language language_of(const Request& req);

// {"error": {"code", "message", "data"?}} with the status of `e`.
Response error_response(const ApiError& e, Language lang, unsigned version, bool keep_alive);

// A JSON body with `status`.
Response json_response(http::status status, const nlohmann::json& body, unsigned version, bool keep_alive);

// The status a refusal answers with: who may not (403), what is gone (404), who was first (409), else 422.
http::status refusal_status(RefusalCode code);

}  // namespace izin::server
