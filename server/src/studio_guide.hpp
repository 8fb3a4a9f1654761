// The guide for policy staff (docs/panduan-prosedur.md, compiled in) as HTML, rendered by cmark-gfm.
#pragma once

#include <string>
#include <string_view>

namespace izin::server {

// GitHub-flavoured Markdown (tables, strikethrough, autolinks) as HTML. Raw HTML in the text is
// left out (cmark-gfm's safe mode), so the result can go into a page as it is.
std::string markdown_html(std::string_view markdown);

// The guide docs/panduan-prosedur.md as HTML, rendered once.
const std::string& guide_html();

}  // namespace izin::server
