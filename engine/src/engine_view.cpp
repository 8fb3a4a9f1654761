// A case in its procedure's names (Engine::view): the one place the indexes
// a Case keeps are turned into ids for embedders.
#include <algorithm>
#include <stdexcept>

#include "engine_impl.hpp"

namespace izin {
namespace {

PendingView pending_view(const Procedure& p, const State& st, const PendingDeadline& pd) {
  const Deadline& d = st.deadlines.at(static_cast<std::size_t>(pd.deadline));
  PendingView v{detail::deadline_name(d), pd.due, pd.provisional, "", ""};
  if (d.is_transition()) v.target = p.states[static_cast<std::size_t>(d.target)].id;
  else if (d.notify_role >= 0) v.notify = p.roles[static_cast<std::size_t>(d.notify_role)].id;
  return v;
}

}  // namespace

CaseView Engine::view(const Case& c) const {
  const Procedure* p = impl_->find_procedure(c.procedure, c.version);
  if (!p)
    throw std::invalid_argument("Engine::view: case " + c.id + " is on " + c.procedure + " version " +
                                std::to_string(c.version) + ", which is not registered");
  if (c.state < 0 || static_cast<std::size_t>(c.state) >= p->states.size())
    throw std::invalid_argument("Engine::view: case " + c.id + " has state index " + std::to_string(c.state) +
                                ", which " + c.procedure + " version " + std::to_string(c.version) + " does not have");
  const State& st = p->states[static_cast<std::size_t>(c.state)];
  CaseView v;
  v.id = c.id;
  v.procedure = c.procedure;
  v.version = c.version;
  v.state = st.id;
  v.state_label = st.label;
  for (std::size_t i = 0; i < p->data.size(); ++i) v.data[p->data[i].id] = i < c.data.size() ? c.data[i] : Value();
  for (std::size_t i = 0; i < p->requirements.size() && i < c.documents.size(); ++i)
    if (c.documents[i]) v.documents.push_back(p->requirements[i].id);
  for (const PendingDeadline& pd : c.pending) v.pending.push_back(pending_view(*p, st, pd));
  std::stable_sort(v.pending.begin(), v.pending.end(), [](const auto& a, const auto& b) { return a.due < b.due; });
  v.opened_at = c.opened_at;
  v.entered_at = c.entered_at;
  v.closed = c.closed;
  v.outcome = c.outcome;
  v.deemed = c.deemed;
  v.revision = c.revision;
  return v;
}

const Value& CaseView::value(std::string_view field) const {
  const auto it = data.find(std::string(field));
  if (it == data.end())
    throw std::out_of_range("case " + id + ": " + procedure + " version " + std::to_string(version) +
                            " declares no data field '" + std::string(field) + "'");
  return it->second;
}

bool CaseView::submitted(std::string_view requirement) const {
  return std::find(documents.begin(), documents.end(), requirement) != documents.end();
}

}  // namespace izin
