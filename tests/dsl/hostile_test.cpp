// Hostile input: deep nesting, huge files, broken encodings, odd line ends.
// None may crash, hang or overflow the stack (this suite also runs under ASan).
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>

#include "izin/load.hpp"

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
