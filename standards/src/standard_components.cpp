// The 14 components of a service standard (UU 25/2009 Pasal 21) as lines of text, in order.
#include "izin/standards/service_standard.hpp"
#include "report_text.hpp"

namespace izin::standards {
namespace {

using detail::tr;

std::vector<std::string> requirement_lines(const ServiceStandard& s) {
  const Language lang = s.lang;
  std::vector<std::string> out;
  for (const StandardRequirement& r : s.requirements) {
    std::string line = r.label.empty() ? r.id : r.label;
    if (!r.condition.empty()) line += std::string(tr(lang, " — hanya jika ", " — only when ")) + r.condition;
    for (const auto& rule : r.rules) line += std::string(tr(lang, "; aturan: ", "; rule: ")) + rule;
    if (r.internal) line += tr(lang, " (diperoleh kantor sendiri, pemohon tidak perlu membawa)",
                               " (obtained by the office itself; the applicant need not bring it)");
    if (r.optional) line += tr(lang, " (tidak wajib)", " (optional)");
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<std::string> step_lines(const ServiceStandard& s) {
  std::vector<std::string> out;
  for (const StandardStep& step : s.steps) {
    std::string line = step.title;
    for (std::size_t i = 0; i < step.actions.size(); ++i) line += (i == 0 ? ": " : "; ") + step.actions[i];
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<std::string> fee_lines(const ServiceStandard& s) {
  if (s.fees.empty()) return {std::string(tr(s.lang, "Tidak dipungut biaya (gratis).", "Free of charge."))};
  std::vector<std::string> out;
  for (const StandardFee& f : s.fees) {
    out.push_back((f.label.empty() ? f.id : f.label) + std::string(tr(s.lang, ": Rp = ", ": IDR = ")) + f.formula);
    if (!f.example.empty()) out.push_back(std::string(tr(s.lang, "Contoh perhitungan: ", "Worked example: ")) + f.example);
  }
  return out;
}

std::vector<std::string> one(const std::string& text) {
  return text.empty() ? std::vector<std::string>{} : std::vector<std::string>{text};
}

std::vector<std::string> office_lines(const ServiceStandard& s, std::string_view key) {
  std::vector<std::string> out = one(s.office.component(s.id, key).in(s.lang));
  if (key == "guarantee" && !s.office.maklumat.empty() && !out.empty())
    out.push_back(std::string(tr(s.lang, "Maklumat pelayanan: ", "Service pledge (maklumat pelayanan): ")) +
                  s.office.maklumat.in(s.lang));
  if (key == "complaints" && !out.empty())
    for (const auto& c : s.office.complaint_channels) out.push_back(std::string(tr(s.lang, "Saluran: ", "Channel: ")) + c.in(s.lang));
  return out;
}

}  // namespace

std::vector<StandardComponent> ServiceStandard::components() const {
  const Language l = lang;
  std::vector<StandardComponent> out = {
      {1, "legal", std::string(tr(l, "Dasar hukum", "Legal basis")), one(legal)},
      {2, "requirements", std::string(tr(l, "Persyaratan", "Requirements")), requirement_lines(*this)},
      {3, "procedure", std::string(tr(l, "Sistem, mekanisme dan prosedur", "System, mechanism and procedure")),
       step_lines(*this)},
      {4, "completion_time", std::string(tr(l, "Jangka waktu penyelesaian", "Completion time")), one(completion_time)},
      {5, "fees", std::string(tr(l, "Biaya/tarif", "Fees")), fee_lines(*this)},
      {6, "product", std::string(tr(l, "Produk pelayanan", "Service product")), one(product)},
  };
  const std::pair<const char*, const char*> titles[] = {
      {"Sarana, prasarana dan/atau fasilitas", "Facilities"},
      {"Kompetensi pelaksana", "Staff competence"},
      {"Pengawasan internal", "Internal supervision"},
      {"Penanganan pengaduan, saran dan masukan", "Complaints, suggestions and feedback"},
      {"Jumlah pelaksana", "Number of staff"},
      {"Jaminan pelayanan", "Service guarantee"},
      {"Jaminan keamanan dan keselamatan pelayanan", "Security and safety guarantee"},
      {"Evaluasi kinerja pelaksana", "Staff performance evaluation"}};
  for (std::size_t i = 0; i < std::size(kOfficeComponents); ++i)
    out.push_back({static_cast<int>(i) + 7, std::string(kOfficeComponents[i]),
                   std::string(tr(l, titles[i].first, titles[i].second)), office_lines(*this, kOfficeComponents[i])});
  return out;
}

std::vector<std::string> ServiceStandard::missing() const {
  std::vector<std::string> out;
  for (const StandardComponent& c : components())
    if (c.lines.empty()) out.push_back(std::to_string(c.number) + " " + c.key);
  return out;
}

}  // namespace izin::standards
