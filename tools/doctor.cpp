// `izin doctor [--repair]`: list the quarantined cases (damaged rows) of a
// database and, with --repair, rebuild each damaged snapshot from its intact journal.
#include <memory>

#include "case_session.hpp"
#include "commands.hpp"
#include "izin/words.hpp"

namespace izin::cli {
namespace {

// Inputs of doctor.
struct DoctorInput {
  CaseOptions options;
  bool repair = false;
};

// Rebuilds one damaged case from its journal; the reason when it cannot.
std::string try_repair(CaseSession& s, const DamagedCase& d) {
  try {
    if (!s.engine->repair(d.case_id)) return phrase(Word::JournalEmpty, s.language);
    return "";
  } catch (const StoreError& e) {
    return e.what();
  }
}

void run_doctor(const DoctorInput& in) {
  auto s = open_session(in.options, in.repair ? Access::Write : Access::Read);
  nlohmann::json rows = nlohmann::json::array();
  std::string text;
  int left = 0;
  const auto damaged = quarantined_cases(*s);
  for (const auto& d : damaged) {
    nlohmann::json row = {{"case", d.case_id}, {"row", d.where}, {"problem", d.problem}};
    text += phrase(Word::DoctorLine, s->language, {d.case_id, d.where, d.problem}) + "\n";
    if (in.repair) {
      const std::string failed = try_repair(*s, d);
      row["repaired"] = failed.empty();
      if (!failed.empty()) row["repair_failed"] = failed;
      text += (failed.empty() ? phrase(Word::DoctorRepaired, s->language)
                              : phrase(Word::DoctorNotRepaired, s->language, {failed})) + "\n";
      if (!failed.empty()) ++left;
    } else {
      ++left;
    }
    rows.push_back(row);
  }
  text += phrase(Word::DoctorSummary, s->language, {std::to_string(damaged.size())}) +
          (in.repair ? phrase(Word::DoctorRepairedCount, s->language,
                              {std::to_string(damaged.size() - static_cast<std::size_t>(left))})
                     : "") +
          "\n";
  print(in.options, {{"quarantined", rows}}, text);
  exit_status() = left == 0 ? 0 : 1;
}

}  // namespace

void add_doctor_command(CLI::App& app) {
  auto in = std::make_shared<DoctorInput>();
  auto* cmd = app.add_subcommand("doctor", "List quarantined (damaged) cases; --repair rebuilds them from their journals");
  cmd->add_flag("--repair", in->repair, "rebuild each damaged snapshot from its intact journal");
  add_case_options(*cmd, in->options);
  cmd->callback([in] { run_guarded([in] { run_doctor(*in); }); });
}

}  // namespace izin::cli
