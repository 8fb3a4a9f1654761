// Reading `expect` mappings of scenario steps and cases.
#include "scenario/read_expect.hpp"

#include <algorithm>

#include "izin/decimal.hpp"

namespace izin::detail {
namespace {

using Kind = Expectation::Kind;

// `refused: true|false` or `refused: [REQ, …]`.
std::optional<Expectation> read_refused(ScenarioReader& r, const YAML::Node& v, Expectation e) {
  if (v.IsScalar()) {
    auto flag = r.boolean(v, "refused");
    if (!flag) return std::nullopt;
    e.kind = Kind::Refused;
    e.flag = *flag;
    return e;
  }
  auto docs = r.documents(v);
  if (!docs) return std::nullopt;
  e.kind = Kind::RefusedDocs;
  e.names = *docs;
  return e;
}

// `refused_because: ["label", …]`: rule labels, each the label of a rule.
std::optional<Expectation> read_refused_because(ScenarioReader& r, const YAML::Node& v, Expectation e) {
  if (!v.IsSequence()) {
    r.error("IZ092", v, "refused_because must be a list of rule labels, [] for a refusal that is not a guard's",
            "refused_because harus berupa daftar label aturan, [] untuk penolakan yang bukan karena syarat");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& item : v) {
    auto label = r.scalar(item, "a rule label");
    if (!label) {
      ok = false;
      continue;
    }
    const auto& rules = r.procedure().rules;
    const bool known = std::any_of(rules.begin(), rules.end(), [&](const Rule& rule) { return rule.label == *label; });
    if (!known) {
      r.error("IZ291", item, "no rule of procedure " + r.procedure().id + " has the label \"" + *label + "\"",
              "tidak ada aturan prosedur " + r.procedure().id + " berlabel \"" + *label + "\"");
      ok = false;
    }
    e.names.push_back(*label);
  }
  if (!ok) return std::nullopt;
  e.kind = Kind::RefusedBecause;
  return e;
}

// `fees: { ID: N }` with exact rupiah amounts.
std::optional<Expectation> read_fees(ScenarioReader& r, const YAML::Node& v, Expectation e) {
  if (!v.IsMap()) {
    r.error("IZ092", v, "fees must be a mapping of fee: amount", "fees harus berupa pemetaan biaya: jumlah");
    return std::nullopt;
  }
  e.kind = Kind::Fees;
  bool ok = true;
  for (const auto& kv : v) {
    const std::string id = kv.first.Scalar();
    auto text = r.scalar(kv.second, "a fee amount");
    if (!r.known(kv.first, "fee", id) || !text) {
      ok = false;
      continue;
    }
    auto amount = Decimal::parse(*text);
    if (!amount) {
      r.error("IZ093", kv.second, "'" + *text + "' is not an amount in rupiah",
              "'" + *text + "' bukan jumlah rupiah");
      ok = false;
      continue;
    }
    e.fees.emplace_back(id, *amount);
  }
  if (!ok) return std::nullopt;
  return e;
}

// `notified: [ROLE, …]`.
std::optional<Expectation> read_notified(ScenarioReader& r, const YAML::Node& v, Expectation e) {
  auto roles = r.names(v, "notified");
  if (!roles) return std::nullopt;
  bool ok = true;
  std::size_t i = 0;
  for (const auto& role : *roles) ok = r.known(v.IsSequence() ? v[i++] : v, "role", role) && ok;
  if (!ok) return std::nullopt;
  e.kind = Kind::Notified;
  e.names = *roles;
  return e;
}

// `sla_due: DATE`.
std::optional<Expectation> read_sla_due(ScenarioReader& r, const YAML::Node& v, Expectation e) {
  auto text = r.scalar(v, "sla_due");
  if (!text) return std::nullopt;
  auto date = Date::parse(*text);
  if (!date) {
    r.error("IZ590", v, "'" + *text + "' is not a date like 2026-04-27",
            "'" + *text + "' bukan tanggal seperti 2026-04-27");
    return std::nullopt;
  }
  e.kind = Kind::SlaDue;
  e.date = *date;
  return e;
}

// `state: S`, `outcome: O`, `deemed: B`, `sla_met: B`.
std::optional<Expectation> read_simple(ScenarioReader& r, const std::string& key,
                                       const YAML::Node& v, Expectation e) {
  if (key == "deemed" || key == "provisional" || key == "sla_met") {
    auto flag = r.boolean(v, key);
    if (!flag) return std::nullopt;
    e.kind = key == "deemed" ? Kind::Deemed : key == "provisional" ? Kind::Provisional : Kind::SlaMet;
    e.flag = *flag;
    return e;
  }
  auto text = r.scalar(v, key);
  if (!text || !r.known(v, key, *text)) return std::nullopt;
  e.kind = key == "state" ? Kind::State : Kind::Outcome;
  e.text = *text;
  return e;
}

}  // namespace

std::optional<std::vector<Expectation>> read_expect(ScenarioReader& r, const YAML::Node& n,
                                                    bool event_step) {
  const bool ok_keys =
      event_step ? r.check_map(n, {"state", "outcome", "deemed", "refused", "refused_because", "fees", "notified", "sla_due", "sla_met", "provisional"}, "expect")
                 : r.check_map(n, {"state", "outcome", "deemed", "fees", "notified", "sla_due", "sla_met", "provisional"}, "expect");
  if (!ok_keys) return std::nullopt;
  std::vector<Expectation> result;
  bool ok = true;
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    Expectation e;
    e.line = line_of(kv.first);
    std::optional<Expectation> read;
    if (key == "refused") read = read_refused(r, kv.second, e);
    else if (key == "refused_because") read = read_refused_because(r, kv.second, e);
    else if (key == "fees") read = read_fees(r, kv.second, e);
    else if (key == "notified") read = read_notified(r, kv.second, e);
    else if (key == "sla_due") read = read_sla_due(r, kv.second, e);
    else read = read_simple(r, key, kv.second, e);
    if (read) result.push_back(std::move(*read));
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return result;
}

}  // namespace izin::detail
