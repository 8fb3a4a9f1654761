#include "graph/labels.hpp"

#include "izin/words.hpp"

namespace izin::detail {

namespace {

// "a, b, c" from names picked by index.
template <typename Items>
std::string joined(const Items& items, const std::vector<int>& indexes) {
  std::string out;
  for (int i : indexes) {
    if (i < 0 || static_cast<std::size_t>(i) >= items.size()) continue;
    out += (out.empty() ? "" : ", ") + items[static_cast<std::size_t>(i)].id;
  }
  return out;
}

}  // namespace

std::string event_label(const Procedure& p, const Transition& t, Language lang) {
  std::string label = t.event;
  if (!t.roles.empty()) label += phrase(Word::By, lang) + joined(p.roles, t.roles);
  if (t.guard) label += " [" + render(*t.guard, p) + "]";
  if (!t.documents.empty()) label += "\n" + phrase(Word::Requires, lang) + joined(p.requirements, t.documents);
  for (const auto& a : t.sets) {
    if (a.field < 0 || static_cast<std::size_t>(a.field) >= p.data.size()) continue;
    label += "\n" + phrase(Word::Set, lang) + p.data[static_cast<std::size_t>(a.field)].id + " = " + render(a.value, p);
  }
  if (t.deemed) label += phrase(Word::Deemed, lang);
  return label;
}

std::string deadline_label(const Procedure& p, const Deadline& d, Language lang) {
  std::string label = phrase(Word::After, lang, {duration_text(d.after, lang)});
  if (d.guard) label += " [" + render(*d.guard, p) + "]";
  if (d.is_transition()) return d.deemed ? label + phrase(Word::Deemed, lang) : label;
  const auto role = static_cast<std::size_t>(d.notify_role);
  label += phrase(Word::Notify, lang);
  label += role < p.roles.size() ? p.roles[role].id : std::string("?");
  return label;
}

std::vector<DiagramEdge> diagram_edges(const Procedure& p, Language lang) {
  std::vector<DiagramEdge> edges;
  for (std::size_t s = 0; s < p.states.size(); ++s) {
    const int from = static_cast<int>(s);
    for (const auto& t : p.states[s].transitions)
      edges.push_back({from, t.target, event_label(p, t, lang), DiagramEdge::Kind::Event, t.deemed});
    for (const auto& d : p.states[s].deadlines) {
      const auto kind = d.is_transition() ? DiagramEdge::Kind::Deadline : DiagramEdge::Kind::Escalation;
      edges.push_back({from, d.is_transition() ? d.target : from, deadline_label(p, d, lang), kind, d.deemed});
    }
  }
  return edges;
}

std::vector<std::string> state_lines(const State& s, Language lang) {
  std::vector<std::string> lines;
  lines.push_back(s.label.empty() ? s.id : s.label);
  if (!s.label.empty()) lines.push_back("(" + s.id + ")");
  if (s.initial) lines.push_back(phrase(Word::Initial, lang));
  if (s.final) lines.push_back(phrase(Word::OutcomeIs, lang, {outcome_text(s.outcome, lang)}));
  if (s.clock_paused) lines.push_back(phrase(Word::ClockPaused, lang));
  return lines;
}

std::vector<std::string> legend_lines(Language lang) {
  return {phrase(Word::Legend, lang),         phrase(Word::LegendEvent, lang),  phrase(Word::LegendDeadline, lang),
          phrase(Word::LegendEscalation, lang), phrase(Word::LegendDeemed, lang), phrase(Word::LegendPaused, lang),
          phrase(Word::LegendFinal, lang)};
}

}  // namespace izin::detail
