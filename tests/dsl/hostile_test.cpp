// Hostile input: deep nesting, huge files, broken encodings, odd line ends.
// None may crash, hang or overflow the stack (this suite also runs under ASan).
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>

#include "compile.hpp"
#include "izin/load.hpp"
#include "parse.hpp"
#include "source_text.hpp"

namespace {
std::string example() {
  std::ifstream in(IZIN_SOURCE_DIR "/tests/dsl/data/pbg_example.izin", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

izin::CompileResult compile(const std::string& text) {
  return izin::compile_procedure(text, "h.izin", {izin::Language::English, false});
}

// The only diagnostic's code, line and column as "IZ105 3:14".
std::string only(const izin::CompileResult& r) {
  REQUIRE(r.diagnostics.size() == 1);
  const auto& d = r.diagnostics[0];
  return d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.column);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

TEST_CASE("hostile: 10,000 nested parentheses give IZ105, not a stack overflow") {
  const std::string deep = std::string(10000, '(') + "1" + std::string(10000, ')');
  const auto r = compile(replace(example(), "round(luas_bangunan", "round(" + deep + " + luas_bangunan"));
  CHECK(only(r) == "IZ105 27:90");
  CHECK_FALSE(r.procedure);
}

TEST_CASE("hostile: 10,000 unary minus and not are limited too") {
  std::string minus;
  for (int i = 0; i < 10000; ++i) minus += "- ";
  CHECK(only(compile(replace(example(), "round(luas_bangunan", "round(" + minus + "1 + luas_bangunan"))).substr(0, 5) == "IZ105");
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "not ";
  CHECK(only(compile(replace(example(), "when lokasi_sengketa", "when " + nots + "lokasi_sengketa"))).substr(0, 5) == "IZ105");
  // Just under the limit still compiles.
  const std::string fine = std::string(40, '(') + "luas_bangunan" + std::string(40, ')');
  CHECK(compile(replace(example(), "round(luas_bangunan", "round(" + fine)).procedure);
}

TEST_CASE("hostile: a 50 MB comment parses in linear time") {
  std::string text = example();
  text.insert(text.find("  title"), "  # " + std::string(50u << 20, 'x') + "\n");
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = compile(text);
  CHECK(r.diagnostics.empty());
  CHECK(r.procedure);
  CHECK(seconds_since(t0) < 30.0);
}

TEST_CASE("hostile: 50 MB of states compile in linear time, and an error at the end is located") {
  std::string text = "procedure big version 1 {\n  roles r\n  initial state s0 { on go by r -> s1 }\n";
  int n = 1;
  const std::string pad(40, ' ');
  while (text.size() < (50u << 20)) {
    text += "  state s" + std::to_string(n) + " \"Tahap\" { on go by r -> s" + std::to_string(n + 1) + " }" + pad + "\n";
    ++n;
  }
  text += "  final state s" + std::to_string(n) + " outcome granted\n}\n";
  auto t0 = std::chrono::steady_clock::now();
  const auto ok = compile(text);
  CHECK(ok.diagnostics.empty());
  REQUIRE(ok.procedure);
  CHECK(ok.procedure->states.size() == static_cast<std::size_t>(n) + 1);
  CHECK(seconds_since(t0) < 60.0);
  text = replace(text, "-> s" + std::to_string(n) + " }", "-> nowhere }");
  t0 = std::chrono::steady_clock::now();
  const auto bad = compile(text);
  CHECK(only(bad).substr(0, 5) == "IZ201");
  CHECK(bad.diagnostics[0].line == n + 2);
  CHECK(seconds_since(t0) < 60.0);
}

TEST_CASE("hostile: invalid UTF-8 inside a label is a diagnostic at its place") {
  const auto r = compile(replace(example(), "KTP pemohon", "KTP \xC3\x28 pemohon"));
  CHECK(only(r) == "IZ103 20:15");
  CHECK(compile(replace(example(), "KTP pemohon", "KTP \xED\xA0\x80")).diagnostics.at(0).code == "IZ103");  // a surrogate
  CHECK(compile(replace(example(), "KTP pemohon", "KTP \xF0\x9F\x93\x84 ok")).diagnostics.empty());  // an emoji is fine
}

TEST_CASE("hostile: a NUL byte is a diagnostic, text after it is still seen") {
  std::string text = example();
  text[text.find("KTP pemohon") + 3] = '\0';
  CHECK(only(compile(text)) == "IZ104 20:14");
  CHECK(only(compile(std::string("\0", 1))) == "IZ104 1:1");
}

TEST_CASE("hostile: an unterminated string at end of file") {
  const std::string text = "procedure p version 1 {\n  title \"never closed";
  const auto r = compile(text);
  CHECK(only(r) == "IZ101 2:22");
  CHECK(r.diagnostics[0].message.find("closing '\"'") != std::string::npos);
  CHECK_FALSE(compile("\"").diagnostics.empty());
}

TEST_CASE("hostile: a file ending in a backslash inside an open string and block") {
  // Found by the fuzzer: the escape skip stepped past the end of the text.
  for (const std::string tail : {"\\", "\\\\\\"}) {
    const std::string text = "procedure p version 1 {\n  state a { on x -> b }\n  final state b \"B\" outcome granted {\n"
                             "    legal \"ok \\\"q\\\" and " + tail;
    const auto r = compile(text);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics.back().line == 4);
  }
}

TEST_CASE("hostile: CRLF line endings parse, with the same lines and columns") {
  const std::string lf = replace(example(), "-> perbaikan\n", "-> perbaikn\n");
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto a = compile(lf);
  const auto b = compile(crlf);
  CHECK(only(a) == "IZ201 31:51");
  CHECK(only(b) == "IZ201 31:51");
  std::string clean;
  for (char c : example()) clean += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const auto ok = compile(clean);
  REQUIRE(ok.procedure);
  CHECK(ok.procedure->title == "Persetujuan Bangunan Gedung");
  CHECK(ok.procedure->states[1].transitions[0].loc == izin::SourceLoc{37, 5});
}

TEST_CASE("hostile: a UTF-8 byte-order mark is skipped and takes no column") {
  const auto r = compile("\xEF\xBB\xBFprocedure p version 1 { initial state a { on x -> b } }");
  CHECK(only(r) == "IZ201 1:51");
  REQUIRE(compile("\xEF\xBB\xBFprocedure p version 1 { initial state a { } }").procedure);
  CHECK(compile("\xEF\xBB\xBFprocedure p version 1 { initial state a { } }").procedure->loc == izin::SourceLoc{1, 1});
}

TEST_CASE("hostile: tabs are whitespace and count one column") {
  const auto r = compile("procedure p version 1 {\n\tinitial state a {\n\t\ton x -> b\n\t}\n}\n");
  CHECK(only(r) == "IZ201 3:11");
}

TEST_CASE("hostile: empty, blank and garbage inputs give diagnostics, not crashes") {
  for (const std::string text : {"", "   \n\n", "}", "{", "procedure", "procedure p version 99999999999999999999999 {}",
                                 "procedure p version 1 { state }", "procedure p version 1 { on x -> y }",
                                 "procedure p version 1 { fee f = ((( }", "\xFF\xFE", "procedure p version 1 { data { x: enum { } } }"}) {
    INFO(text);
    const auto r = compile(text);
    CHECK(izin::has_errors(r.diagnostics));
    CHECK_FALSE(r.procedure);
  }
}

// Issue #17: files that passed `check` and then crashed or corrupted.

namespace {
// A sum of `terms` ones, "1 + 1 + … + 1".
std::string ones(int terms) {
  std::string s = "1";
  for (int i = 1; i < terms; ++i) s += " + 1";
  return s;
}

izin::CompileResult compile_and_validate(const std::string& text) {
  return izin::compile_procedure(text, "h.izin", {izin::Language::English, true});
}

// The codes of the errors, in order.
std::vector<std::string> error_codes(const izin::CompileResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.severity == izin::Severity::Error) out.push_back(d.code);
  return out;
}
}  // namespace

TEST_CASE("hostile: an 8,000-term sum (32 KB) is IZ105 at the operator past the limit, not a stack overflow") {
  const auto r = compile(replace(example(), "round(luas_bangunan", "round(" + ones(8000) + " + luas_bangunan"));
  // Column of the 500th `+`, the one that makes 501 levels: "  fee retribusi \"Retribusi PBG\" = round(" is
  // 40 columns, the first `+` is at 43 and each "1 + " is 4 more.
  CHECK(only(r) == "IZ105 27:" + std::to_string(43 + 4 * 499));
  CHECK(r.diagnostics[0].message.find("too long") != std::string::npos);
  CHECK_FALSE(r.procedure);
}

TEST_CASE("hostile: a chain just under the height limit compiles, and `and` chains are limited too") {
  CHECK(compile(replace(example(), "round(luas_bangunan", "round(" + ones(490) + " + luas_bangunan")).procedure);
  std::string ands = "lokasi_sengketa";
  for (int i = 0; i < 600; ++i) ands += " and lokasi_sengketa";
  CHECK(only(compile(replace(example(), "when lokasi_sengketa", "when " + ands))).substr(0, 5) == "IZ105");
}

TEST_CASE("hostile: the compiler walks a long chain in a loop, whatever tree it is given") {
  // A tree the parser would refuse, handed straight to the compiler: 5,000
  // links deep, far past the compiler's own recursion limit (1,000).
  const std::string text = example();
  const izin::detail::LineIndex lines(text);
  auto parsed = izin::detail::parse_procedure(text, lines, "h.izin", izin::Language::English);
  REQUIRE(parsed.diagnostics.empty());
  auto& fee = parsed.procedure.fees.at(0).amount;
  izin::detail::ast::Expr sum{izin::detail::ast::Expr::Kind::Number, "1", izin::Op::Eq, {}, fee.loc};
  for (int i = 0; i < 5000; ++i) {
    izin::detail::ast::Expr link{izin::detail::ast::Expr::Kind::Binary, "", i % 2 ? izin::Op::Add : izin::Op::Mul, {}, fee.loc};
    link.args.push_back(std::move(sum));
    link.args.push_back({izin::detail::ast::Expr::Kind::Number, "1", izin::Op::Eq, {}, fee.loc});
    sum = std::move(link);
  }
  fee = std::move(sum);
  std::vector<izin::Diagnostic> diagnostics;
  const auto p = izin::detail::compile_ast(parsed.procedure, "h.izin", izin::Language::English, nullptr, diagnostics);
  CHECK(diagnostics.empty());
  CHECK(p.fees.at(0).amount.type == izin::Type::Integer);
}

TEST_CASE("hostile: a tree nested deeper than the compiler follows is IZ105, not a crash") {
  const std::string text = example();
  const izin::detail::LineIndex lines(text);
  auto parsed = izin::detail::parse_procedure(text, lines, "h.izin", izin::Language::English);
  REQUIRE(parsed.diagnostics.empty());
  auto& fee = parsed.procedure.fees.at(0).amount;
  izin::detail::ast::Expr deep{izin::detail::ast::Expr::Kind::Number, "1", izin::Op::Eq, {}, fee.loc};
  for (int i = 0; i < 1500; ++i) {
    izin::detail::ast::Expr neg{izin::detail::ast::Expr::Kind::Unary, "", izin::Op::Neg, {}, fee.loc};
    neg.args.push_back(std::move(deep));
    deep = std::move(neg);
  }
  fee = std::move(deep);
  std::vector<izin::Diagnostic> diagnostics;
  izin::detail::compile_ast(parsed.procedure, "h.izin", izin::Language::English, nullptr, diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "IZ105");
}

TEST_CASE("hostile: version 0 is IZ108 (it would run as \"the newest version\")") {
  const auto r = compile(replace(example(), "version 3", "version 0"));
  CHECK(only(r) == "IZ108 2:1");
  CHECK_FALSE(r.procedure);
  CHECK(compile(replace(example(), "version 3", "version 1")).procedure);
}

TEST_CASE("hostile: durations whose deadline could pass 9999-12-31 are IZ520") {
  const std::string line = "after 26 working days -> disetujui deemed";
  for (const std::string after : {"after 100000000 hours", "after 3000000 days", "after 36501 working days",
                                   "after 876001 hours", "after 36501 days"}) {
    INFO(after);
    const auto r = compile_and_validate(replace(example(), line, after + " -> disetujui deemed"));
    CHECK(error_codes(r) == std::vector<std::string>{"IZ520"});
    CHECK_FALSE(r.procedure);
  }
  for (const std::string after : {"after 876000 hours", "after 36500 days", "after 36500 working days"}) {
    INFO(after);
    CHECK(error_codes(compile_and_validate(replace(example(), line, after + " -> disetujui deemed"))).empty());
  }
  const auto sla = compile_and_validate(replace(example(), "sla 28 working days", "sla 40000 working days"));
  CHECK(error_codes(sla) == std::vector<std::string>{"IZ520"});
}
