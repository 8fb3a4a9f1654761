// Diagrams of a procedure: Graphviz dot and Mermaid text, for SOP documents
// and for staff who review a procedure before it goes live.
#pragma once
#pragma GCC visibility push(default)  // public API: exported from a shared izin

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "izin/diagnostic.hpp"
#include "izin/procedure.hpp"

namespace izin {

// The procedure as a Graphviz digraph: the initial state marked, finals with
// their outcome, paused states marked, transitions labelled with event, roles
// and guard, deadlines dashed with their duration, escalations dotted, and
// deemed decisions bold red with "deemed", and a legend box; every word in `lang`.
std::string render_dot(const Procedure& procedure, Language lang = Language::English);

// The same diagram as a Mermaid `stateDiagram-v2`, for Markdown pages.
// The legend is a note beside the initial state; every word in `lang`.
std::string render_mermaid(const Procedure& procedure, Language lang = Language::English);

// Whether Graphviz `dot` is on PATH (render_svg needs it).
bool graphviz_available();

// Runs `dot -Tsvg` on a dot text (render_dot's): the SVG, or nullopt when `dot`
// is missing, fails, or takes longer than `limit` (it is then killed).
std::optional<std::string> render_svg(std::string_view dot_text,
                                      std::chrono::milliseconds limit = std::chrono::seconds(10));

}  // namespace izin

#pragma GCC visibility pop
