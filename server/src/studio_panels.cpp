#include "studio_panels.hpp"

#include <boost/beast/core/detail/base64.hpp>

#include "izin/graph.hpp"
#include "izin/preview.hpp"
#include "izin/rollout.hpp"
#include "izin/scenario.hpp"
#include "izin/words.hpp"
#include "page_checklist.hpp"
#include "page_fields.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;
namespace fs = std::filesystem;

namespace {

std::string base64(const std::string& bytes) {
  namespace b64 = boost::beast::detail::base64;
  std::string out(b64::encoded_size(bytes.size()), '\0');
  out.resize(b64::encode(out.data(), bytes.data(), bytes.size()));
  return out;
}

// Each state numbered in file order with where its events lead: the diagram in words.
mustache::data numbered_states(const Procedure& p) {
  mustache::data states{mustache::data::type::list};
  for (std::size_t i = 0; i < p.states.size(); ++i) {
    const auto& s = p.states[i];
    mustache::data moves{mustache::data::type::list};
    for (const auto& t : s.transitions)
      moves.push_back(mustache::data{"move", t.event + " → " + p.states[static_cast<std::size_t>(t.target)].id});
    mustache::data row{mustache::data::type::object};
    row.set("number", std::to_string(i + 1));
    row.set("id", s.id);
    row.set("label", s.label);
    row.set("moves", moves);
    states.push_back(row);
  }
  return states;
}

// "after 3 working days -> disetujui (deemed)", as `izin deadlines` words it.
std::string deadline_words(const PreviewDeadline& d, Language lang) {
  const std::string after = phrase(Word::After, lang, {duration_text(d.after, lang)});
  if (!d.automatic) return after + phrase(Word::Notify, lang) + d.notify;
  return after + " -> " + d.target + (d.deemed ? phrase(Word::Deemed, lang) : "");
}

mustache::data preview_step(const PreviewStep& s, Language lang) {
  mustache::data deadlines{mustache::data::type::list};
  for (const auto& d : s.deadlines) {
    mustache::data row{mustache::data::type::object};
    row.set("text", deadline_words(d, lang));
    row.set("day", day_text(d.last_day, lang));
    row.set("provisional", d.provisional);
    row.set("conditional", d.conditional);
    deadlines.push_back(row);
  }
  mustache::data step{mustache::data::type::object};
  step.set("id", s.id);
  step.set("label", s.label);
  step.set("paused", s.paused);
  step.set("deadlines", deadlines);
  return step;
}

}  // namespace

mustache::data studio_diagram(const Procedure& p, Language lang) {
  mustache::data out{mustache::data::type::object};
  const auto svg = graphviz_available() ? render_svg(render_dot(p, lang)) : std::nullopt;
  if (svg) {
    // As an image, so nothing in the drawing can run as part of the page.
    out.set("svg_src", "data:image/svg+xml;base64," + base64(*svg));
  } else {
    out.set("no_dot", true);
    out.set("states", numbered_states(p));
  }
  return out;
}

mustache::data studio_checklist(const Procedure& p, const std::map<std::string, std::string>& form) {
  std::vector<Value> data(p.data.size());
  for (auto& [field, value] : posted_data(p, form).data) data[static_cast<std::size_t>(p.field_index(field))] = value;
  std::vector<bool> received(p.requirements.size(), false);
  for (const auto& id : posted_documents(p, form))
    for (std::size_t i = 0; i < p.requirements.size(); ++i) received[i] = received[i] || p.requirements[i].id == id;
  mustache::data fields{mustache::data::type::list};
  for (std::size_t i = 0; i < p.data.size(); ++i) fields.push_back(field_input(p.data[i], data[i]));
  mustache::data out{mustache::data::type::object};
  out.set("fields", fields);
  out.set("checklist", checklist(p, data, received));
  return out;
}

mustache::data studio_deadlines(const Procedure& p, const Library& library, std::string from, Instant now, Language lang) {
  mustache::data out{mustache::data::type::object};
  const CalendarPtr cal = p.calendar.empty() ? nullptr : library.calendars.find(p.calendar);
  if (from.empty() && cal) from = cal->local_date(now).to_string();
  out.set("from", from);
  const auto date = Date::parse(from);
  if (!cal || !date) {
    out.set("problem", cal ? "bad_date" : "no_calendar");
    out.set(cal ? "bad_date" : "no_calendar", true);
    return out;
  }
  const DeadlinePreview pv = preview_deadlines(p, *cal, cal->start_of_day(*date) + std::chrono::hours(8));
  mustache::data steps{mustache::data::type::list};
  for (const auto& s : pv.steps) steps.push_back(preview_step(s, lang));
  out.set("calendar", cal->name());
  out.set("steps", steps);
  if (pv.reached_final) out.set("outcome", outcome_text(pv.outcome, lang) + (pv.deemed ? phrase(Word::Deemed, lang) : ""));
  if (pv.sla_due && p.sla) {
    out.set("sla_days", std::to_string(p.sla->working_days));
    out.set("sla_due", day_text(*pv.sla_due, lang));
    out.set("sla_provisional", pv.sla_provisional);
  }
  return out;
}

mustache::data studio_scenarios(const StudioCheck& check, const fs::path& dir, const std::string& file, Language lang) {
  mustache::data out{mustache::data::type::object};
  const fs::path scenarios = dir / fs::path(file).replace_extension(".test.yaml");
  out.set("scenario_file", fs::path(file).replace_extension(".test.yaml").generic_string());
  if (!fs::exists(scenarios)) return out;
  const ScenarioReport report = run_scenarios(check.library, {scenarios}, lang);
  mustache::data cases{mustache::data::type::list};
  for (const auto& c : report.cases) {
    mustache::data failures{mustache::data::type::list};
    for (const auto& f : c.failures) failures.push_back(mustache::data{"text", f.to_string()});
    mustache::data row{mustache::data::type::object};
    row.set("name", c.name);
    row.set("passed", c.passed());
    row.set("failures", failures);
    cases.push_back(row);
  }
  mustache::data problems{mustache::data::type::list};  // a scenario file that does not read
  for (const auto& d : report.diagnostics) problems.push_back(mustache::data{"text", format_diagnostic(d, "")});
  mustache::data coverage{mustache::data::type::list};
  for (const auto& pc : report.coverage) {
    mustache::data gaps{mustache::data::type::list};
    for (const auto& g : pc.gaps) gaps.push_back(mustache::data{"gap", g.description});
    mustache::data row{mustache::data::type::object};
    row.set("text", phrase(Word::Coverage, lang, {pc.procedure, std::to_string(pc.version), std::to_string(pc.transitions_exercised),
                                                  std::to_string(pc.transitions), std::to_string(pc.deadlines_exercised),
                                                  std::to_string(pc.deadlines)}));
    row.set("gaps", gaps);
    coverage.push_back(row);
  }
  out.set("ran", true);
  out.set("cases", cases);
  out.set("problems", problems);
  out.set("coverage", coverage);
  out.set("summary", phrase(Word::TestSummary, lang, {std::to_string(report.passed()), std::to_string(report.failed())}));
  out.set("all_passed", report.failed() == 0 && report.diagnostics.empty());
  return out;
}

}  // namespace izin::server
