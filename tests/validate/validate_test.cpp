// Each validator code on a hand-built model: the defect triggers exactly
// that code at the offending line; the near miss triggers nothing.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER
#include <catch2/catch.hpp>

#include "pbg_model.hpp"
#include "validate/validate.hpp"

using namespace izin;
using namespace izin::test;
using Found = std::vector<std::pair<std::string, int>>;

namespace {
// Validates in English and returns (code, line) pairs.
Found check(const Procedure& p) { return codes_and_lines(detail::validate(p, Language::English)); }
// The model's state by index, for editing.
State& st(Procedure& p, int index) { return p.states[static_cast<std::size_t>(index)]; }
}  // namespace

TEST_CASE("the docs/language.md example gets no findings at all") { CHECK(check(pbg_model()).empty()); }

TEST_CASE("IZ401/IZ402 initial states") {
  Procedure p = pbg_model();
  SECTION("none") {
    st(p, diajukan).initial = false;
    p.initial_state = -1;
    CHECK(check(p) == Found{{"IZ401", 2}});
  }
  SECTION("two") {
    st(p, pemeriksaan).initial = true;
    CHECK(check(p) == Found{{"IZ402", 36}});
  }
}

TEST_CASE("IZ403 unreachable state, and its near miss") {
  Procedure p = pbg_model();
  State arsip = state("arsip", 57);
  arsip.transitions = {on("tutup", {}, ditolak, 58)};
  arsip.deadlines = {after(2, DurationUnit::Days, ditolak, -1, 59)};  // 0 working days at least
  p.states.push_back(arsip);
  CHECK(check(p) == Found{{"IZ403", 57}});
  st(p, penerbitan).transitions.push_back(on("arsipkan", {kepala_dinas}, 6, 52));
  CHECK(check(p).empty());
}

TEST_CASE("IZ404 a state from which no final state can be reached") {
  Procedure p = pbg_model();
  State tunda = state("tunda", 57);
  tunda.transitions = {on("ulang", {}, 6, 58)};
  tunda.deadlines = {after(3, DurationUnit::Days, -1, kepala_dinas, 59)};
  p.states.push_back(tunda);
  st(p, diajukan).transitions.push_back(on("tunda", {verifikator}, 6, 33));
  CHECK(check(p) == Found{{"IZ404", 57}});
  SECTION("near miss: a deadline leads out") {
    p.states[6].deadlines.push_back(after(10, DurationUnit::Days, ditolak, -1, 60));
    CHECK(check(p).empty());
  }
  SECTION("no final state at all: every reachable state is stuck") {
    p.states.resize(4);
    for (auto& s : p.states) {
      std::erase_if(s.transitions, [](const Transition& t) { return t.target >= 4; });
      std::erase_if(s.deadlines, [](const Deadline& d) { return d.target >= 4; });
    }
    CHECK(check(p) == Found{{"IZ404", 29}, {"IZ404", 36}, {"IZ404", 43}, {"IZ502", 43}, {"IZ404", 49}});
  }
}

TEST_CASE("IZ405 a final state with a body (possible in hand-built models)") {
  Procedure p = pbg_model();
  st(p, ditolak).transitions.push_back(on("banding", {pemohon}, diajukan, 56));
  CHECK(check(p) == Found{{"IZ405", 55}});
}

TEST_CASE("IZ406 deemed decisions must not reject") {
  Procedure p = pbg_model();
  SECTION("deemed rejection") {
    st(p, perbaikan).deadlines[0].deemed = true;
    CHECK(check(p) == Found{{"IZ406", 46}});
  }
  SECTION("deemed on a move between working states is a deemed decision too (no IZ407 any more)") {
    st(p, pemeriksaan).transitions[0].deemed = true;
    CHECK(check(p).empty());
  }
  SECTION("near miss: verified and issued are granting outcomes too") {
    st(p, disetujui).outcome = "verified";
    CHECK(check(p).empty());
    CHECK(detail::is_granting_outcome("issued"));
    CHECK_FALSE(detail::is_granting_outcome("withdrawn"));
  }
}

TEST_CASE("IZ501 zero durations") {
  Procedure p = pbg_model();
  st(p, penerbitan).deadlines[0].after.amount = 0;
  CHECK(check(p) == Found{{"IZ501", 51}});
  st(p, penerbitan).deadlines[0].after = Duration{1, DurationUnit::Hours};
  CHECK(check(p).empty());
}

TEST_CASE("IZ502 a working state nobody watches") {
  Procedure p = pbg_model();
  st(p, penerbitan).deadlines.clear();
  CHECK(check(p) == Found{{"IZ502", 49}});
}

TEST_CASE("IZ503 an escalation the automatic transition always beats") {
  Procedure p = pbg_model();
  auto& deadlines = st(p, perbaikan).deadlines;
  SECTION("same unit, equal") {
    deadlines.push_back(after(5, DurationUnit::WorkingDays, -1, kepala_dinas, 47));
    CHECK(check(p) == Found{{"IZ503", 47}});
  }
  SECTION("near miss: one working day earlier") {
    deadlines.push_back(after(4, DurationUnit::WorkingDays, -1, kepala_dinas, 47));
    CHECK(check(p).empty());
  }
  SECTION("near miss: a guarded transition may not fire") {
    deadlines[0].guard = field(4, Type::Bool, at(46, 30));
    deadlines.push_back(after(6, DurationUnit::WorkingDays, -1, kepala_dinas, 47));
    CHECK(check(p).empty());
  }
  SECTION("calendar days never come after as many working days") {
    deadlines[0].after = Duration{5, DurationUnit::Days};
    deadlines.push_back(after(5, DurationUnit::WorkingDays, -1, kepala_dinas, 47));
    CHECK(check(p) == Found{{"IZ503", 47}});
  }
  SECTION("near miss: working days may outlast as many calendar days") {
    deadlines.push_back(after(7, DurationUnit::Days, -1, kepala_dinas, 47));
    CHECK(check(p).empty());
  }
}

TEST_CASE("IZ504 SLA shorter than the deadlines allow") {
  Procedure p = pbg_model();
  SECTION("26 working days of assessment exceed 25") {
    p.sla->working_days = 25;
    CHECK(check(p) == Found{{"IZ504", 7}});
    const auto d = detail::validate(p, Language::English);
    CHECK(d[0].message.find("allow 26 along pemeriksaan → ") != std::string::npos);
  }
  SECTION("near miss: exactly 26") {
    p.sla->working_days = 26;
    CHECK(check(p).empty());
  }
  SECTION("a paused state does not count; a running one does") {
    st(p, perbaikan).clock_paused = false;
    CHECK(check(p) == Found{{"IZ504", 7}});  // pemeriksaan 26 + perbaikan 5 > 28
  }
  SECTION("from opening the initial state's forced exit counts too") {
    st(p, diajukan).deadlines.push_back(after(4, DurationUnit::WorkingDays, ditolak, -1, 34));
    CHECK(check(p).empty());  // the clock starts at pemeriksaan
    p.sla->from_state = -1;
    CHECK(check(p) == Found{{"IZ504", 7}});  // 4 + 26 > 28
  }
}

TEST_CASE("IZ601 a requirement nobody asks for") {
  Procedure p = pbg_model();
  p.requirements.push_back({"imb", "IMB lama", std::nullopt, false, at(25, 5)});
  CHECK(check(p) == Found{{"IZ601", 25}});
  SECTION("near miss: optional") {
    p.requirements.back().optional = true;
    CHECK(check(p).empty());
  }
  SECTION("near miss: read by submitted()") {
    st(p, diajukan).transitions[2].guard = binary(Op::Or, field(4, Type::Bool), submitted(5), Type::Bool);
    CHECK(check(p).empty());
  }
}

TEST_CASE("IZ602 requires lists an optional requirement") {
  Procedure p = pbg_model();
  st(p, diajukan).transitions[0].documents.push_back(slf_lama);
  CHECK(check(p) == Found{{"IZ602", 30}});
}

TEST_CASE("IZ603/IZ604 conditions that do not depend on the case") {
  Procedure p = pbg_model();
  auto& when = *p.requirements[gambar].when;
  SECTION("always true") {
    when = binary(Op::Lt, literal(1, Type::Number, at(22, 47)), literal(2, Type::Number), Type::Bool);
    CHECK(check(p) == Found{{"IZ603", 22}});
  }
  SECTION("never true through `and false`") {
    when = binary(Op::And, when, literal(false, Type::Bool), Type::Bool);
    CHECK(check(p) == Found{{"IZ604", 22}});
  }
  SECTION("a guard that is never true") {
    st(p, diajukan).transitions[2].guard = literal(false, Type::Bool, at(32, 31));
    CHECK(check(p) == Found{{"IZ604", 32}});
  }
  SECTION("near miss: `or false` still depends on the case") {
    when = binary(Op::Or, when, literal(false, Type::Bool), Type::Bool);
    CHECK(check(p).empty());
  }
}

TEST_CASE("IZ701 one event, two transitions, nothing between them") {
  Procedure p = pbg_model();
  auto& ts = st(p, pemeriksaan).transitions;
  SECTION("anyone overlaps every role") {
    ts.push_back(on("setujui", {}, disetujui, 39));
    CHECK(check(p) == Found{{"IZ701", 39}});
  }
  SECTION("a guard on one side only does not separate") {
    ts.push_back(on("setujui", {tpa}, disetujui, 39));
    ts.back().guard = field(4, Type::Bool);
    CHECK(check(p) == Found{{"IZ701", 39}});
  }
  SECTION("the same guard twice does not separate") {
    ts[0].guard = field(4, Type::Bool);
    ts.push_back(on("setujui", {tpa}, disetujui, 39));
    ts.back().guard = field(4, Type::Bool);
    CHECK(check(p) == Found{{"IZ701", 39}});
  }
  SECTION("near miss: different roles") {
    ts.push_back(on("setujui", {kepala_dinas}, disetujui, 39));
    CHECK(check(p).empty());
  }
  SECTION("near miss: different guards on both") {
    ts[0].guard = field(4, Type::Bool);
    ts.push_back(on("setujui", {tpa}, disetujui, 39));
    ts.back().guard = binary(Op::Gt, field(0, Type::Number), literal(500, Type::Number), Type::Bool);
    CHECK(check(p).empty());
  }
}

TEST_CASE("IZ801-IZ804 service standard parts") {
  Procedure p = pbg_model();
  p.title.clear();
  CHECK(check(p) == Found{{"IZ801", 2}});
  p = pbg_model();
  p.legal.clear();
  CHECK(check(p) == Found{{"IZ802", 2}});
  p = pbg_model();
  p.product.clear();
  CHECK(check(p) == Found{{"IZ803", 2}});
  p = pbg_model();
  p.sla.reset();
  CHECK(check(p) == Found{{"IZ804", 2}});
}

TEST_CASE("messages come in the reader's language and name the file") {
  Procedure p = pbg_model();
  st(p, penerbitan).deadlines.clear();
  const auto en = detail::validate(p, Language::English);
  const auto id = detail::validate(p, Language::Indonesian);
  REQUIRE(en.size() == 1);
  REQUIRE(id.size() == 1);
  CHECK(en[0].file == "pbg.izin");
  CHECK(en[0].severity == Severity::Warning);
  CHECK(en[0].message.find("no `after` deadline") != std::string::npos);
  CHECK(id[0].message.find("tidak memiliki tenggat") != std::string::npos);
}

TEST_CASE("findings are sorted by line") {
  Procedure p = pbg_model();
  p.title.clear();                                     // line 2
  st(p, penerbitan).deadlines.clear();                 // line 49
  st(p, diajukan).transitions[0].documents.push_back(slf_lama);  // line 30
  CHECK(check(p) == Found{{"IZ801", 2}, {"IZ602", 30}, {"IZ502", 49}});
}
