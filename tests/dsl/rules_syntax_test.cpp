// The language additions of issue #10: `rule` declarations, `internal`
// requirements, `set` blocks on `after` transitions, `deemed` anywhere.
#include <catch2/catch.hpp>

#include "izin/load.hpp"

namespace {
izin::CompileResult compile(const std::string& text) {
  return izin::compile_procedure(text, "t.izin", {izin::Language::English, false});
}

// "CODE line:column" of each diagnostic.
std::vector<std::string> where(const izin::CompileResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.column));
  return out;
}

// A procedure with these lines between its requirements and its states.
std::string procedure(const std::string& middle, const std::string& body = "on go by clerk when ok -> done") {
  return "procedure t version 1 {\n"                                     // 1
         "  roles clerk\n"                                               // 2
         "  data { n: integer  b: bool  s: text  k: enum { x, y } }\n"  // 3
         "  requirements {\n"                                            // 4
         "    ktp: \"KTP\"\n"                                            // 5
         "    rek: \"Rekomendasi\" when n > 1 optional internal\n"       // 6
         "    ba: \"Berita acara\" internal\n"                           // 7
         "    internal: \"Requirement named internal\"\n"                // 8
         "  }\n" +                                                       // 9
         middle +                                                        // 10…
         "  initial state s0 { " + body + " }\n"
         "  final state done outcome granted\n"
         "}\n";
}
}  // namespace

TEST_CASE("rule declarations compile into the procedure, in file order, read as bool by name") {
  const auto r = compile(procedure("  rule ok \"Semua syarat\" = banyak and submitted(ktp)\n"
                                   "  rule banyak \"Lebih dari 15\" = n > 15\n"));
  for (const auto& d : r.diagnostics) INFO(d.code << " " << d.message);
  REQUIRE(r.procedure);
  const auto& p = *r.procedure;
  REQUIRE(p.rules.size() == 2);
  CHECK(p.rules[0].id == "ok");
  CHECK(p.rules[0].label == "Semua syarat");
  CHECK(p.rules[0].loc.line == 10);
  CHECK(p.rule_index("banyak") == 1);
  // `banyak` is used above its declaration.
  const izin::Expr& c = p.rules[0].condition;
  REQUIRE(c.args.size() == 2);
  CHECK(c.args[0].kind == izin::Expr::Kind::Rule);
  CHECK(c.args[0].index == 1);
  CHECK(c.args[0].type == izin::Type::Bool);
  const izin::Expr& guard = *p.states[0].transitions[0].guard;
  CHECK(guard.kind == izin::Expr::Kind::Rule);
  CHECK(izin::render(guard, p) == "ok");
  CHECK(izin::rules_named(c) == std::vector<int>{1});
  CHECK(izin::fields_read(c).empty());  // its own text names no field
}

TEST_CASE("internal requirements: flag after when/optional, and a requirement may still be named `internal`") {
  const auto r = compile(procedure("  rule ok \"OK\" = true\n"));
  REQUIRE(r.procedure);
  const auto& reqs = r.procedure->requirements;
  REQUIRE(reqs.size() == 4);
  CHECK_FALSE(reqs[0].internal);
  CHECK(reqs[1].internal);
  CHECK(reqs[1].optional);
  CHECK(reqs[1].when.has_value());
  CHECK(reqs[2].internal);
  CHECK_FALSE(reqs[2].optional);
  CHECK(reqs[3].id == "internal");
  CHECK_FALSE(reqs[3].internal);
}

TEST_CASE("set blocks on after transitions, in order, deemed on a transition into a working state") {
  const std::string states =
      "  rule ok \"OK\" = b\n"
      "  initial state s1 {\n"
      "    on go -> s2 deemed { set n = 1 }\n"
      "    after 3 working days -> s2 deemed { set b = true set s = b ? \"diam\" : \"jawab\" }\n"
      "    after 4 days -> done\n"
      "  }\n"
      "  state s2 { on go by clerk when ok -> done  after 1 day when not ok -> done { set n = n + 1 } }\n";
  const std::string text = "procedure t version 1 {\n  roles clerk\n  data { n: integer  b: bool  s: text }\n" +
                           states + "  final state done outcome granted\n}\n";
  const auto r = compile(text);
  for (const auto& d : r.diagnostics) INFO(d.code << " " << d.message);
  REQUIRE(r.procedure);
  const auto& s1 = r.procedure->states[0];
  CHECK(s1.transitions[0].deemed);
  REQUIRE(s1.transitions[0].sets.size() == 1);
  REQUIRE(s1.deadlines.size() == 2);
  CHECK(s1.deadlines[0].deemed);
  REQUIRE(s1.deadlines[0].sets.size() == 2);
  CHECK(s1.deadlines[0].sets[0].field == 1);
  CHECK(s1.deadlines[0].sets[1].field == 2);
  CHECK(s1.deadlines[1].sets.empty());  // a set block belongs to its own line only
  const auto& s2 = r.procedure->states[1];
  REQUIRE(s2.deadlines.size() == 1);
  CHECK(s2.deadlines[0].guard.has_value());
  CHECK(s2.deadlines[0].sets.size() == 1);
}

TEST_CASE("bad set lines on after transitions are compile errors at their place") {
  const std::string text =
      "procedure t version 1 {\n  roles clerk\n  data { n: integer }\n"
      "  initial state s1 { after 1 day -> done { set m = 1 set n = \"x\" } }\n"
      "  final state done outcome granted\n}\n";
  CHECK(where(compile(text)) == std::vector<std::string>{"IZ203 4:48", "IZ304 4:62"});
}

TEST_CASE("rule syntax errors name what was expected") {
  const auto no_label = compile(procedure("  rule ok = n > 1\n"));
  REQUIRE(no_label.diagnostics.size() == 1);
  CHECK(no_label.diagnostics[0].code == "IZ101");
  CHECK(no_label.diagnostics[0].message ==
        "expected the rule's label in double quotes (the reason a refusal gives) after `rule ok`");
  const auto no_expr = compile(procedure("  rule ok \"OK\" = * 2\n"));
  REQUIRE(!no_expr.diagnostics.empty());
  CHECK(no_expr.diagnostics[0].message == "expected a condition for the rule after `\"OK\" =`");
}

TEST_CASE("a rule that is not bool is IZ310, a rule named like a field IZ210, unknown names IZ203") {
  CHECK(where(compile(procedure("  rule ok \"OK\" = n + 1\n"))) == std::vector<std::string>{"IZ310 10:18"});
  CHECK(where(compile(procedure("  rule n \"N\" = true\n  rule ok \"OK\" = true\n"))) ==
        std::vector<std::string>{"IZ210 10:8"});
  CHECK(where(compile(procedure("  rule x \"X\" = true\n  rule ok \"OK\" = true\n"))) ==
        std::vector<std::string>{"IZ210 10:8"});
  CHECK(where(compile(procedure("  rule ok \"OK\" = okk\n"))) == std::vector<std::string>{"IZ203 10:18"});
}
