// The published service standards under /layanan/: public, the very files
// `izin publish` writes, links that resolve under the prefix, made again after a reload.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "izin/graph.hpp"
#include "office.hpp"

using serve_test::Office;
using serve_test::TempDir;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every href="…" of a page, resolved against the folder `dir` ("/layanan/" or "/layanan/en/").
std::vector<std::string> links(const std::string& page, std::string dir) {
  std::vector<std::string> out;
  static const std::regex href("href=\"([^\"#]+)\"");
  for (std::sregex_iterator it(page.begin(), page.end(), href), end; it != end; ++it) {
    std::string target = (*it)[1];
    std::string base = dir;
    while (target.rfind("../", 0) == 0) {
      target = target.substr(3);
      base = base.substr(0, base.rfind('/', base.size() - 2) + 1);
    }
    out.push_back(base + target);
  }
  return out;
}

struct Served {
  TempDir procedures, db;
  izin::server::ServerOptions options;
  std::unique_ptr<izin::server::Server> server;
  // The shipped procedures copied, without office.yaml unless `office`.
  explicit Served(bool office, const std::string& public_url = "") {
    std::filesystem::copy(std::string(IZIN_SOURCE_DIR) + "/procedures", procedures.path,
                          std::filesystem::copy_options::recursive);
    if (!office) std::filesystem::remove(procedures.path / "office.yaml");
    options.port = 0;
    options.db = (db.path / "izin.db").string();
    options.procedures = procedures.path.string();
    options.watch_interval = std::chrono::milliseconds(100);
    options.public_url = public_url;
    server = std::make_unique<izin::server::Server>(options);
    server->start();
  }
  serve_test::Client client() const { return {server->port(), "", "", "", "", {}}; }
};

}  // namespace

TEST_CASE("every file izin publish writes is served under /layanan/ with the same bytes and no sign-in") {
  Office office;
  TempDir site;
  const std::string cmd = std::string(IZIN_TOOL) + " publish --procedures " + IZIN_SOURCE_DIR + "/procedures --out " +
                          site.path.string() + " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto c = office.client();
  int files = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(site.path)) {
    if (!f.is_regular_file()) continue;
    const std::string rel = std::filesystem::relative(f.path(), site.path).generic_string();
    const auto r = c.get("/layanan/" + rel);
    INFO(rel);
    REQUIRE(r.status == 200);
    CHECK(r.body == read(f.path()));
    const std::string type = rel.ends_with(".json") ? "application/json"
                             : rel.ends_with(".svg") ? "image/svg+xml"
                                                     : "text/html; charset=utf-8";
    CHECK(r.headers.at("Content-Type") == type);
    CHECK(r.headers.at("Cache-Control").find("public") == 0);
    ++files;
  }
  CHECK(files > 20);
  CHECK(c.get("/layanan/").body == read(site.path / "index.html"));
  CHECK(c.get("/layanan/en/").body == read(site.path / "en" / "index.html"));
  const auto home = c.get("/layanan");
  CHECK(home.status == 303);
  CHECK(home.headers.at("Location") == "/layanan/");
}

TEST_CASE("links between the pages resolve under /layanan/ and unknown pages are 404") {
  Office office;
  auto c = office.client();
  const auto index = c.get("/layanan/");
  REQUIRE(index.status == 200);
  CHECK(index.body.find("pbg.html") != std::string::npos);
  for (const auto& [page, dir] : std::vector<std::pair<std::string, std::string>>{
           {"/layanan/", "/layanan/"}, {"/layanan/pbg.html", "/layanan/"}, {"/layanan/en/pbg.html", "/layanan/en/"},
           {"/layanan/en/index.html", "/layanan/en/"}, {"/layanan/pengaduan.html", "/layanan/"}}) {
    const auto body = c.get(page).body;
    const auto found = links(body, dir);
    CHECK_FALSE(found.empty());
    for (const auto& link : found) {
      INFO(page << " → " << link);
      CHECK(c.get(link).status == 200);
    }
  }
  CHECK(c.get("/layanan/tidak-ada.html").status == 404);
  CHECK(c.get("/layanan/json/tidak-ada.json").status == 404);
  CHECK(c.get("/layanan/en/tidak-ada.html").status == 404);
}

TEST_CASE("without office.yaml the pages still render with the office's components marked missing") {
  Served s(false);
  const auto page = s.client().get("/layanan/pbg.html");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<p class=\"missing\">Belum ditetapkan.</p>") != std::string::npos);
  CHECK(page.body.find("<h2>14. ") != std::string::npos);
}

TEST_CASE("a malformed office.yaml stops serve from starting and names the file") {
  TempDir db, dir;
  std::ofstream(dir.path / "office.yaml") << "name: [unclosed\n";
  izin::server::ServerOptions options;
  options.port = 0;
  options.db = (db.path / "izin.db").string();
  options.procedures = std::string(IZIN_SOURCE_DIR) + "/procedures";
  options.office = (dir.path / "office.yaml").string();
  try {
    izin::server::Server server(options);
    FAIL("the server started");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("office.yaml") != std::string::npos);
  }
}

TEST_CASE("the pages are made again when the procedure watcher reloads") {
  Served s(true);
  auto c = s.client();
  CHECK(c.get("/layanan/").body.find("Legalisasi Salinan Dokumen Perizinan") != std::string::npos);
  std::string text = read(s.procedures.path / "legalisir.izin");
  text.replace(text.find("version 1"), 9, "version 2");
  const auto title = text.find("Legalisasi Salinan Dokumen Perizinan");
  REQUIRE(title != std::string::npos);
  text.replace(title, 36, "Legalisasi Salinan (versi baru)");
  std::ofstream(s.procedures.path / "legalisir.izin") << text;
  std::string index;
  for (int i = 0; i < 50 && index.find("versi baru") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    index = c.get("/layanan/").body;
  }
  CHECK(index.find("Legalisasi Salinan (versi baru)") != std::string::npos);
  CHECK(c.get("/layanan/legalisir.html").body.find("versi 2") != std::string::npos);
}

TEST_CASE("with a public address the printed pages carry a QR code to their online page, and the diagram is served") {
  REQUIRE(izin::graphviz_available());  // scripts/deps.sh installs graphviz
  Served served(true, "https://izin.belu.example/");
  auto c = served.client();
  const auto page = c.get("/layanan/pbg.html");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<div class=\"print-qr\"><svg") != std::string::npos);
  CHECK(page.body.find("https://izin.belu.example/layanan/pbg.html") != std::string::npos);
  CHECK(page.body.find("<img src=\"pbg.svg\"") != std::string::npos);
  CHECK(c.get("/layanan/en/pbg.html").body.find("https://izin.belu.example/layanan/en/pbg.html") != std::string::npos);
  for (const std::string path : {"/layanan/pbg.svg", "/layanan/en/pbg.svg"}) {
    INFO(path);
    const auto svg = c.get(path);
    REQUIRE(svg.status == 200);
    CHECK(svg.headers.at("Content-Type") == "image/svg+xml");
    CHECK(svg.headers.at("Content-Security-Policy").find("default-src 'none'") == 0);  // nothing in it may run
    CHECK(svg.body.find("<svg") != std::string::npos);
  }
  Served without(true);
  CHECK(without.client().get("/layanan/pbg.html").body.find("class=\"print-qr\"") == std::string::npos);
}

TEST_CASE("a public address that is not an http(s) address stops the service from starting, by name") {
  for (const std::string bad : {"ftp://izin.belu.example", "izin.belu.example", "https://", "https://izin belu",
                                "javascript:alert(1)", "https://x\"><script>"}) {
    INFO(bad);
    TempDir db;
    izin::server::ServerOptions options;
    options.port = 0;
    options.db = (db.path / "izin.db").string();
    options.procedures = std::string(IZIN_SOURCE_DIR) + "/procedures";
    options.public_url = bad;
    CHECK_THROWS_WITH(izin::server::Server(options), Catch::Contains("--public-url"));
  }
}

TEST_CASE("an edit of office.yaml alone shows on the pages, and a broken edit keeps the last good one") {
  Served s(true);
  auto c = s.client();
  REQUIRE(c.get("/layanan/pbg.html").body.find("Senin–Kamis 08.00–15.00 WITA") != std::string::npos);
  const auto office = s.procedures.path / "office.yaml";
  std::string text = read(office);
  const std::string hours = "Senin–Kamis 08.00–15.00";
  text.replace(text.find(hours), hours.size(), "Senin–Jumat 07.30–16.00");
  std::ofstream(office) << text;
  std::filesystem::last_write_time(office, std::filesystem::last_write_time(office) + std::chrono::seconds(2));
  CHECK(c.get("/layanan/pbg.html").body.find("Senin–Jumat 07.30–16.00 WITA") != std::string::npos);
  std::ofstream(office) << "name: [unclosed\n";
  std::filesystem::last_write_time(office, std::filesystem::last_write_time(office) + std::chrono::seconds(4));
  const auto kept = c.get("/layanan/pbg.html");
  CHECK(kept.status == 200);
  CHECK(kept.body.find("Senin–Jumat 07.30–16.00 WITA") != std::string::npos);
}
