// Graphviz rendering of a procedure.
#include <sstream>

#include "graph/labels.hpp"
#include "izin/graph.hpp"

namespace izin {

namespace {

// A dot double-quoted string with the given text.
std::string dot_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Node attributes: finals double-bordered and coloured by outcome, paused
// states grey, the initial state bold.
std::string node_attributes(const State& s, Language lang) {
  std::string label;
  for (const auto& line : detail::state_lines(s, lang)) label += (label.empty() ? "" : "\n") + line;
  std::string attrs = "label=" + dot_string(label);
  if (s.final) {
    attrs += ", peripheries=2, style=\"rounded,filled\", fillcolor=";
    attrs += s.outcome == "granted" ? "\"#d9f2d9\"" : (s.outcome == "rejected" ? "\"#f8d7d7\"" : "\"#eeeeee\"");
  } else if (s.clock_paused) {
    attrs += ", style=\"rounded,filled,dashed\", fillcolor=\"#fff3cd\"";
  }
  if (s.initial) attrs += ", penwidth=2";
  return attrs;
}

// Edge attributes by kind: events solid, deadlines dashed, escalations
// dotted grey, deemed decisions bold red.
std::string edge_attributes(const detail::DiagramEdge& e) {
  std::string attrs = "label=" + dot_string(e.label);
  if (e.kind == detail::DiagramEdge::Kind::Deadline) attrs += ", style=dashed";
  if (e.kind == detail::DiagramEdge::Kind::Escalation) attrs += ", style=dotted, color=\"#888888\", fontcolor=\"#555555\"";
  if (e.deemed) attrs += ", penwidth=2.5, color=\"#c0392b\", fontcolor=\"#c0392b\"";
  return attrs;
}

// The legend: a note-shaped box, left-aligned lines, outside the flow.
std::string legend_node(Language lang) {
  std::string text;
  for (const auto& line : detail::legend_lines(lang)) text += line + "\\l";
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '\\';
    quoted += c;
  }
  return "  \"__legend\" [shape=note, style=\"\", fontsize=9, label=" + quoted + "\"];\n";
}

}  // namespace

std::string render_dot(const Procedure& p, Language lang) {
  std::ostringstream out;
  out << "digraph " << dot_string(p.id + " v" + std::to_string(p.version)) << " {\n"
      << "  label=" << dot_string(p.title.empty() ? p.id : p.title) << ";\n"
      << "  labelloc=t;\n  rankdir=TB;\n"
      << "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=10];\n"
      << "  \"__start\" [shape=point, width=0.15, label=\"\"];\n";
  for (const auto& s : p.states) out << "  " << dot_string(s.id) << " [" << node_attributes(s, lang) << "];\n";
  if (p.initial_state >= 0 && static_cast<std::size_t>(p.initial_state) < p.states.size())
    out << "  \"__start\" -> " << dot_string(p.states[static_cast<std::size_t>(p.initial_state)].id) << ";\n";
  for (const auto& e : detail::diagram_edges(p, lang)) {
    if (e.from < 0 || e.to < 0) continue;
    out << "  " << dot_string(p.states[static_cast<std::size_t>(e.from)].id) << " -> "
        << dot_string(p.states[static_cast<std::size_t>(e.to)].id) << " [" << edge_attributes(e) << "];\n";
  }
  out << legend_node(lang) << "}\n";
  return out.str();
}

}  // namespace izin
