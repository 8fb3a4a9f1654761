// `izin user …` from the command line: warnings, listing, tokens, refusals.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "office.hpp"

namespace {
struct Run {
  int status;
  std::string out, err;
};

Run izin_user(const serve_test::TempDir& dir, const std::string& args, const std::string& input = "") {
  const auto in = dir.path / "in", out = dir.path / "out", err = dir.path / "err";
  std::ofstream(in) << input;
  const std::string command = std::string(IZIN_TOOL) + " user " + args + " --db " + (dir.path / "izin.db").string() +
                              " <" + in.string() + " >" + out.string() + " 2>" + err.string();
  const int raw = std::system(command.c_str());
  auto slurp = [](const std::filesystem::path& p) {
    std::stringstream s;
    s << std::ifstream(p).rdbuf();
    return s.str();
  };
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
}
}  // namespace

TEST_CASE("izin user: add warns about unknown roles, list shows roles and disabled users, token prints once") {
  serve_test::TempDir dir;
  const std::string procedures = " --procedures " + std::string(IZIN_SOURCE_DIR) + "/procedures";
  auto added = izin_user(dir, "add ani --role front_office --role penyihir --password-stdin" + procedures, "kata-sandi-ani\n");
  CHECK(added.status == 0);
  CHECK(added.err.find("'penyihir'") != std::string::npos);
  CHECK(added.err.find("'front_office'") == std::string::npos);
  CHECK(izin_user(dir, "add ani --role front_office --password-stdin" + procedures, "kata-sandi-ani\n").status == 2);
  CHECK(izin_user(dir, "add budi --role front_office --password-stdin" + procedures, "pendek\n").status == 2);
  CHECK(izin_user(dir, "list").out == "ani\tfront_office,penyihir\n");
  CHECK(izin_user(dir, "roles ani --role kepala_bidang" + procedures).status == 0);
  const auto token = izin_user(dir, "token ani");
  CHECK(token.out.size() == 65);
  CHECK(izin_user(dir, "disable ani").status == 0);
  CHECK(izin_user(dir, "list").out == "ani\tkepala_bidang\tdisabled\n");
  CHECK(izin_user(dir, "passwd nobody --password-stdin", "kata-sandi-baru\n").status == 2);
  const auto users = izin::server::open_sqlite_user_store((dir.path / "izin.db").string());
  CHECK_FALSE(users->token_user(token.out.substr(0, 64)));  // disabled
  CHECK(users->find("ani")->roles == std::vector<std::string>{"kepala_bidang"});
}
