// IZ9xx: what a rollout must not do to versions already in use.
#include "izin/rollout.hpp"

#include <map>
#include <string>

namespace izin {

namespace {

// Deployed versions by procedure id, then by version number.
using Deployed = std::map<std::string, std::map<int, const Procedure*>>;

// One finding at the candidate procedure's line.
Diagnostic finding(const Procedure& p, const char* code, Language lang, const std::string& en,
                   const std::string& id) {
  return Diagnostic{Severity::Error, code, p.file, p.loc.line, p.loc.column, lang == Language::Indonesian ? id : en};
}

// "pbg version 3".
std::string name(const Procedure& p) { return "'" + p.id + "' version " + std::to_string(p.version); }
// "pbg versi 3".
std::string nama(const Procedure& p) { return "'" + p.id + "' versi " + std::to_string(p.version); }

// Whether two texts of one version differ (by digest when both have one).
bool content_differs(const Procedure& a, const Procedure& b) {
  if (!a.source_hash.empty() && !b.source_hash.empty()) return a.source_hash != b.source_hash;
  return a.source != b.source;
}

// IZ902 for each state of `old` that `p` no longer has.
void check_states_kept(const Procedure& p, const Procedure& old, Language lang, std::vector<Diagnostic>& out) {
  for (const auto& s : old.states) {
    if (p.state_index(s.id) >= 0) continue;
    std::string hint_en, hint_id;
    for (const auto& n : p.states)
      if (!s.label.empty() && n.label == s.label && old.state_index(n.id) < 0) {
        hint_en = " (renamed to '" + n.id + "'?)";
        hint_id = " (diganti nama menjadi '" + n.id + "'?)";
      }
    out.push_back(finding(p, "IZ902", lang,
                          name(p) + " drops state '" + s.id + "'" + hint_en + " of deployed " + name(old) +
                              " (" + old.file + "); open cases may sit there: keep the state or migrate them first",
                          nama(p) + " menghapus state '" + s.id + "'" + hint_id + " dari " + nama(old) +
                              " yang berjalan (" + old.file + "); permohonan terbuka mungkin ada di sana: "
                              "pertahankan state itu atau pindahkan permohonannya dahulu"));
  }
}

// IZ901/IZ902/IZ903 for one candidate version against its deployed versions.
void check_version(const Procedure& p, const std::map<int, const Procedure*>& versions, Language lang,
                   std::vector<Diagnostic>& out) {
  const Procedure& newest = *versions.rbegin()->second;
  if (auto same = versions.find(p.version); same != versions.end()) {
    if (content_differs(p, *same->second))
      out.push_back(finding(p, "IZ901", lang,
                            name(p) + " is deployed (" + same->second->file + ") with different text; a deployed "
                            "version never changes: restore it and publish the change as version " +
                                std::to_string(newest.version + 1),
                            nama(p) + " sudah berjalan (" + same->second->file + ") dengan teks berbeda; versi "
                            "yang berjalan tidak boleh berubah: kembalikan teksnya dan terbitkan perubahan sebagai "
                            "versi " + std::to_string(newest.version + 1)));
  } else if (p.version < newest.version) {
    out.push_back(finding(p, "IZ903", lang,
                          name(p) + " is lower than deployed " + name(newest) + "; number it " +
                              std::to_string(newest.version + 1) + " or higher",
                          nama(p) + " lebih rendah dari " + nama(newest) + " yang berjalan; beri nomor " +
                              std::to_string(newest.version + 1) + " atau lebih"));
  } else {
    check_states_kept(p, newest, lang, out);
  }
}

}  // namespace

std::vector<Diagnostic> check_rollout(const std::vector<ProcedurePtr>& candidate,
                                      const std::vector<ProcedurePtr>& deployed, Language lang) {
  Deployed by_id;
  for (const auto& p : deployed)
    if (p) by_id[p->id][p->version] = p.get();
  std::vector<Diagnostic> out;
  for (const auto& p : candidate) {
    if (!p) continue;
    const auto versions = by_id.find(p->id);
    if (versions != by_id.end()) check_version(*p, versions->second, lang, out);
  }
  return out;
}

std::vector<Diagnostic> check_rollout(const Library& candidate, const Library& deployed, Language lang) {
  return check_rollout(candidate.procedures, deployed.procedures, lang);
}

}  // namespace izin
