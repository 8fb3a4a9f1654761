// "Bandingkan dengan versi berjalan": what a new version would change, against what the service runs.
#include <map>

#include "izin/rollout.hpp"
#include "studio_check.hpp"
#include "studio_panels.hpp"

namespace izin::server {

namespace mustache = kainjow::mustache;

namespace {

bool has_state(const Procedure& p, const std::string& id) {
  for (const auto& s : p.states)
    if (s.id == id) return true;
  return false;
}

// Open cases of the procedure by (version, state id): they keep their version whatever is saved.
std::map<std::pair<int, std::string>, int> open_cases(App& app, const std::string& procedure) {
  std::map<std::pair<int, std::string>, int> counts;
  for (const auto& c : app.store().load_cases(CaseFilter{procedure, "", true})) {
    const auto version = app.engine().procedure(c.procedure, c.version);
    const std::string state = version && c.state >= 0 ? version->states[static_cast<std::size_t>(c.state)].id : "?";
    ++counts[{c.version, state}];
  }
  return counts;
}

}  // namespace

mustache::data studio_rollout(App& app, const Procedure& p, Language lang) {
  const auto findings = check_rollout(std::vector<ProcedurePtr>{std::make_shared<Procedure>(p)}, app.engine().procedures(), lang);
  mustache::data list{mustache::data::type::list};
  for (const auto& d : findings) {
    const auto [what, hint] = split_hint(d.message);
    mustache::data row{mustache::data::type::object};
    row.set("code", d.code);
    row.set("is_error", d.severity == Severity::Error);
    row.set("message", what);
    row.set("hint", hint);
    list.push_back(row);
  }
  mustache::data open{mustache::data::type::list};
  for (const auto& [where, count] : open_cases(app, p.id)) {
    mustache::data row{mustache::data::type::object};
    row.set("version", std::to_string(where.first));
    row.set("state", where.second);
    row.set("count", std::to_string(count));
    row.set("dropped", !has_state(p, where.second));  // new cases could never reach it
    open.push_back(row);
  }
  const auto running = app.engine().procedure(p.id);
  mustache::data out{mustache::data::type::object};
  out.set("running_version", running ? std::to_string(running->version) : "-");
  out.set("new_version", std::to_string(p.version));
  out.set("findings", list);
  out.set("clean", findings.empty());
  out.set("open", open);
  out.set("none_open", open.is_empty_list());
  return out;
}

mustache::data studio_panels(App& app, const StudioCheck& check, const std::string& file,
                             const std::map<std::string, std::string>& form, bool compare, Language lang) {
  mustache::data out{mustache::data::type::object};
  const auto& p = check.compiled.procedure;
  if (!p) return out;  // the diagnostics say why; nothing else can be drawn
  const auto from = form.find("dari");
  out.set("diagram", studio_diagram(*p, lang));
  out.set("sample", studio_checklist(*p, form));
  out.set("deadlines", studio_deadlines(*p, check.library, from == form.end() ? "" : from->second, app.now(), lang));
  out.set("scenarios", studio_scenarios(check, app.procedures_dir(), file, lang));
  if (compare) out.set("rollout", studio_rollout(app, *p, lang));
  return out;
}

}  // namespace izin::server
