// The HTTP types every part of the service shares.
#pragma once

#include <boost/beast/http.hpp>

#include <string>

namespace izin::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

}  // namespace izin::server
