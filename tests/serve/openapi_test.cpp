// server/openapi.json and the router agree: every route is documented and every documented operation is routed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "app.hpp"
#include "office.hpp"

namespace {
std::string lower(std::string_view method) {
  std::string s(method);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
}  // namespace

TEST_CASE("every route the router knows is in openapi.json and vice versa") {
  std::ifstream in(std::string(IZIN_SOURCE_DIR) + "/server/openapi.json");
  const auto doc = nlohmann::json::parse(in);
  CHECK(doc["openapi"] == "3.1.0");
  std::set<std::string> documented, routed;
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items()) documented.insert(method + " " + path);
  for (const auto& r : izin::server::routes()) routed.insert(lower(boost::beast::http::to_string(r.method)) + " " + r.pattern);
  CHECK(routed == documented);
}

TEST_CASE("the served document is the repository's file") {
  serve_test::Office office;
  std::ifstream in(std::string(IZIN_SOURCE_DIR) + "/server/openapi.json");
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(office.client().get("/api/v1/openapi.json").body == file);
}
