// The words of the office's pages, in Indonesian (the default) and English.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>

#include "izin/diagnostic.hpp"

namespace izin::server {

// Every page word by key, for templates as {{w.key}}.
kainjow::mustache::data page_words(Language lang);
// One word; throws std::logic_error for a key no page defines.
std::string page_word(Language lang, const std::string& key);

}  // namespace izin::server
