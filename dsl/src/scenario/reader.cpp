// Reading YAML nodes of one scenario file into checked values.
#include "scenario/reader.hpp"

#include <algorithm>
#include <utility>

#include "izin/time.hpp"
#include "izin/value.hpp"

namespace izin::detail {

int line_of(const YAML::Node& n) { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

ScenarioReader::ScenarioReader(std::string file, const Procedure& procedure,
                               int utc_offset_minutes, Language lang,
                               std::vector<Diagnostic>& out)
    : file_(std::move(file)), procedure_(procedure), offset_(utc_offset_minutes),
      lang_(lang), out_(out) {}

void ScenarioReader::error(const char* code, const YAML::Node& at, const std::string& english,
                           const std::string& indonesian) {
  const YAML::Mark m = at.Mark();
  const int column = m.is_null() ? 0 : m.column + 1;
  out_.push_back(Diagnostic{Severity::Error, code, file_, line_of(at), column,
                            lang_ == Language::Indonesian ? indonesian : english});
  ++errors_;
}

bool ScenarioReader::check_map(const YAML::Node& n, std::initializer_list<std::string_view> allowed,
                               std::string_view what) {
  if (!n.IsMap()) {
    error("IZ092", n, std::string(what) + " must be a mapping of keys",
          std::string(what) + " harus berupa pemetaan kunci");
    return false;
  }
  bool ok = true;
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (const auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error("IZ091", kv.first, "unknown key '" + key + "' in " + std::string(what) + " (allowed: " + list + ")",
            "kunci '" + key + "' tidak dikenal di " + std::string(what) + " (yang boleh: " + list + ")");
      ok = false;
    }
  }
  return ok;
}

std::optional<std::string> ScenarioReader::scalar(const YAML::Node& n, std::string_view what) {
  if (n.IsScalar()) return n.Scalar();
  error("IZ092", n, std::string(what) + " must be a single value",
        std::string(what) + " harus berupa satu nilai");
  return std::nullopt;
}

std::optional<std::vector<std::string>> ScenarioReader::names(const YAML::Node& n,
                                                               std::string_view what) {
  if (n.IsScalar()) return std::vector<std::string>{n.Scalar()};
  if (!n.IsSequence()) {
    error("IZ092", n, std::string(what) + " must be a list", std::string(what) + " harus berupa daftar");
    return std::nullopt;
  }
  std::vector<std::string> result;
  for (const auto& item : n) {
    auto text = scalar(item, what);
    if (!text) return std::nullopt;
    result.push_back(*text);
  }
  return result;
}

std::optional<Instant> ScenarioReader::instant(const YAML::Node& n) {
  auto text = scalar(n, "an instant");
  if (!text) return std::nullopt;
  if (auto t = parse_instant(*text, offset_)) return t;
  error("IZ590", n, "'" + *text + "' is not an instant like 2026-03-16T09:00 (local) or 2026-03-16T01:00Z",
        "'" + *text + "' bukan waktu seperti 2026-03-16T09:00 (lokal) atau 2026-03-16T01:00Z");
  return std::nullopt;
}

std::optional<bool> ScenarioReader::boolean(const YAML::Node& n, std::string_view what) {
  auto text = scalar(n, what);
  if (text && (*text == "true" || *text == "false")) return *text == "true";
  if (text) {
    error("IZ093", n, std::string(what) + " must be true or false, not '" + *text + "'",
          std::string(what) + " harus true atau false, bukan '" + *text + "'");
  }
  return std::nullopt;
}

}  // namespace izin::detail
