// Refused events by reason, read back from the journal's stored outcomes.
#include "office/refusals.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace izin::detail {

namespace {
// The refusal code of its JSON name; nullopt for a name this build does not know.
std::optional<RefusalCode> code_named(const std::string& name) {
  for (int i = 0; i <= static_cast<int>(RefusalCode::CaseExists); ++i) {
    const auto code = static_cast<RefusalCode>(i);
    if (refusal_code_name(code) == name) return code;
  }
  return std::nullopt;
}

// A requirement as the report names it: "gambar (Dokumen rencana teknis)".
std::string requirement_name(const Procedure& p, const std::string& id) {
  const int index = p.requirement_index(id);
  const std::string label = index >= 0 ? p.requirements[static_cast<std::size_t>(index)].label : "";
  return label.empty() ? id : id + " (" + label + ")";
}

// What the refusal was about, for its tally (see RefusalTally::detail).
std::string detail_of(RefusalCode code, const nlohmann::json& refusal, const JournalEntry& entry) {
  switch (code) {
    case RefusalCode::GuardFalse: return refusal.value("condition", "");
    case RefusalCode::RoleNotAllowed: return entry.actor.role + " -> " + entry.event;
    case RefusalCode::NoSuchEvent: return entry.event;
    case RefusalCode::CaseClosed: return "";
    default: return refusal.value("message", "");
  }
}
}  // namespace

void count_refusals(Store& store, const Procedure& p, const Case& c, RefusalCounts& counts,
                    std::map<std::string, int>& missing) {
  for (const auto& entry : store.journal(c.id)) {
    if (entry.accepted || entry.result.empty()) continue;
    const nlohmann::json result = nlohmann::json::parse(entry.result, nullptr, false);
    if (result.is_discarded() || !result.contains("refusal") || !result["refusal"].is_object()) continue;
    const nlohmann::json& refusal = result["refusal"];
    const auto code = code_named(refusal.value("code", ""));
    if (!code) continue;
    if (*code != RefusalCode::MissingDocuments || !refusal.contains("missing")) {
      ++counts[{p.id, *code, detail_of(*code, refusal, entry)}];
      continue;
    }
    for (const auto& m : refusal["missing"]) {
      const std::string name = requirement_name(p, m.value("requirement", ""));
      ++missing[p.id + ": " + name];
      ++counts[{p.id, *code, name}];
    }
  }
}

std::vector<RefusalTally> sorted_tallies(const RefusalCounts& counts) {
  std::vector<RefusalTally> out;
  for (const auto& [key, count] : counts)
    out.push_back(RefusalTally{std::get<0>(key), std::get<1>(key), std::get<2>(key), count});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  return out;
}

}  // namespace izin::detail
