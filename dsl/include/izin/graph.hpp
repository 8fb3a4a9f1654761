// Diagrams of a procedure: Graphviz dot and Mermaid text, for SOP documents
// and for staff who review a procedure before it goes live.
#pragma once

#include <string>

#include "izin/procedure.hpp"

namespace izin {

// The procedure as a Graphviz digraph: the initial state marked, finals with
// their outcome, paused states marked, transitions labelled with event, roles
// and guard, deadlines dashed with their duration, escalations dotted, and
// deemed decisions bold red with "deemed".
std::string render_dot(const Procedure& procedure);

// The same diagram as a Mermaid `stateDiagram-v2`, for Markdown pages.
std::string render_mermaid(const Procedure& procedure);

}  // namespace izin
