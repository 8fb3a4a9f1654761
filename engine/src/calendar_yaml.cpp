// Calendar files (YAML): reading, checking, and merging `include`s.
// Every problem becomes a Diagnostic (codes IZ050–IZ059, docs/calendars.md);
// nothing here throws for a bad file.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "izin/calendar.hpp"
#include "izin/utf8.hpp"

namespace izin {

namespace fs = std::filesystem;

namespace {

// A message in both languages the office works in.
struct Message {
  std::string english, indonesian;
};

// A calendar as written in one file, before its includes are merged.
struct Draft {
  std::string id, name, file;
  std::optional<std::string> timezone;
  std::optional<std::vector<std::chrono::weekday>> weekend;
  std::vector<std::pair<std::string, YAML::Mark>> includes;
  std::vector<Holiday> holidays;
  std::optional<Coverage> covers;  // as written; an includer never uses an included file's
  YAML::Mark mark;  // of the id (or the document)
  bool broken = false;
};

// A calendar with its includes merged in.
struct Merged {
  bool ok = false;
  std::optional<std::string> timezone;
  std::optional<std::vector<std::chrono::weekday>> weekend;
  std::vector<Holiday> holidays;  // own first, then included ones in order, one per date
  std::set<Date> dates;           // of `holidays`: a day included twice is kept once
  int depth = 0;                  // levels of `include` below this calendar
};

// How many levels of `include` a calendar may stand on (IZ021): real
// calendars use one or two; a deep chain is a mistake, not a design.
constexpr int kMaxIncludeDepth = 10;

// Adds the holidays whose date is not there yet; the first listed wins.
void add_holidays(Merged& into, const std::vector<Holiday>& holidays) {
  for (const Holiday& h : holidays)
    if (into.dates.insert(h.date).second) into.holidays.push_back(h);
}

// Collects diagnostics for one load in the language asked for.
class Reporter {
 public:
  explicit Reporter(Language lang) : lang_(lang) {}
  // Records a problem at a YAML position (0-based there, 1-based here).
  void report(const char* code, const std::string& file, const YAML::Mark& mark, const Message& m,
              Severity severity = Severity::Error) {
    const int line = mark.line < 0 ? 0 : mark.line + 1;
    const int column = mark.column < 0 ? 0 : mark.column + 1;
    out_.push_back(Diagnostic{severity, code, file, line, column,
                              lang_ == Language::Indonesian ? m.indonesian : m.english});
  }
  std::vector<Diagnostic> take() { return std::move(out_); }

 private:
  Language lang_;
  std::vector<Diagnostic> out_;
};

// A weekday by its English or Indonesian name, lower case.
std::optional<std::chrono::weekday> parse_weekday(const std::string& name) {
  static const std::pair<const char*, unsigned> kNames[] = {
      {"sunday", 0}, {"monday", 1},   {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4},
      {"friday", 5}, {"saturday", 6}, {"minggu", 0},  {"senin", 1},     {"selasa", 2},
      {"rabu", 3},   {"kamis", 4},    {"jumat", 5},   {"sabtu", 6}};
  for (const auto& [text, day] : kNames)
    if (name == text) return std::chrono::weekday{day};
  return std::nullopt;
}

// Reads one file's calendar fields into drafts, reporting what is wrong.
class DraftReader {
 public:
  DraftReader(Reporter& reporter, std::string file) : r_(reporter) { d_.file = std::move(file); }
  Draft read(const YAML::Node& root);

 private:
  void field(const std::string& key, const YAML::Node& value, const YAML::Mark& key_mark);
  void read_timezone(const YAML::Node& value);
  void read_weekend(const YAML::Node& value);
  void read_includes(const YAML::Node& value);
  void read_holiday(const YAML::Node& entry);
  void read_covers(const YAML::Node& value);
  std::optional<Date> date_of(const YAML::Node& node);
  std::optional<std::string> scalar(const YAML::Node& value, const std::string& key);
  void error(const char* code, const YAML::Mark& mark, const Message& m) {
    r_.report(code, d_.file, mark, m);
    d_.broken = true;
  }

  Reporter& r_;
  Draft d_;
};

Draft DraftReader::read(const YAML::Node& root) {
  d_.mark = root.Mark();
  if (!root.IsMap()) {
    error("IZ059", root.Mark(),
          {"a calendar file must be a YAML mapping with id, timezone, weekend, include and holidays",
           "berkas kalender harus berupa mapping YAML berisi id, timezone, weekend, include dan holidays"});
    return std::move(d_);
  }
  for (const auto& kv : root) field(kv.first.Scalar(), kv.second, kv.first.Mark());
  if (d_.id.empty() && !d_.broken)
    error("IZ052", root.Mark(), {"calendar has no `id`", "kalender tidak memiliki `id`"});
  return std::move(d_);
}

std::optional<std::string> DraftReader::scalar(const YAML::Node& value, const std::string& key) {
  if (value.IsScalar()) return value.Scalar();
  error("IZ059", value.Mark(),
        {"`" + key + "` must be a single value", "`" + key + "` harus berupa satu nilai"});
  return std::nullopt;
}

void DraftReader::field(const std::string& key, const YAML::Node& value, const YAML::Mark& key_mark) {
  if (key == "id") {
    const auto id = scalar(value, key);
    if (id && id->empty()) error("IZ052", value.Mark(), {"calendar `id` is empty", "`id` kalender kosong"});
    if (id) d_.id = *id;
    d_.mark = value.Mark();
  } else if (key == "name") {
    if (const auto name = scalar(value, key)) d_.name = *name;
  } else if (key == "timezone") {
    read_timezone(value);
  } else if (key == "weekend") {
    read_weekend(value);
  } else if (key == "include") {
    read_includes(value);
  } else if (key == "covers") {
    read_covers(value);
  } else if (key == "holidays") {
    if (value.IsSequence())
      for (const auto& entry : value) read_holiday(entry);
    else if (!value.IsNull())
      error("IZ059", value.Mark(), {"`holidays` must be a list", "`holidays` harus berupa daftar"});
  } else {
    r_.report("IZ059", d_.file, key_mark,
              {"unknown calendar field `" + key + "` is ignored",
               "kolom kalender `" + key + "` tidak dikenal, diabaikan"},
              Severity::Warning);
  }
}

void DraftReader::read_timezone(const YAML::Node& value) {
  const auto zone = scalar(value, "timezone");
  if (!zone) return;
  if (!timezone_offset_minutes(*zone)) {
    error("IZ056", value.Mark(),
          {"unknown timezone `" + *zone +
               "` (use Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura, UTC or +hh:mm)",
           "zona waktu `" + *zone +
               "` tidak dikenal (gunakan Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura, UTC "
               "atau +hh:mm)"});
    return;
  }
  d_.timezone = *zone;
}

void DraftReader::read_weekend(const YAML::Node& value) {
  if (!value.IsSequence()) {
    error("IZ059", value.Mark(),
          {"`weekend` must be a list of weekdays", "`weekend` harus berupa daftar nama hari"});
    return;
  }
  std::vector<std::chrono::weekday> days;
  for (const auto& item : value) {
    const auto day = item.IsScalar() ? parse_weekday(item.Scalar()) : std::nullopt;
    if (!day) {
      const std::string text = item.IsScalar() ? item.Scalar() : "?";
      error("IZ054", item.Mark(),
            {"unknown weekday `" + text + "` (use monday … sunday)",
             "nama hari `" + text + "` tidak dikenal (gunakan monday … sunday atau senin … minggu)"});
      continue;
    }
    if (std::find(days.begin(), days.end(), *day) == days.end()) days.push_back(*day);
  }
  if (days.size() == 7)
    error("IZ059", value.Mark(),
          {"`weekend` leaves no working day", "`weekend` tidak menyisakan hari kerja"});
  d_.weekend = days;
}

void DraftReader::read_includes(const YAML::Node& value) {
  if (value.IsScalar()) {
    d_.includes.emplace_back(value.Scalar(), value.Mark());
    return;
  }
  if (!value.IsSequence()) {
    error("IZ059", value.Mark(),
          {"`include` must be a list of calendar ids", "`include` harus berupa daftar id kalender"});
    return;
  }
  for (const auto& item : value)
    if (const auto id = scalar(item, "include")) d_.includes.emplace_back(*id, item.Mark());
}

void DraftReader::read_holiday(const YAML::Node& entry) {
  if (!entry.IsMap() || !entry["date"] || !entry["name"]) {
    error("IZ059", entry.Mark(),
          {"a holiday needs `date` and `name`, e.g. { date: 2026-01-01, name: \"Tahun Baru\" }",
           "hari libur memerlukan `date` dan `name`, mis. { date: 2026-01-01, name: \"Tahun Baru\" }"});
    return;
  }
  const auto date = date_of(entry["date"]);
  if (!date) return;
  Holiday h{*date, entry["name"].IsScalar() ? entry["name"].Scalar() : "", "holiday"};
  if (const YAML::Node kind = entry["kind"]) {
    h.kind = kind.IsScalar() ? kind.Scalar() : "?";
    if (h.kind != "holiday" && h.kind != "cuti_bersama")
      error("IZ059", kind.Mark(),
            {"unknown holiday kind `" + h.kind + "` (use holiday or cuti_bersama)",
             "jenis libur `" + h.kind + "` tidak dikenal (gunakan holiday atau cuti_bersama)"});
  }
  d_.holidays.push_back(std::move(h));
}

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

std::optional<Date> DraftReader::date_of(const YAML::Node& node) {
  const auto date = node.IsScalar() ? Date::parse(node.Scalar()) : std::nullopt;
  if (date) return date;
  const std::string text = node.IsScalar() ? node.Scalar() : "?";
  error("IZ055", node.Mark(),
        {"bad date `" + text + "` (write YYYY-MM-DD)", "tanggal `" + text + "` tidak sah (tulis YYYY-MM-DD)"});
  return std::nullopt;
}

void DraftReader::read_covers(const YAML::Node& value) {
  if (!value.IsMap() || !value["from"] || !value["to"]) {
    error("IZ059", value.Mark(),
          {"`covers` needs `from` and `to`, e.g. { from: 2026-01-01, to: 2026-12-31 }",
           "`covers` memerlukan `from` dan `to`, mis. { from: 2026-01-01, to: 2026-12-31 }"});
    return;
  }
  const auto from = date_of(value["from"]), to = date_of(value["to"]);
  if (!from || !to) return;
  if (*from > *to) {
    error("IZ059", value.Mark(),
          {"`covers` ends (" + to->to_string() + ") before it starts (" + from->to_string() + ")",
           "`covers` berakhir (" + to->to_string() + ") sebelum dimulai (" + from->to_string() + ")"});
    return;
  }
  d_.covers = Coverage{*from, *to};
}

// Parses one file; nullopt (with a diagnostic) when it cannot be read as YAML.
std::optional<Draft> read_draft(const fs::path& path, Reporter& reporter) {
  const std::string file = path.string();
  const std::optional<std::string> text = read_text(path);
  if (!text) {
    reporter.report("IZ050", file, YAML::Mark::null_mark(),
                    {"cannot read calendar file", "berkas kalender tidak dapat dibaca"});
    return std::nullopt;
  }
  if (const auto bad = first_invalid_utf8(*text)) {
    const TextPosition at = text_position(*text, *bad);
    YAML::Mark mark = YAML::Mark::null_mark();
    mark.line = at.line - 1;
    mark.column = at.column - 1;
    reporter.report("IZ020", file, mark,
                    {"the calendar file is not valid UTF-8 here; save it as UTF-8",
                     "berkas kalender bukan UTF-8 yang sah di sini; simpan sebagai UTF-8"});
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    reporter.report("IZ051", file, e.mark,
                    {"YAML syntax error: " + e.msg, "kesalahan sintaks YAML: " + e.msg});
    return std::nullopt;
  }
  return DraftReader(reporter, file).read(root);
}

// Merges `include`s, reporting missing calendars and cycles.
class IncludeResolver {
 public:
  IncludeResolver(const std::map<std::string, Draft>& drafts, Reporter& reporter)
      : drafts_(drafts), r_(reporter) {}
  // The calendar `id` with everything it includes; ok false when it cannot be built.
  const Merged& resolve(const std::string& id);

 private:
  bool merge_include(const Draft& d, const std::string& name, const YAML::Mark& mark, Merged& into);

  const std::map<std::string, Draft>& drafts_;
  Reporter& r_;
  std::map<std::string, Merged> done_;
  std::vector<std::string> path_;  // calendars being resolved, outermost first
};

const Merged& IncludeResolver::resolve(const std::string& id) {
  if (const auto it = done_.find(id); it != done_.end()) return it->second;
  const Draft& d = drafts_.at(id);
  Merged m{true, d.timezone, d.weekend, {}, {}, 0};
  add_holidays(m, d.holidays);
  path_.push_back(id);
  for (const auto& [name, mark] : d.includes)
    if (!merge_include(d, name, mark, m)) m.ok = false;
  path_.pop_back();
  if (m.ok && m.depth > kMaxIncludeDepth) {
    const std::string n = std::to_string(m.depth), most = std::to_string(kMaxIncludeDepth);
    r_.report("IZ021", d.file, d.mark,
              {"calendar `" + id + "` stands on " + n + " levels of `include`; at most " + most + " are allowed",
               "kalender `" + id + "` bertumpu pada " + n + " tingkat `include`; paling banyak " + most +
                   " tingkat"});
    m.ok = false;
  }
  if (m.ok && !m.timezone) {
    r_.report(
        "IZ052", d.file, d.mark,
        {"calendar `" + id + "` has no `timezone` and includes none that has one",
         "kalender `" + id + "` tidak memiliki `timezone` dan tidak meng-include kalender yang memilikinya"});
    m.ok = false;
  }
  return done_[id] = std::move(m);
}

bool IncludeResolver::merge_include(const Draft& d, const std::string& name, const YAML::Mark& mark,
                                    Merged& into) {
  const auto found = drafts_.find(name);
  if (found != drafts_.end() && found->second.broken) return false;  // its own diagnostics say why
  if (found == drafts_.end()) {
    r_.report("IZ057", d.file, mark,
              {"included calendar `" + name + "` is not among the loaded calendar files",
               "kalender `" + name + "` yang di-include tidak ada di antara berkas kalender yang dimuat"});
    return false;
  }
  if (std::find(path_.begin(), path_.end(), name) != path_.end()) {
    std::string cycle;
    for (auto it = std::find(path_.begin(), path_.end(), name); it != path_.end(); ++it)
      cycle += *it + " -> ";
    cycle += name;
    r_.report("IZ058", d.file, mark, {"include cycle: " + cycle, "include melingkar: " + cycle});
    return false;
  }
  const Merged& inc = resolve(name);
  if (!inc.ok) return false;
  add_holidays(into, inc.holidays);
  into.depth = std::max(into.depth, inc.depth + 1);
  if (!into.timezone) into.timezone = inc.timezone;
  if (!into.weekend) into.weekend = inc.weekend;
  return true;
}

// The files to read: each given file, and the *.yaml files of a given directory.
std::vector<fs::path> calendar_files(const std::vector<fs::path>& given) {
  std::vector<fs::path> out;
  for (const fs::path& p : given) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(p, ec))
      if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml")
        found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// Reads every file: drafts by id (broken ones marked), and the sound ids in file order.
void read_drafts(const std::vector<fs::path>& files, Reporter& reporter, std::map<std::string, Draft>& drafts,
                 std::vector<std::string>& order) {
  for (const fs::path& path : calendar_files(files)) {
    auto draft = read_draft(path, reporter);
    if (!draft || draft->id.empty()) continue;
    if (const auto it = drafts.find(draft->id); it != drafts.end()) {
      reporter.report("IZ053", draft->file, draft->mark,
                      {"calendar id `" + draft->id + "` is already defined in " + it->second.file,
                       "id kalender `" + draft->id + "` sudah didefinisikan di " + it->second.file});
      continue;
    }
    if (!draft->broken) order.push_back(draft->id);
    drafts.emplace(draft->id, std::move(*draft));
  }
}

}  // namespace

CalendarSet load_calendars(const std::vector<fs::path>& files, Language lang) {
  Reporter reporter(lang);
  std::map<std::string, Draft> drafts;
  std::vector<std::string> order;
  read_drafts(files, reporter, drafts, order);
  IncludeResolver resolver(drafts, reporter);
  CalendarSet set;
  for (const std::string& id : order) {
    const Merged& m = resolver.resolve(id);
    if (!m.ok) continue;
    const Draft& d = drafts.at(id);
    // Perpres 21/2023: the civil service works Monday to Friday.
    auto weekend = m.weekend.value_or(std::vector{std::chrono::Saturday, std::chrono::Sunday});
    set.calendars.push_back(std::make_shared<const WorkingDayCalendar>(
        d.id, d.name.empty() ? d.id : d.name, *m.timezone, *timezone_offset_minutes(*m.timezone),
        std::move(weekend), m.holidays, d.covers));
  }
  set.diagnostics = reporter.take();
  return set;
}

CalendarPtr CalendarSet::find(const std::string& id) const {
  for (const CalendarPtr& c : calendars)
    if (c->id() == id) return c;
  return nullptr;
}

}  // namespace izin
