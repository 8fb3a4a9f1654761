// IZ5xx: deadlines, escalations and the promised service time.
#include <string>

#include "validate/checks.hpp"
#include "validate/duration_order.hpp"
#include "validate/sla_path.hpp"

namespace izin::detail {

namespace {

// IZ501: `after 0 …` fires at once, which is never what a rule means.
void check_zero_durations(Findings& f) {
  for (const auto& s : f.procedure.states)
    for (const auto& d : s.deadlines) {
      if (d.after.amount > 0) continue;
      f.add(Severity::Error, "IZ501", d.loc,
            "deadline `after " + d.after.to_string() + "` in state " + quoted(s.id) +
                " is not positive; write the real time limit (at least 1)",
            "tenggat `after " + d.after.to_string() + "` di state " + quoted(s.id) +
                " tidak positif; tuliskan batas waktu yang sebenarnya (minimal 1)");
    }
}

// IZ520: a duration so long that its deadline could fall past 9999-12-31,
// the last date izin stores; the limit is a century in every unit.
void check_duration_range(Findings& f) {
  const std::string most = "36500 days, 36500 working days or 876000 hours";
  const std::string most_id = "36500 hari, 36500 hari kerja atau 876000 jam";
  for (const auto& s : f.procedure.states)
    for (const auto& d : s.deadlines) {
      if (duration_in_range(d.after) || d.after.amount <= 0) continue;
      f.add(Severity::Error, "IZ520", d.loc,
            "deadline `after " + d.after.to_string() + "` in state " + quoted(s.id) +
                " is too long: its due date could fall past 9999-12-31, which izin cannot store (at most " + most + ")",
            "tenggat `after " + d.after.to_string() + "` di state " + quoted(s.id) +
                " terlalu panjang: jatuh temponya bisa melewati 9999-12-31, yang tidak dapat disimpan izin (paling lama " +
                most_id + ")");
    }
  const auto& sla = f.procedure.sla;
  if (!sla || sla->working_days <= kMaxDurationDays) return;
  const std::string n = std::to_string(sla->working_days);
  f.add(Severity::Error, "IZ520", sla->loc,
        "`sla " + n + " working days` is too long: its due date could fall past 9999-12-31 (at most 36500 working days)",
        "`sla " + n + " working days` terlalu panjang: jatuh temponya bisa melewati 9999-12-31 (paling lama 36500 hari kerja)");
}

// IZ502: a non-final state without any `after` line: a case may wait there
// forever and nobody is told.
void check_unwatched_states(Findings& f) {
  for (const auto& s : f.procedure.states) {
    if (s.final || !s.deadlines.empty()) continue;
    f.add(Severity::Warning, "IZ502", s.loc,
          "state " + quoted(s.id) + " has no `after` deadline, so a case can wait there forever without anyone "
          "being warned; add `after N working days notify ROLE \"…\"` or an automatic transition",
          "state " + quoted(s.id) + " tidak memiliki tenggat `after`, sehingga permohonan dapat menunggu "
          "selamanya tanpa ada yang diingatkan; tambahkan `after N working days notify ROLE \"…\"` atau "
          "transisi otomatis");
  }
}

// The first unguarded automatic transition that always leaves before `n` is due.
const Deadline* leaves_first(const State& s, const Deadline& n) {
  for (const auto& d : s.deadlines)
    if (d.is_transition() && !d.guard && d.after.amount > 0 && never_later(d.after, n.after)) return &d;
  return nullptr;
}

// IZ503: an escalation that never fires because the case always leaves first.
void check_dead_escalations(Findings& f) {
  for (const auto& s : f.procedure.states)
    for (const auto& n : s.deadlines) {
      if (n.is_transition() || n.after.amount <= 0) continue;
      const Deadline* t = leaves_first(s, n);
      if (t == nullptr) continue;
      f.add(Severity::Warning, "IZ503", n.loc,
            "escalation `after " + n.after.to_string() + " notify` in state " + quoted(s.id) +
                " can never fire: `after " + t->after.to_string() + "` on " + line_ref(t->loc, Language::English) +
                " always moves the case first; make the escalation earlier",
            "eskalasi `after " + n.after.to_string() + " notify` di state " + quoted(s.id) +
                " tidak akan pernah terjadi: `after " + t->after.to_string() + "` di " +
                line_ref(t->loc, Language::Indonesian) + " selalu memindahkan permohonan lebih dulu; "
                "majukan eskalasinya");
    }
}

// "a → b → c" for messages.
std::string path_text(const Procedure& p, const std::vector<int>& path) {
  std::string text;
  for (int s : path) text += (text.empty() ? "" : " → ") + p.states[static_cast<std::size_t>(s)].id;
  return text;
}

// IZ504: the SLA is shorter than the states' own deadlines allow.
void check_sla_fits(Findings& f) {
  const Procedure& p = f.procedure;
  if (!p.sla) return;
  const SlaPath worst = longest_sla_path(p, p.sla->working_days);
  if (worst.working_days <= p.sla->working_days) return;
  const std::string n = std::to_string(worst.working_days), sla = std::to_string(p.sla->working_days);
  f.add(Severity::Warning, "IZ504", p.sla->loc,
        "the SLA promises " + sla + " working days, but the deadlines allow " + n + " along " +
            path_text(p, worst.states) + "; shorten those deadlines or raise the SLA",
        "SLA menjanjikan " + sla + " hari kerja, tetapi tenggat memungkinkan " + n + " hari kerja melalui " +
            path_text(p, worst.states) + "; persingkat tenggat tersebut atau naikkan SLA");
}

}  // namespace

void check_time(Findings& findings) {
  check_zero_durations(findings);
  check_duration_range(findings);
  check_unwatched_states(findings);
  check_dead_escalations(findings);
  check_sla_fits(findings);
}

}  // namespace izin::detail
