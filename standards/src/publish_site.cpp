// `izin publish`'s output: the pages in both languages and the JSON, written under one folder.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>

#include "izin/graph.hpp"
#include "izin/standards/publish.hpp"

namespace izin::standards {
namespace {

nlohmann::json office_json(const OfficeProfile& o) {
  nlohmann::json channels = nlohmann::json::array();
  for (const auto& c : o.complaint_channels) channels.push_back(c.id);
  return {{"name", o.name.id}, {"address", o.address.id}, {"opening_hours", o.opening_hours.id},
          {"maklumat", o.maklumat.id}, {"complaint_channels", channels}};
}

nlohmann::json requirements_json(const ServiceStandard& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : s.requirements)
    out.push_back({{"id", r.id}, {"label", r.label}, {"condition", r.condition}, {"rules", r.rules},
                   {"internal", r.internal}, {"optional", r.optional}});
  return out;
}

// The newest version of each id, sorted by id.
std::vector<ProcedurePtr> newest(const std::vector<ProcedurePtr>& procedures) {
  std::map<std::string, ProcedurePtr> by_id;
  for (const auto& p : procedures)
    if (auto& slot = by_id[p->id]; !slot || slot->version < p->version) slot = p;
  std::vector<ProcedurePtr> out;
  for (auto& [id, p] : by_id) out.push_back(p);
  return out;
}

// The procedure drawn by Graphviz, labels in `lang`; nullopt without `dot`, and the page goes without it.
std::optional<std::string> diagram(const Procedure& p, Language lang) {
  return graphviz_available() ? render_svg(render_dot(p, lang)) : std::nullopt;
}

void write(const std::filesystem::path& path, const std::string& text, PublishResult& result) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary);
  if (!(file << text)) throw std::runtime_error("cannot write " + path.string());
  result.files.push_back(path);
}

}  // namespace

std::string render_service_json(const ServiceStandard& s) {
  nlohmann::json components = nlohmann::json::array();
  for (const auto& c : s.components())
    components.push_back({{"number", c.number}, {"key", c.key}, {"title", c.title}, {"lines", c.lines}});
  nlohmann::json fees = nlohmann::json::array();
  for (const auto& f : s.fees) fees.push_back({{"id", f.id}, {"label", f.label}, {"formula", f.formula}, {"example", f.example}});
  const nlohmann::json out = {
      {"id", s.id}, {"title", s.title}, {"version", s.version},
      {"language", s.lang == Language::Indonesian ? "id" : "en"}, {"legal", s.legal},
      {"requirements", requirements_json(s)}, {"completion_time", s.completion_time}, {"fees", fees},
      {"product", s.product}, {"complaint_procedure", s.complaint_procedure}, {"office", office_json(s.office)},
      {"components", components}, {"missing", s.missing()}};
  return out.dump(2) + "\n";
}

Site render_site(const std::vector<ProcedurePtr>& procedures, const OfficeProfile& office, const PublishOptions& options) {
  Site site;
  for (const Language lang : {Language::Indonesian, Language::English}) {
    const std::string dir = lang == Language::English ? "en/" : "";
    std::vector<ServiceStandard> standards;
    for (const auto& p : newest(procedures)) {
      standards.push_back(build_service_standard(*p, office, lang));
      if (auto svg = diagram(*p, lang)) {
        standards.back().diagram = p->id + ".svg";
        site.files.push_back({dir + standards.back().diagram, std::move(*svg)});
      }
    }
    for (const auto& s : standards) {
      site.files.push_back({dir + s.id + ".html", render_service_page(s, options)});
      if (lang != Language::Indonesian) continue;
      site.files.push_back({"json/" + s.id + ".json", render_service_json(s)});
      for (const auto& m : s.missing()) site.missing.push_back(s.id + ": " + m);
    }
    site.files.push_back({dir + "index.html", render_index_page(standards, options)});
  }
  return site;
}

PublishResult write_site(const std::vector<ProcedurePtr>& procedures, const OfficeProfile& office,
                         const std::filesystem::path& out, const PublishOptions& options) {
  Site site = render_site(procedures, office, options);
  PublishResult result;
  for (const auto& f : site.files) write(out / f.path, f.text, result);
  result.missing = std::move(site.missing);
  return result;
}

}  // namespace izin::standards
