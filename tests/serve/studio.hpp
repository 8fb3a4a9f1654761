// An office for the studio tests: a COPY of the repository's procedures (saves write files),
// a policy officer "kebijakan" and a counter clerk "loket", each signed in through the form.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "office.hpp"
#include "page_forms.hpp"

namespace serve_test {

struct StudioOffice {
  TempDir dir;
  std::filesystem::path procedures;
  izin::server::ServerOptions options;
  std::unique_ptr<izin::server::Server> server;

  StudioOffice() {
    procedures = dir.path / "procedures";
    std::filesystem::copy(std::string(IZIN_SOURCE_DIR) + "/procedures", procedures, std::filesystem::copy_options::recursive);
    options.port = 0;
    options.db = (dir.path / "izin.db").string();
    options.procedures = procedures.string();
    options.tick_interval = std::chrono::milliseconds(200);
    options.watch_interval = std::chrono::milliseconds(200);
    server = std::make_unique<izin::server::Server>(options);
    auto users = izin::server::open_sqlite_user_store(options.db);
    users->add("kebijakan", {"kebijakan"}, "rahasia-kebijakan");
    users->add("loket", {"front_office"}, "rahasia-loket");
    server->start();
  }
  Client client() const { return Client{server->port(), "", "", "", "", {}}; }
  // Signed in through the sign-in form (a page session) and, for the API, with its CSRF token.
  Client page_user(const std::string& name) {
    Client c = client();
    page_sign_in(c, name, "rahasia-" + name);
    return c;
  }
  Client api_user(const std::string& name) {
    Client c = client();
    c.sign_in(name, "rahasia-" + name);
    return c;
  }
  std::string file_text(const std::string& name) const {
    std::ifstream in(procedures / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

// "a b&c" → "a+b%26c", for form bodies.
inline std::string form_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out.push_back(static_cast<char>(c));
    else if (c == ' ') out.push_back('+');
    else out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace serve_test
