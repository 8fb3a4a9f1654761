// A demo office: one staff account per role, so a newcomer can sign in and work a case.
#pragma once

#include <string>
#include <vector>

#include "izin/server/users.hpp"

namespace izin::server {

struct DemoAccount {
  std::string name;  // the role's id: sign in as "front_office"
  std::string role;
  std::string password;  // in clear, to print once
};

// For each role (each once, in order): an account named after it with only that role and a fresh
// random password; an existing account of that name gets the role and a new password.
std::vector<DemoAccount> make_demo_accounts(UserStore& users, const std::vector<std::string>& roles);

}  // namespace izin::server
