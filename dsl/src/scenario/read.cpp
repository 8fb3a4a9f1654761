// Reading one *.test.yaml file: procedure, cases, steps.
#include "scenario/read.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "izin/utf8.hpp"

#include "scenario/read_expect.hpp"
#include "scenario/reader.hpp"

namespace izin::detail {
namespace {

// Reports a key that must be there and is not.
bool require_key(ScenarioReader& r, const YAML::Node& n, const char* key, std::string_view what) {
  if (n[key]) return true;
  r.error("IZ092", n, std::string(what) + " needs the key '" + key + "'",
          std::string(what) + " memerlukan kunci '" + key + "'");
  return false;
}

// The optional `expect` of a step or case; false on a problem.
bool read_expect_into(ScenarioReader& r, const YAML::Node& n, bool event_step,
                      std::vector<Expectation>& into) {
  if (!n["expect"]) return true;
  auto e = read_expect(r, n["expect"], event_step);
  if (e) into = std::move(*e);
  return e.has_value();
}

// Whether the step's `expect` says the event is refused (`refused` other than
// false, or `refused_because`): only then may it name an undeclared event.
bool expects_refusal(const YAML::Node& n) {
  const YAML::Node e = n["expect"];
  if (!e || !e.IsMap()) return false;
  if (e["refused_because"]) return true;
  const YAML::Node r = e["refused"];
  return r && !(r.IsScalar() && r.Scalar() == "false");
}

// An event the procedure declares, or an undeclared one the step expects to be refused.
bool event_allowed(ScenarioReader& r, const YAML::Node& n, const std::string& event) {
  const Procedure& p = r.procedure();
  const bool declared = std::any_of(p.states.begin(), p.states.end(), [&](const State& s) {
    return std::any_of(s.transitions.begin(), s.transitions.end(), [&](const Transition& t) { return t.event == event; });
  });
  if (declared || expects_refusal(n)) return true;
  r.error("IZ291", n["event"],
          "event '" + event + "' is not declared in procedure " + p.id + " version " + std::to_string(p.version) +
              " (a step may name an undeclared event only when its expect has `refused` or `refused_because`)",
          "peristiwa '" + event + "' tidak dideklarasikan dalam prosedur " + p.id + " versi " +
              std::to_string(p.version) +
              " (langkah boleh menyebut peristiwa yang tidak dideklarasikan hanya bila expect memuat `refused` atau `refused_because`)");
  return false;
}

// The event fields of a step: at, event, by, data, documents, key.
bool read_event_fields(ScenarioReader& r, const YAML::Node& n, ScenarioStep& s) {
  bool ok = require_key(r, n, "at", "an event step") && require_key(r, n, "event", "an event step") &&
            require_key(r, n, "by", "an event step");
  if (!ok) return false;
  auto at = r.instant(n["at"]);
  auto event = r.scalar(n["event"], "event");
  auto role = r.scalar(n["by"], "by");
  ok = at && event && role && event_allowed(r, n, *event) && r.known(n["by"], "role", *role);
  if (!ok) return false;
  s.at = *at;
  s.event = *event;
  s.role = *role;
  if (n["key"]) {
    auto key = r.scalar(n["key"], "key");
    if (!key) return false;
    s.key = *key;
  }
  if (n["data"]) {
    auto data = r.data(n["data"]);
    if (!data) return false;
    s.data = std::move(*data);
  }
  if (n["documents"]) {
    auto docs = r.documents(n["documents"]);
    if (!docs) return false;
    s.documents = std::move(*docs);
  }
  return true;
}

// One step; nullopt on a problem.
std::optional<ScenarioStep> read_step(ScenarioReader& r, const YAML::Node& n) {
  ScenarioStep s;
  s.line = line_of(n);
  s.is_event = !(n.IsMap() && n["advance_to"]);
  const bool keys = s.is_event
                        ? r.check_map(n, {"at", "event", "by", "data", "documents", "key", "expect"}, "an event step")
                        : r.check_map(n, {"advance_to", "expect"}, "an advance_to step");
  if (!keys) return std::nullopt;
  bool ok = true;
  if (s.is_event) {
    ok = read_event_fields(r, n, s);
  } else if (auto at = r.instant(n["advance_to"])) {
    s.at = *at;
  } else {
    ok = false;
  }
  ok = read_expect_into(r, n, s.is_event, s.expect) && ok;  // checked even after a problem
  if (!ok) return std::nullopt;
  return s;
}

// The opening of a case: name, opened, data, documents.
bool read_case_head(ScenarioReader& r, const YAML::Node& n, ScenarioCase& c) {
  if (!require_key(r, n, "name", "a case") || !require_key(r, n, "opened", "a case")) return false;
  auto name = r.scalar(n["name"], "name");
  auto opened = r.instant(n["opened"]);
  if (!name || !opened) return false;
  c.name = *name;
  c.opened = *opened;
  if (n["data"]) {
    auto data = r.data(n["data"]);
    if (!data) return false;
    c.data = std::move(*data);
  }
  if (n["documents"]) {
    auto docs = r.documents(n["documents"]);
    if (!docs) return false;
    c.documents = std::move(*docs);
  }
  return true;
}

// One case; nullopt when it had any problem.
std::optional<ScenarioCase> read_case(ScenarioReader& r, const YAML::Node& n) {
  const int before = r.errors();
  ScenarioCase c;
  c.line = line_of(n);
  if (!r.check_map(n, {"name", "opened", "data", "documents", "steps", "expect"}, "a case")) return std::nullopt;
  read_case_head(r, n, c);  // problems are counted; the steps are still checked
  if (n["steps"] && !n["steps"].IsSequence()) {
    r.error("IZ092", n["steps"], "steps must be a list", "steps harus berupa daftar");
    return std::nullopt;
  }
  for (const auto& step : n["steps"]) {
    if (auto s = read_step(r, step)) c.steps.push_back(std::move(*s));
  }
  read_expect_into(r, n, false, c.expect);
  if (r.errors() != before) return std::nullopt;
  return c;
}

std::optional<YAML::Node> parse_yaml_text(const std::string& whole, const std::string& file, Language lang,
                                          std::vector<Diagnostic>& out);

// The parsed document, or nullptr with an IZ090 diagnostic.
std::optional<YAML::Node> parse_yaml(const std::filesystem::path& file, Language lang,
                                     std::vector<Diagnostic>& out) {
  const bool indonesian = lang == Language::Indonesian;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    out.push_back({Severity::Error, "IZ090", file.string(), 0, 0,
                   indonesian ? "berkas skenario tidak dapat dibaca" : "cannot read the scenario file"});
    return std::nullopt;
  }
  return parse_yaml_text(std::move(text).str(), file.string(), lang, out);
}

// The parsed text of a scenario file, or nullopt with an IZ020 or IZ090 diagnostic.
std::optional<YAML::Node> parse_yaml_text(const std::string& whole, const std::string& file, Language lang,
                                          std::vector<Diagnostic>& out) {
  const bool indonesian = lang == Language::Indonesian;
  if (const auto bad = first_invalid_utf8(whole)) {
    const TextPosition at = text_position(whole, *bad);
    out.push_back({Severity::Error, "IZ020", file, at.line, at.column,
                   indonesian ? "berkas skenario bukan UTF-8 yang sah di sini; simpan sebagai UTF-8"
                      : "the scenario file is not valid UTF-8 here; save it as UTF-8"});
    return std::nullopt;
  }
  try {
    return YAML::Load(whole);
  } catch (const YAML::Exception& e) {
    out.push_back({Severity::Error, "IZ090", file, e.mark.line + 1, e.mark.column + 1,
                   (lang == Language::Indonesian ? "YAML tidak sah: " : "not valid YAML: ") + e.msg});
  }
  return std::nullopt;
}

// The procedure the file names, or nullptr (reported IZ290 / IZ092).
ProcedurePtr named_procedure(const std::string& file, const YAML::Node& root, const Library& lib,
                             Language lang, std::vector<Diagnostic>& out) {
  const bool ok = root.IsMap() && root["procedure"] && root["procedure"].IsScalar();
  const YAML::Node at = ok ? root["procedure"] : root;
  const std::string id = ok ? root["procedure"].Scalar() : "";
  if (ProcedurePtr p = ok ? lib.newest(id) : nullptr) return p;
  const bool id_lang = lang == Language::Indonesian;
  out.push_back({Severity::Error, ok ? "IZ290" : "IZ092", file, line_of(at), at.Mark().column + 1,
                 ok ? (id_lang ? "prosedur '" + id + "' tidak ditemukan" : "no procedure '" + id + "' was loaded")
                    : (id_lang ? "skenario harus menyebut 'procedure: ID'"
                               : "a scenario file needs 'procedure: ID' at the top")});
  return nullptr;
}

}  // namespace

Scenario read_scenario_root(const std::string& file, const std::optional<YAML::Node>& root, const Library& library,
                            Language lang, std::vector<Diagnostic>& out);

Scenario read_scenario(const std::filesystem::path& file, const Library& library, Language lang,
                       std::vector<Diagnostic>& out) {
  return read_scenario_root(file.string(), parse_yaml(file, lang, out), library, lang, out);
}

Scenario read_scenario_text(const std::string& text, const std::string& file, const Library& library, Language lang,
                            std::vector<Diagnostic>& out) {
  return read_scenario_root(file, parse_yaml_text(text, file, lang, out), library, lang, out);
}

// The scenario of a parsed file (nullopt: it did not parse, already reported).
Scenario read_scenario_root(const std::string& file, const std::optional<YAML::Node>& root, const Library& library,
                            Language lang, std::vector<Diagnostic>& out) {
  Scenario s;
  s.file = file;
  if (!root) return s;
  ProcedurePtr p = named_procedure(s.file, *root, library, lang, out);
  if (!p) return s;
  s.calendar = p->calendar.empty() ? nullptr : library.calendars.find(p->calendar);
  if (!p->calendar.empty() && !s.calendar) {
    // Without its calendar no deadline can be computed: the engine would refuse to run the case at all.
    const YAML::Node at = (*root)["procedure"];
    const bool indonesian = lang == Language::Indonesian;
    out.push_back({Severity::Error, "IZ022", s.file, line_of(at), at.Mark().column + 1,
                   indonesian ? "prosedur '" + p->id + "' memakai kalender '" + p->calendar +
                                    "' yang tidak dimuat; sertakan folder calendars/ prosedur itu"
                              : "procedure '" + p->id + "' uses calendar '" + p->calendar +
                                    "', which was not loaded; give its calendars/ folder too"});
    return s;
  }
  ScenarioReader r(s.file, *p, s.calendar ? s.calendar->utc_offset_minutes() : 0, lang, out);
  if (!r.check_map(*root, {"procedure", "description", "cases"}, "a scenario file")) return s;
  if (!(*root)["cases"] || !(*root)["cases"].IsSequence()) {
    r.error("IZ092", *root, "a scenario file needs a list of cases", "berkas skenario memerlukan daftar cases");
    return s;
  }
  s.procedure = p;
  for (const auto& c : (*root)["cases"]) {
    if (auto read = read_case(r, c)) s.cases.push_back(std::move(*read));
  }
  return s;
}

}  // namespace izin::detail
