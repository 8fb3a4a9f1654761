// The detail of an invalid input (a value that does not fit its field, a
// malformed request member or parameter) reads in the caller's language.
#include <catch2/catch.hpp>

#include "office.hpp"

using serve_test::Office;

namespace {
nlohmann::json opening(const std::string& procedure, const std::string& field, const std::string& value) {
  return {{"procedure", procedure}, {"role", "front_office"}, {"data", {{field, value}}}};
}
std::string message(const serve_test::Reply& r) { return r.json["error"]["message"]; }
}  // namespace

TEST_CASE("a value that does not fit its field is explained in Indonesian by default, in English when asked") {
  Office office;
  auto c = office.signed_in("loket");
  const auto integer = c.post("/api/v1/cases", opening("legalisir", "jumlah_lembar", "dua"));
  CHECK(integer.status == 422);
  CHECK(message(integer) == "Masukan tidak sah: jumlah_lembar bukan bilangan bulat");
  CHECK(message(c.post("/api/v1/cases", opening("reklame", "luas_reklame", "sepuluh"))) ==
        "Masukan tidak sah: luas_reklame bukan angka");
  CHECK(message(c.post("/api/v1/cases", opening("reklame", "jenis", "spanduk"))) ==
        "Masukan tidak sah: jenis bukan salah satu pilihannya");
  c.language = "en";
  CHECK(message(c.post("/api/v1/cases", opening("legalisir", "jumlah_lembar", "dua"))) ==
        "Invalid input: jumlah_lembar is not a valid integer");
}

TEST_CASE("malformed request members and parameters are explained in the caller's language") {
  Office office;
  auto c = office.signed_in("loket");
  CHECK(message(c.post("/api/v1/session", {{"name", "loket"}})) == "Masukan tidak sah: password wajib diisi");
  CHECK(message(c.get("/api/v1/changes?since=kemarin")).starts_with("Masukan tidak sah: since harus bilangan bulat"));
  CHECK(message(c.get("/api/v1/procedures/legalisir/deadlines?from=besok")) ==
        "Masukan tidak sah: from harus tanggal YYYY-MM-DD");
  c.language = "en-GB";
  CHECK(message(c.get("/api/v1/procedures/legalisir/deadlines?from=besok")) == "Invalid input: from wants YYYY-MM-DD");
  CHECK(message(c.post("/api/v1/cases", {{"procedure", "legalisir"}, {"data", 5}})) ==
        "Invalid input: data must be an object");
}
