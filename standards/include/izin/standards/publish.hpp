// The office's service standards as a static site (`izin publish`): one page
// per service and an index, in Indonesian and in English under en/, and one
// JSON file per service under json/. Plain HTML and CSS, no script.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "izin/procedure.hpp"
#include "izin/standards/service_standard.hpp"

namespace izin::standards {

struct PublishOptions {
  std::string base_url;  // the site's online address ("https://…/layanan/"); "" leaves pages relative
                         // and the print layout without its QR code to the online page
};

// The service's page: all 14 components, office particulars, a print style for one A4 sheet.
std::string render_service_page(const ServiceStandard& standard, const PublishOptions& options = {});

// The index of services: title, link to each page, completion time; the office's particulars.
std::string render_index_page(const std::vector<ServiceStandard>& standards, const PublishOptions& options = {});

// The same data as the page, as a JSON object (components by number, key, title and lines).
std::string render_service_json(const ServiceStandard& standard);

// What write_site wrote and what it found missing.
struct PublishResult {
  std::vector<std::filesystem::path> files;
  std::vector<std::string> missing;  // "pbg: 9 supervision", one per service and empty component
};

// The site in memory: each file's path under the site ("index.html", "pbg.svg", "en/pbg.html",
// "json/pbg.json") and text, in the order write_site writes them; `izin serve` serves it
// under /layanan/.
struct SiteFile {
  std::string path;
  std::string text;
};
struct Site {
  std::vector<SiteFile> files;
  std::vector<std::string> missing;  // as in PublishResult
};
Site render_site(const std::vector<ProcedurePtr>& procedures, const OfficeProfile& office,
                 const PublishOptions& options = {});

// Writes index.html, <id>.html, <id>.svg (the diagram, when Graphviz `dot` is
// installed), en/index.html, en/<id>.html, en/<id>.svg and json/<id>.json
// under `out` for the newest version of each procedure id, sorted by id.
PublishResult write_site(const std::vector<ProcedurePtr>& procedures, const OfficeProfile& office,
                         const std::filesystem::path& out, const PublishOptions& options = {});

}  // namespace izin::standards
