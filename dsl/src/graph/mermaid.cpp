// Mermaid rendering of a procedure (stateDiagram-v2).
#include <sstream>

#include "graph/labels.hpp"
#include "izin/graph.hpp"
#include "izin/words.hpp"

namespace izin {

namespace {

// Text safe inside a Mermaid label: characters that end or confuse a label
// become Mermaid entity codes.
std::string mermaid_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '#': out += "#35;"; break;
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case ';': out += "#59;"; break;
      case ':': out += "#58;"; break;
      case '{': out += "#123;"; break;
      case '}': out += "#125;"; break;
      case '\n': out += " · "; break;
      default: out += c;
    }
  }
  return out;
}

// The arrow label, with a visible marker for each kind of edge.
std::string edge_text(const detail::DiagramEdge& e, Language lang) {
  std::string prefix;
  if (e.kind == detail::DiagramEdge::Kind::Deadline) prefix = "⏱ ";
  if (e.kind == detail::DiagramEdge::Kind::Escalation) prefix = "🔔 ";
  if (e.deemed) prefix = "⚖ " + phrase(Word::DeemedMark, lang) + " ";
  return mermaid_text(prefix + e.label);
}

// `state "label" as id` lines, and class assignments for finals and pauses.
void write_states(std::ostringstream& out, const Procedure& p, Language lang) {
  for (const auto& s : p.states) {
    std::string label;
    for (const auto& line : detail::state_lines(s, lang)) label += (label.empty() ? "" : " · ") + line;
    out << "  state \"" << mermaid_text(label) << "\" as " << s.id << "\n";
  }
  for (const auto& s : p.states) {
    if (s.final) out << "  class " << s.id << (s.outcome == "granted" ? " granted" : " ended") << "\n";
    if (s.clock_paused) out << "  class " << s.id << " paused\n";
  }
}

// The legend as a note beside the initial state: Mermaid marks edges by sign, not by line style.
void write_legend(std::ostringstream& out, const Procedure& p, Language lang) {
  if (p.initial_state < 0 || static_cast<std::size_t>(p.initial_state) >= p.states.size()) return;
  out << "  note left of " << p.states[static_cast<std::size_t>(p.initial_state)].id << "\n";
  for (const Word w : {Word::Legend, Word::MarkDeadline, Word::MarkEscalation, Word::MarkDeemed, Word::MarkPaused,
                       Word::MarkFinal})
    out << "    " << mermaid_text(phrase(w, lang)) << "\n";
  out << "  end note\n";
}

}  // namespace

std::string render_mermaid(const Procedure& p, Language lang) {
  std::ostringstream out;
  out << "---\ntitle: " << mermaid_text((p.title.empty() ? p.id : p.title) + " (" + p.id + " v" +
                                         std::to_string(p.version) + ")")
      << "\n---\nstateDiagram-v2\n"
      << "  classDef granted fill:#d9f2d9,stroke:#2e7d32\n"
      << "  classDef ended fill:#f8d7d7,stroke:#c0392b\n"
      << "  classDef paused fill:#fff3cd,stroke-dasharray:4 2\n";
  write_states(out, p, lang);
  if (p.initial_state >= 0 && static_cast<std::size_t>(p.initial_state) < p.states.size())
    out << "  [*] --> " << p.states[static_cast<std::size_t>(p.initial_state)].id << "\n";
  for (const auto& e : detail::diagram_edges(p, lang)) {
    if (e.from < 0 || e.to < 0) continue;
    out << "  " << p.states[static_cast<std::size_t>(e.from)].id << " --> "
        << p.states[static_cast<std::size_t>(e.to)].id << " : " << edge_text(e, lang) << "\n";
  }
  for (const auto& s : p.states)
    if (s.final) out << "  " << s.id << " --> [*]\n";
  write_legend(out, p, lang);
  return out.str();
}

}  // namespace izin
