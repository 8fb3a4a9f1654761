// What the studio shows beside the text, each computed from the posted
// procedure by the library functions behind the command line: the diagram
// (izin graph), the checklist for sample data (the counter's), the deadline
// preview (izin deadlines), the scenarios with coverage (izin test) and the
// rollout comparison (izin check --against).
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <string>

#include "app.hpp"
#include "studio_check.hpp"

namespace izin::server {

// The diagram as an <img> of the SVG from Graphviz, or, without `dot`, a note and the numbered states.
kainjow::mustache::data studio_diagram(const Procedure& p, Language lang);
// The sample-data inputs (the counter's, named isi_…) and the checklist they give.
kainjow::mustache::data studio_checklist(const Procedure& p, const std::map<std::string, std::string>& form);
// The deadline preview of a case opened at 08:00 local on `from` (YYYY-MM-DD; "" : the local day of `now`)
// on the procedure's real calendar.
kainjow::mustache::data studio_deadlines(const Procedure& p, const Library& library, std::string from, Instant now,
                                         Language lang);
// The results of the scenario file beside the procedure file (NAME.test.yaml), with coverage.
kainjow::mustache::data studio_scenarios(const StudioCheck& check, const std::filesystem::path& dir,
                                         const std::string& file, Language lang);
// The rollout check against the versions the service runs, and the open cases of the procedure by version and state.
kainjow::mustache::data studio_rollout(App& app, const Procedure& p, Language lang);

// Every panel for a posted text; the sample data and the date come from the form (isi_…, dok_…, dari).
kainjow::mustache::data studio_panels(App& app, const StudioCheck& check, const std::string& file,
                                      const std::map<std::string, std::string>& form, bool compare, Language lang);

}  // namespace izin::server
