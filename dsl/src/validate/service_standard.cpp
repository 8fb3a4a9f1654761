// IZ8xx: the published service standard (UU 25/2009 Pasal 21).
#include <string>

#include "validate/checks.hpp"

namespace izin::detail {

namespace {
// One missing component: `code`, the keyword, and what it tells the public.
void require_part(Findings& f, bool present, const char* code, const std::string& keyword, const std::string& en,
                  const std::string& id) {
  if (present) return;
  f.add(Severity::Warning, code, f.procedure.loc,
        "procedure " + quoted(f.procedure.id) + " has no `" + keyword + "`: the service standard (UU 25/2009 "
        "Pasal 21) must state " + en + "; add `" + keyword + "`",
        "prosedur " + quoted(f.procedure.id) + " tidak memiliki `" + keyword + "`: standar pelayanan (UU 25/2009 "
        "Pasal 21) wajib memuat " + id + "; tambahkan `" + keyword + "`");
}
}  // namespace

void check_service_standard(Findings& findings) {
  const Procedure& p = findings.procedure;
  require_part(findings, !p.title.empty(), "IZ801", "title \"…\"", "the name of the service", "nama layanan");
  require_part(findings, !p.legal.empty(), "IZ802", "legal \"…\"", "its legal basis", "dasar hukum");
  require_part(findings, !p.product.empty(), "IZ803", "product \"…\"", "the service product", "produk layanan");
  require_part(findings, p.sla.has_value(), "IZ804", "sla N working days", "the completion time",
               "jangka waktu penyelesaian");
}

}  // namespace izin::detail
