// Edge and node wording shared by the dot and Mermaid renderers.
#pragma once

#include <string>
#include <vector>

#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin::detail {

// One arrow of the diagram: an event transition, an automatic deadline or an
// escalation (drawn as a loop back to its own state).
struct DiagramEdge {
  int from = -1;
  int to = -1;
  std::string label;
  enum class Kind { Event, Deadline, Escalation } kind = Kind::Event;
  bool deemed = false;
};

// "verifikasi by verifikator [luas_bangunan > 100]", then "requires …" and
// "set …" lines (newlines, which the Mermaid renderer flattens).
std::string event_label(const Procedure& p, const Transition& t, Language lang);
// "after 26 working days [when …] (deemed)" or "after 3 working days notify kepala_dinas".
std::string deadline_label(const Procedure& p, const Deadline& d, Language lang);
// Every arrow of the procedure, state by state in file order.
std::vector<DiagramEdge> diagram_edges(const Procedure& p, Language lang);
// "Permohonan diajukan (id)\n…" lines of a state box: label, id, outcome, pause.
std::vector<std::string> state_lines(const State& s, Language lang);
// The legend's lines: what each kind of arrow and box means.
std::vector<std::string> legend_lines(Language lang);

}  // namespace izin::detail
