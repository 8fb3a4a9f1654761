// server/openapi.json, compiled in (generated openapi_text.cpp).
#pragma once

#include <string_view>

namespace izin::server {
std::string_view openapi_text();
}
