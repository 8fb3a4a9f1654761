#include <algorithm>
#include <cctype>

#include "izin/server/demo.hpp"
#include "izin/server/tracking.hpp"

namespace izin::server {

std::vector<DemoAccount> make_demo_accounts(UserStore& users, const std::vector<std::string>& roles) {
  std::vector<DemoAccount> made;
  for (const auto& role : roles) {
    if (std::any_of(made.begin(), made.end(), [&](const DemoAccount& a) { return a.role == role; })) continue;
    // Easy to read aloud and type from a printed sheet: the tracking codes' alphabet, lower case.
    std::string password = new_tracking_code() + new_tracking_code();
    std::transform(password.begin(), password.end(), password.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (users.find(role)) {
      users.set_roles(role, {role});
      users.set_password(role, password);
    } else {
      users.add(role, {role}, password);
    }
    made.push_back({role, role, password});
  }
  return made;
}

}  // namespace izin::server
