// A deemed recommendation into a working state is marked as deemed in both
// diagram formats, like a deemed permit.
#include <catch2/catch.hpp>

#include "izin/graph.hpp"
#include "izin/load.hpp"

namespace {
// A procedure whose only deemed edge leads into a non-final state.
izin::ProcedurePtr recommendation() {
  const auto r = izin::compile_procedure(
      "procedure rek version 1 {\n"
      "  roles dinas\n"
      "  data { diam: bool }\n"
      "  initial state menunggu {\n"
      "    on beri by dinas -> tinjau\n"
      "    after 3 working days -> tinjau deemed { set diam = true }\n"
      "  }\n"
      "  state tinjau { on selesai by dinas -> terbit  after 5 days notify dinas \"x\" }\n"
      "  final state terbit outcome granted\n"
      "}\n",
      "rek.izin", {izin::Language::English, false});
  REQUIRE(r.procedure);
  return r.procedure;
}
}  // namespace

TEST_CASE("diagrams mark a deemed edge into a non-final state, and only that edge") {
  const auto p = recommendation();
  const std::string dot = izin::render_dot(*p);
  CHECK(dot.find("\"menunggu\" -> \"tinjau\" [label=\"after 3 working days (deemed)\"") != std::string::npos);
  CHECK(dot.find("label=\"beri") != std::string::npos);
  CHECK(dot.find("beri (deemed)") == std::string::npos);
  const std::string mermaid = izin::render_mermaid(*p);
  CHECK(mermaid.find("menunggu --> tinjau : ⚖ DEEMED after 3 working days (deemed)") != std::string::npos);
  CHECK(mermaid.find("DEEMED beri") == std::string::npos);
}
