// IZ805/IZ806: office.yaml checked against the procedures it must complete.
#include "izin/standards/office_check.hpp"

#include <map>

#include "izin/standards/office_profile.hpp"

namespace izin::standards {
namespace {

Diagnostic missing_value(const Procedure& p, const std::string& key, Language lang) {
  const std::string where = "`" + key + "`";
  const std::string message =
      lang == Language::Indonesian
          ? "standar pelayanan prosedur '" + p.id + "' tidak lengkap: office.yaml tidak mengisi " + where +
                " (UU 25/2009 Pasal 21); isi di office.yaml atau di bawah `services: " + p.id + ":`"
          : "the service standard of procedure '" + p.id + "' is incomplete: office.yaml gives no " + where +
                " (UU 25/2009 Pasal 21); add it to office.yaml or under `services: " + p.id + ":`";
  return {Severity::Warning, "IZ805", p.file, p.loc.line, p.loc.column, message};
}

}  // namespace

std::vector<Diagnostic> office_standard_diagnostics(const std::vector<ProcedurePtr>& procedures,
                                                    const std::string& office_path, Language lang) {
  OfficeProfile office;
  try {
    office = load_office_profile(office_path);
  } catch (const OfficeError& e) {
    const std::string why = e.what();
    return {{Severity::Error, "IZ806", office_path, e.line, e.line > 0 ? 1 : 0,
             (lang == Language::Indonesian ? "office.yaml tidak dapat dibaca: " : "office.yaml cannot be read: ") + why}};
  }
  std::map<std::string, ProcedurePtr> newest;
  for (const auto& p : procedures)
    if (auto& slot = newest[p->id]; !slot || slot->version < p->version) slot = p;
  std::vector<Diagnostic> out;
  for (const auto& [id, p] : newest)
    for (const auto& key : office.missing(id)) out.push_back(missing_value(*p, key, lang));
  return out;
}

}  // namespace izin::standards
