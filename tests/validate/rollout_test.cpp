// Rollout checks: candidate versions against deployed ones.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER
#include <catch2/catch.hpp>

#include <memory>

#include "izin/rollout.hpp"
#include "pbg_model.hpp"

using namespace izin;
using namespace izin::test;
using Found = std::vector<std::pair<std::string, int>>;

namespace {
// The example as version `version` with text `source`, read from `file`.
std::shared_ptr<Procedure> pbg(int version, std::string source, std::string file) {
  auto p = std::make_shared<Procedure>(pbg_model());
  p->version = version;
  p->source = std::move(source);
  p->source_hash = "h:" + p->source;
  p->file = std::move(file);
  return p;
}
// Rollout findings as (code, line).
Found rollout(const std::vector<ProcedurePtr>& candidate, const std::vector<ProcedurePtr>& deployed) {
  return codes_and_lines(check_rollout(candidate, deployed));
}
}  // namespace

TEST_CASE("unchanged deployed versions and a proper new version pass") {
  const std::vector<ProcedurePtr> deployed = {pbg(2, "v2", "old/pbg2.izin"), pbg(3, "v3", "old/pbg3.izin")};
  auto v4 = pbg(4, "v4", "new/pbg4.izin");
  v4->states.push_back(state("pembayaran", 56));  // adding states is fine
  CHECK(rollout({pbg(2, "v2", "new/pbg2.izin"), pbg(3, "v3", "new/pbg3.izin"), v4}, deployed).empty());
  CHECK(rollout({pbg(1, "x", "n.izin")}, {}).empty());  // nothing deployed yet
}

TEST_CASE("IZ901 a deployed version edited in place") {
  const auto d = check_rollout({pbg(3, "v3 edited", "new/pbg3.izin")}, {pbg(3, "v3", "old/pbg3.izin")});
  REQUIRE(codes_and_lines(d) == Found{{"IZ901", 2}});
  CHECK(d[0].file == "new/pbg3.izin");
  CHECK(d[0].message.find("version 4") != std::string::npos);
}

TEST_CASE("IZ902 a new version drops a state cases may sit in") {
  auto v4 = pbg(4, "v4", "new/pbg4.izin");
  v4->states[perbaikan].id = "revisi_pemohon";  // renamed, same label
  const auto d = check_rollout({v4}, {pbg(3, "v3", "old/pbg3.izin")});
  REQUIRE(codes_and_lines(d) == Found{{"IZ902", 2}});
  CHECK(d[0].message.find("'perbaikan'") != std::string::npos);
  CHECK(d[0].message.find("renamed to 'revisi_pemohon'") != std::string::npos);
  SECTION("compared with the newest deployed version only") {
    auto v2 = pbg(2, "v2", "old/pbg2.izin");
    v2->states.push_back(state("lama", 56));
    CHECK(rollout({pbg(4, "v4", "new/pbg4.izin")}, {v2, pbg(3, "v3", "old/pbg3.izin")}).empty());
  }
}

TEST_CASE("IZ903 a version below the deployed newest") {
  CHECK(rollout({pbg(2, "v2", "new/pbg2.izin")}, {pbg(3, "v3", "old/pbg3.izin")}) == Found{{"IZ903", 2}});
  CHECK(rollout({pbg(2, "v2", "new/pbg2.izin")}, {pbg(2, "v2", "o.izin"), pbg(3, "v3", "old/pbg3.izin")}).empty());
}

TEST_CASE("rollout messages in Indonesian") {
  const auto d = check_rollout({pbg(2, "v2", "n.izin")}, {pbg(3, "v3", "o.izin")}, Language::Indonesian);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("lebih rendah") != std::string::npos);
}
