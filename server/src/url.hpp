// Request targets: path and query, percent-decoded; path patterns with {name}.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace izin::server {

// "/a/b?x=1" → {"/a/b", "x=1"}.
std::pair<std::string, std::string> split_target(std::string_view target);
// "%41+b" → "A b"; nullopt when a % escape is malformed.
std::optional<std::string> percent_decode(std::string_view text);
// "a=1&b=x%20y" → {a: 1, b: "x y"}; malformed pairs are skipped.
std::map<std::string, std::string> parse_query(std::string_view query);
// The {name} values when `path` fits `pattern` segment by segment, else nullopt.
std::optional<std::map<std::string, std::string>> match_path(std::string_view pattern, std::string_view path);

}  // namespace izin::server
