// office.yaml: the shipped example, overrides, and errors named by line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "izin/standards/office_profile.hpp"

using namespace izin::standards;

namespace {

const std::string kExample = std::string(IZIN_SOURCE_DIR) + "/procedures/office.yaml";

// The line of the OfficeError `text` raises, and its message.
std::pair<int, std::string> error_of(const std::string& text) {
  try {
    parse_office_profile(text, "o.yaml");
  } catch (const OfficeError& e) {
    return {e.line, e.what()};
  }
  FAIL("no OfficeError for: " << text);
  return {};
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("the shipped office.yaml states every office component, in both languages") {
  const OfficeProfile o = load_office_profile(kExample);
  CHECK_THAT(o.name.id, Catch::Contains("Kabupaten Belu"));
  CHECK(o.complaint_procedure == "pengaduan");
  CHECK(o.complaint_channels.size() >= 2);
  CHECK(o.missing("sip").empty());
  for (const auto key : kOfficeComponents) CHECK_FALSE(o.component("sip", key).en.empty());
  CHECK(o.opening_hours.in(izin::Language::English) != o.opening_hours.in(izin::Language::Indonesian));
}

TEST_CASE("a service's override replaces the office's component for that service only") {
  const OfficeProfile o = parse_office_profile("components:\n  staff: 10 orang\nservices:\n  pbg:\n    staff: 4 orang\n");
  CHECK(o.component("pbg", "staff").id == "4 orang");
  CHECK(o.component("sip", "staff").id == "10 orang");
  CHECK(o.component("sip", "security").empty());
}

TEST_CASE("a value office.yaml does not give is reported as missing, with an English fallback to Indonesian") {
  const OfficeProfile o = parse_office_profile("name: DPMPTSP\ncomponents:\n  staff: 10 orang\n");
  const auto missing = o.missing("pbg");
  CHECK(has(missing, "address"));
  CHECK(has(missing, "maklumat"));
  CHECK(has(missing, "complaint_channels"));
  CHECK(has(missing, "components.security"));
  CHECK_FALSE(has(missing, "name"));
  CHECK_FALSE(has(missing, "components.staff"));
  CHECK(o.name.in(izin::Language::English) == "DPMPTSP");
}

TEST_CASE("office.yaml errors name the file and line of the bad value") {
  auto [line, why] = error_of("name: DPMPTSP\naddres: Atambua\n");
  CHECK(line == 2);
  CHECK_THAT(why, Catch::StartsWith("o.yaml:2:") && Catch::Contains("unknown key `addres`"));

  std::tie(line, why) = error_of("name: x\ncomplaint_channels: loket\n");
  CHECK(line == 2);
  CHECK_THAT(why, Catch::Contains("must be a list"));

  std::tie(line, why) = error_of("components:\n  staff: 1\n  fasilitas: ruang tunggu\n");
  CHECK(line == 3);
  CHECK_THAT(why, Catch::Contains("unknown component `fasilitas`"));

  std::tie(line, why) = error_of("services:\n  pbg:\n    staff:\n      en: four\n");
  CHECK(line == 4);
  CHECK_THAT(why, Catch::Contains("no Indonesian text"));

  std::tie(line, why) = error_of("name: [unclosed\n");
  CHECK(line >= 1);

  std::tie(line, why) = error_of("- just\n- a list\n");
  CHECK_THAT(why, Catch::Contains("must be a map"));
}

TEST_CASE("an unreadable office file is an OfficeError naming it") {
  CHECK_THROWS_WITH(load_office_profile("/nonexistent/office.yaml"), Catch::Contains("/nonexistent/office.yaml"));
}

TEST_CASE("the office.yaml shown in docs/publish.md is read without error") {
  std::ifstream in(std::string(IZIN_SOURCE_DIR) + "/docs/publish.md");
  std::string line, block;
  bool inside = false;
  while (std::getline(in, line)) {
    if (inside && line == "```") break;
    if (inside) block += line + "\n";
    if (line == "```yaml") inside = true;
  }
  REQUIRE_FALSE(block.empty());
  const OfficeProfile o = parse_office_profile(block, "docs/publish.md");
  CHECK(o.component("pbg", "staff").id == "4 pelaksana dan TPA");
  CHECK(o.opening_hours.en == "Monday–Friday 08:00–15:00 WITA");
  CHECK(o.complaint_channels.size() == 2);
}
