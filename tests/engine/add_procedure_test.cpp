// Registering a procedure version twice: the same text is harmless, a
// different text under the same id and version is never a silent choice.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "engine_fixture.hpp"

namespace izin::test {

namespace {
// PBG version 3 as if read from a file holding `text`.
std::shared_ptr<Procedure> pbg_from(const std::string& text) {
  auto p = make_pbg(3);
  p->file = "pbg.izin";
  p->source = text;
  return p;
}
}  // namespace

TEST_CASE("add_procedure with the same id, version and text again changes nothing") {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  const auto first = pbg_from("procedure pbg version 3 { }");
  engine.add_procedure(first);
  CHECK_NOTHROW(engine.add_procedure(pbg_from("procedure pbg version 3 { }")));
  CHECK(engine.procedure("pbg", 3) == first);
  CHECK(engine.procedures().size() == 1);
}

TEST_CASE("add_procedure with the same id and version but another text throws and keeps the first") {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  const auto first = pbg_from("procedure pbg version 3 { }");
  engine.add_procedure(first);
  auto second = pbg_from("procedure pbg version 3 { title \"changed\" }");
  second->file = "copy/pbg.izin";
  try {
    engine.add_procedure(second);
    FAIL("a second text for pbg version 3 was accepted");
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    CHECK(what.find("pbg version 3") != std::string::npos);
    CHECK(what.find("copy/pbg.izin") != std::string::npos);
    CHECK(what.find("new version") != std::string::npos);
  }
  CHECK(engine.procedure("pbg", 3) == first);
}

TEST_CASE("two procedures built in code with the same id and version are refused too") {
  FakeClock clock{wita("2026-03-16T09:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  const auto first = make_pbg(3);
  engine.add_procedure(first);
  CHECK_NOTHROW(engine.add_procedure(first));  // the very same model again
  CHECK_THROWS_AS(engine.add_procedure(make_pbg(3)), std::invalid_argument);
  CHECK(engine.procedure("pbg", 3) == first);
}

}  // namespace izin::test
