// Service standard pages: plain HTML, one small inline style, no script; the
// print style fits one A4 sheet for the counter's notice board.
#include <sstream>

#include "izin/qr_svg.hpp"
#include "izin/standards/publish.hpp"
#include "report_text.hpp"

namespace izin::standards {
namespace {

using detail::html_escape;
using detail::tr;

const char* const kStyle =
    "body{font-family:sans-serif;max-width:48em;margin:1em auto;padding:0 1em;line-height:1.4}"
    "h1{font-size:1.4em}h2{font-size:1.05em;margin:.8em 0 .2em}ul,ol{margin:.2em 0;padding-left:1.4em}"
    ".missing{color:#a00}nav,footer{font-size:.85em}.print-qr{display:none}.diagram img{max-width:100%;height:auto}"
    "@page{size:A4;margin:10mm}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:7.5pt;line-height:1.2}nav{display:none}"
    "h1{font-size:11pt;margin:0 0 2pt}h2{font-size:8pt;margin:3pt 0 1pt}section{break-inside:avoid}"
    ".diagram{display:none}"  // the numbered steps say it on paper; the drawing would not fit the sheet
    "main{column-count:2;column-gap:6mm}"
    ".print-qr{display:block;float:right;width:30mm;margin:0 0 2mm 3mm;text-align:center;font-size:6pt}"
    ".print-qr svg{width:30mm;height:30mm;shape-rendering:crispEdges}}";

void head(std::ostream& out, Language lang, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Language::Indonesian ? "id" : "en") << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
}

// "en/" for an English page, "" for an Indonesian one: where it lives under the site.
std::string folder(Language lang) { return lang == Language::English ? "en/" : ""; }

void office_line(std::ostream& out, const OfficeProfile& o, Language lang) {
  if (o.name.empty() && o.address.empty() && o.opening_hours.empty()) return;
  out << "<p>" << html_escape(o.name.in(lang));
  if (!o.address.empty()) out << " — " << html_escape(o.address.in(lang));
  if (!o.opening_hours.empty())
    out << "<br>" << tr(lang, "Jam layanan: ", "Opening hours: ") << html_escape(o.opening_hours.in(lang));
  out << "</p>\n";
}

void component(std::ostream& out, const ServiceStandard& s, const StandardComponent& c) {
  const Language lang = s.lang;
  out << "<section id=\"" << c.key << "\">\n<h2>" << c.number << ". " << html_escape(c.title) << "</h2>\n";
  if (c.lines.empty()) {
    out << "<p class=\"missing\">" << tr(lang, "Belum ditetapkan.", "Not yet stated.") << "</p>\n";
  } else {
    const char* list = c.key == "procedure" ? "ol" : "ul";
    out << "<" << list << ">\n";
    for (const auto& line : c.lines) out << "<li>" << html_escape(line) << "</li>\n";
    out << "</" << list << ">\n";
  }
  if (c.key == "procedure" && !s.diagram.empty())
    out << "<p class=\"diagram\"><img src=\"" << html_escape(s.diagram) << "\" alt=\""
        << tr(lang, "Diagram alur prosedur", "Diagram of the procedure") << "\"></p>\n";
  if (c.key == "complaints" && !s.complaint_procedure.empty() && s.complaint_procedure != s.id)
    out << "<p><a href=\"" << html_escape(s.complaint_procedure) << ".html\">"
        << tr(lang, "Prosedur pengaduan", "The complaint procedure") << "</a></p>\n";
  out << "</section>\n";
}

std::string page_url(const PublishOptions& o, Language lang, const std::string& file) {
  return o.base_url.empty() ? "" : o.base_url + (o.base_url.back() == '/' ? "" : "/") + folder(lang) + file;
}

// On paper only: a QR code to the page online, for the notice board; nothing without a base URL.
void print_qr(std::ostream& out, const std::string& url, Language lang) {
  if (url.empty()) return;
  out << "<div class=\"print-qr\">" << qr_svg(url, "") << "<br>"
      << tr(lang, "Pindai untuk versi daring", "Scan for the online version") << "</div>\n";
}

}  // namespace

std::string render_service_page(const ServiceStandard& s, const PublishOptions& options) {
  const Language lang = s.lang;
  std::ostringstream out;
  head(out, lang, std::string(tr(lang, "Standar Pelayanan: ", "Service Standard: ")) + s.title);
  const std::string other = lang == Language::English ? "../" + s.id + ".html" : "en/" + s.id + ".html";
  out << "<nav><a href=\"index.html\">" << tr(lang, "Daftar layanan", "All services") << "</a> · <a href=\""
      << html_escape(other) << "\">" << tr(lang, "English", "Bahasa Indonesia") << "</a></nav>\n";
  const std::string url = page_url(options, lang, s.id + ".html");
  print_qr(out, url, lang);
  out << "<h1>" << tr(lang, "Standar Pelayanan: ", "Service Standard: ") << html_escape(s.title) << "</h1>\n";
  office_line(out, s.office, lang);
  out << "<main>\n";
  for (const StandardComponent& c : s.components()) component(out, s, c);
  out << "</main>\n<footer><p>" << tr(lang, "Prosedur ", "Procedure ") << html_escape(s.id) << " "
      << tr(lang, "versi ", "version ") << s.version;
  if (!url.empty())
    out << " · " << tr(lang, "Daring: ", "Online: ") << html_escape(url);
  out << "</p></footer>\n</body>\n</html>\n";
  return out.str();
}

std::string render_index_page(const std::vector<ServiceStandard>& standards, const PublishOptions&) {
  const Language lang = standards.empty() ? Language::Indonesian : standards.front().lang;
  std::ostringstream out;
  head(out, lang, std::string(tr(lang, "Standar Pelayanan", "Service Standards")));
  out << "<nav><a href=\"" << (lang == Language::English ? "../index.html" : "en/index.html") << "\">"
      << tr(lang, "English", "Bahasa Indonesia") << "</a></nav>\n";
  out << "<h1>" << tr(lang, "Standar Pelayanan", "Service Standards") << "</h1>\n";
  if (!standards.empty()) office_line(out, standards.front().office, lang);
  out << "<ul>\n";
  for (const ServiceStandard& s : standards) {
    out << "<li><a href=\"" << html_escape(s.id) << ".html\">" << html_escape(s.title) << "</a>";
    if (!s.completion_time.empty()) out << " — " << html_escape(s.completion_time);
    out << "</li>\n";
  }
  out << "</ul>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace izin::standards
