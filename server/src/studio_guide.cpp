#include "studio_guide.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

#include "page_assets.hpp"

namespace izin::server {

std::string markdown_html(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_DEFAULT;  // without CMARK_OPT_UNSAFE: raw HTML and javascript: links are dropped
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(cmark_parser_new(options), cmark_parser_free);
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> document(cmark_parser_finish(parser.get()), cmark_node_free);
  char* html = cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html ? html : "");
  std::free(html);
  return out;
}

const std::string& guide_html() {
  static const std::string html = markdown_html(page_asset("panduan-prosedur.md"));
  return html;
}

}  // namespace izin::server
