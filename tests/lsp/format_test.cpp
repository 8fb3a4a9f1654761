// izin fmt: idempotent, keeps comments, and the formatted text compiles to
// the same procedure as the original, on every shipped procedure.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "client.hpp"
#include "izin/expr.hpp"
#include "izin/graph.hpp"
#include "izin/load.hpp"
#include "izin/lsp/format.hpp"

namespace {

// Everything a procedure means, without where it was written.
std::string meaning(const izin::Procedure& p) {
  std::ostringstream o;
  o << p.id << ' ' << p.version << '|' << p.title << '|' << p.legal << '|' << p.product << '|' << p.calendar << '|'
    << (p.sla ? p.sla->working_days : -1) << ' ' << (p.sla ? p.sla->from_state : -2) << '\n';
  for (const auto& r : p.roles) o << "role " << r.id << '\n';
  for (const auto& f : p.data) {
    o << "field " << f.id << ' ' << static_cast<int>(f.type) << ' ' << f.label;
    for (const auto& s : f.enum_symbols) o << ' ' << s;
    o << '\n';
  }
  for (const auto& r : p.requirements)
    o << "req " << r.id << ' ' << r.label << ' ' << r.optional << r.internal << ' ' << (r.when ? render(*r.when, p) : "") << '\n';
  for (const auto& r : p.rules) o << "rule " << r.id << ' ' << r.label << ' ' << render(r.condition, p) << '\n';
  for (const auto& f : p.fees) o << "fee " << f.id << ' ' << f.label << ' ' << render(f.amount, p) << '\n';
  for (const auto& s : p.states) {
    o << "state " << s.id << ' ' << s.label << ' ' << s.initial << s.final << s.clock_paused << ' ' << s.outcome << '\n';
    for (const auto& t : s.transitions) {
      o << "  on " << t.event << " -> " << t.target << ' ' << t.deemed << (t.guard ? render(*t.guard, p) : "");
      for (int r : t.roles) o << " r" << r;
      for (int d : t.documents) o << " d" << d;
      for (const auto& a : t.sets) o << " set" << a.field << '=' << render(a.value, p);
      o << '\n';
    }
    for (const auto& d : s.deadlines) {
      o << "  after " << d.after.to_string() << " -> " << d.target << ' ' << d.deemed << ' ' << d.notify_role << ' '
        << d.message << (d.guard ? render(*d.guard, p) : "");
      for (const auto& a : d.sets) o << " set" << a.field << '=' << render(a.value, p);
      o << '\n';
    }
  }
  return o.str();
}

// The comment lines and trailing comments of a text, trimmed, in order.
std::vector<std::string> comments(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') quoted = !quoted;
      if (line[i] == '#' && !quoted) {
        std::string c = line.substr(i);
        c.erase(c.find_last_not_of(" \t\r") + 1);
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("on every shipped procedure fmt is idempotent - keeps comments - and compiles to the same procedure") {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(IZIN_SOURCE_DIR) + "/procedures")) {
    if (entry.path().extension() != ".izin") continue;
    INFO(entry.path());
    const std::string original = lsp_test::read_text(entry.path().string());
    // A messy copy: indentation and spacing scrambled, blank lines doubled.
    std::string messy;
    std::istringstream in(original);
    int n = 0;
    for (std::string line; std::getline(in, line); ++n) {
      const auto b = line.find_first_not_of(' ');
      messy += std::string(static_cast<std::size_t>(n % 5), n % 2 ? '\t' : ' ') + (b == std::string::npos ? "" : line.substr(b)) +
               (n % 7 == 0 ? "   \n\n\n" : "\n");
    }
    for (const std::string& input : {original, messy}) {
      const auto once = izin::lsp::format_procedure(input, "x.izin", izin::Language::English);
      REQUIRE(once.ok());
      CHECK(izin::lsp::format_text(once.text) == once.text);
      CHECK(comments(once.text) == comments(original));
      const auto before = izin::compile_procedure(original, "x.izin");
      const auto after = izin::compile_procedure(once.text, "x.izin");
      REQUIRE(before.procedure);
      REQUIRE(after.procedure);
      CHECK(meaning(*after.procedure) == meaning(*before.procedure));
      CHECK(izin::render_dot(*after.procedure) == izin::render_dot(*before.procedure));
    }
    ++checked;
  }
  CHECK(checked >= 9);
}

TEST_CASE("fmt's canonical layout") {
  const std::string in =
      "\n\n# head\nprocedure  x   version 1 {\n"
      "title \"A  b\"   # two spaces in the string stay\n"
      "roles a ,b,c\n\n\n\n"
      "  data {\n      n: integer \"N\"\n  }\n"
      "initial state s {\n"
      "on go by a,b\n"
      "requires r1,\n"
      "r2->t { set n = n+1 }\n"
      "}\n"
      "final state t outcome granted\n}\n\n\n";
  const std::string want =
      "# head\nprocedure x version 1 {\n"
      "  title \"A  b\"   # two spaces in the string stay\n"
      "  roles a, b, c\n\n"
      "  data {\n    n: integer \"N\"\n  }\n"
      "  initial state s {\n"
      "    on go by a, b\n"
      "      requires r1,\n"
      "      r2 -> t { set n = n+1 }\n"
      "  }\n"
      "  final state t outcome granted\n}\n";
  CHECK(izin::lsp::format_text(in) == want);
}

TEST_CASE("fmt refuses a text with syntax errors and says where") {
  const auto f = izin::lsp::format_procedure("procedure x version 1 {\n  title \"open\n}\n", "x.izin", izin::Language::English);
  REQUIRE(!f.ok());
  CHECK(f.text.empty());
  CHECK(f.refusal.front().line == 2);
}
