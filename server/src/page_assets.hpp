// The pages' templates and stylesheet, compiled into the program.
#pragma once

#include <string_view>

namespace izin::server {

// The text of server/templates/NAME or server/static/NAME; throws std::logic_error when absent.
std::string_view page_asset(std::string_view name);

}  // namespace izin::server
