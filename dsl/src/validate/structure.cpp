// IZ4xx: the shape of the state graph.
#include <string>

#include "validate/checks.hpp"
#include "validate/graph.hpp"
#include "validate/validate.hpp"

namespace izin::detail {

namespace {

// IZ401 no state is initial; IZ402 more than one is.
void check_initial_states(Findings& f) {
  const State* first = nullptr;
  for (const auto& s : f.procedure.states) {
    if (!s.initial) continue;
    if (first == nullptr) {
      first = &s;
      continue;
    }
    f.add(Severity::Error, "IZ402", s.loc,
          "state " + quoted(s.id) + " is a second initial state (the first is " + quoted(first->id) + " on " +
              line_ref(first->loc, Language::English) + "); keep `initial` on exactly one state",
          "state " + quoted(s.id) + " adalah state awal kedua (yang pertama " + quoted(first->id) + " di " +
              line_ref(first->loc, Language::Indonesian) + "); tandai `initial` pada tepat satu state");
  }
  if (first == nullptr && !f.procedure.states.empty())
    f.add(Severity::Error, "IZ401", f.procedure.loc,
          "no state is marked `initial`, so no case can be opened; mark the first state `initial state`",
          "tidak ada state bertanda `initial`, sehingga permohonan tidak dapat dibuka; tandai state pertama "
          "dengan `initial state`");
}

// IZ108 (hand-built models; the compiler reports it for files): version 0
// is how the engine asks for "the newest", so a real version starts at 1.
void check_version(Findings& f) {
  if (f.procedure.version >= 1) return;
  const std::string v = std::to_string(f.procedure.version);
  f.add(Severity::Error, "IZ108", f.procedure.loc,
        "`version " + v + "`: versions are numbered from 1 (version 0 would be mistaken for \"the newest\")",
        "`version " + v + "`: versi dinomori mulai 1 (versi 0 akan dikira \"yang terbaru\")");
}

// IZ405: a final state that can still move or escalate.
void check_final_bodies(Findings& f) {
  for (const auto& s : f.procedure.states) {
    if (!s.final || (s.transitions.empty() && s.deadlines.empty())) continue;
    f.add(Severity::Error, "IZ405", s.loc,
          "final state " + quoted(s.id) + " has transitions or deadlines; a finished case never moves again, "
          "so remove them or make the state non-final",
          "state akhir " + quoted(s.id) + " memiliki transisi atau tenggat; permohonan yang selesai tidak "
          "berpindah lagi, jadi hapus atau jadikan state bukan akhir");
  }
}

// IZ403 states no case can reach; IZ404 reachable states from which no
// final state can be reached (a case there is stuck forever).
void check_reachability(Findings& f) {
  const Procedure& p = f.procedure;
  const int start = opening_state(p);
  if (start < 0) return;
  const auto next = successors(p);
  const auto from_start = reachable(next, {start});
  std::vector<int> finals;
  for (std::size_t s = 0; s < p.states.size(); ++s)
    if (p.states[s].final) finals.push_back(static_cast<int>(s));
  const auto to_final = reachable(predecessors(next), finals);
  for (std::size_t s = 0; s < p.states.size(); ++s) {
    const State& st = p.states[s];
    if (!from_start[s])
      f.add(Severity::Warning, "IZ403", st.loc,
            "state " + quoted(st.id) + " cannot be reached from the initial state " + quoted(p.states[static_cast<std::size_t>(start)].id) +
                "; add a transition into it or remove it",
            "state " + quoted(st.id) + " tidak dapat dicapai dari state awal " + quoted(p.states[static_cast<std::size_t>(start)].id) +
                "; tambahkan transisi ke state ini atau hapus state ini");
    else if (!to_final[s])
      f.add(Severity::Error, "IZ404", st.loc,
            "from state " + quoted(st.id) + " no final state can be reached, so a case there is stuck forever; "
            "add a transition or an `after` deadline that leads towards a final state",
            "dari state " + quoted(st.id) + " tidak ada state akhir yang dapat dicapai, sehingga permohonan "
            "terjebak selamanya; tambahkan transisi atau tenggat `after` menuju state akhir");
  }
}

// IZ406 for one `deemed` transition or deadline at `loc` into `target`: silence
// never rejects. `deemed` into a non-final state (a recommendation deemed
// given) is a deemed decision too, and fine.
void check_deemed_target(Findings& f, int target, SourceLoc loc) {
  const auto& states = f.procedure.states;
  if (target < 0 || static_cast<std::size_t>(target) >= states.size()) return;
  const State& t = states[static_cast<std::size_t>(target)];
  if (!t.final || is_granting_outcome(t.outcome)) return;
  f.add(Severity::Error, "IZ406", loc,
        "a deemed decision leads to " + quoted(t.id) + " with outcome " + quoted(t.outcome) +
            "; silence may only grant (UU 30/2014 Pasal 53): point it at a final state with outcome granted "
            "or at a state where the case goes on, or drop `deemed`",
        "keputusan fiktif positif menuju " + quoted(t.id) + " dengan hasil " + quoted(t.outcome) +
            "; diam hanya boleh mengabulkan (UU 30/2014 Pasal 53): arahkan ke state akhir dengan hasil "
            "granted atau ke state tempat permohonan berlanjut, atau hapus `deemed`");
}

// IZ406 for every deemed transition and deadline.
void check_deemed(Findings& f) {
  for (const auto& s : f.procedure.states) {
    for (const auto& t : s.transitions)
      if (t.deemed) check_deemed_target(f, t.target, t.loc);
    for (const auto& d : s.deadlines)
      if (d.deemed && d.is_transition()) check_deemed_target(f, d.target, d.loc);
  }
}

}  // namespace

void check_structure(Findings& findings) {
  check_version(findings);
  check_initial_states(findings);
  check_final_bodies(findings);
  check_reachability(findings);
  check_deemed(findings);
}

}  // namespace izin::detail
