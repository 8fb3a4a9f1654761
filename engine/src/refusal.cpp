#include "refusal.hpp"

#include <utility>

#include "izin/expr.hpp"

namespace izin::detail {

namespace {
// The evaluator's reasons that can occur on checked procedures, in Indonesian
// ("division by zero in `a / b`" → "pembagian dengan nol pada `a / b`").
std::string in_indonesian(std::string error) {
  static const std::pair<std::string_view, std::string_view> kPhrases[] = {
      {"division by zero", "pembagian dengan nol"},
      {"number too large for exact arithmetic", "angka terlalu besar untuk dihitung dengan tepat"},
      {" is not a valid ", " bukan nilai yang sah untuk tipe "},
      {" in `", " pada `"},
  };
  for (const auto& [en, id] : kPhrases)
    if (const auto pos = error.find(en); pos != std::string::npos) error.replace(pos, en.size(), id);
  return error;
}

// Picks the sentence for the engine's language.
std::string say(Language lang, std::string english, std::string indonesian) {
  return lang == Language::Indonesian ? std::move(indonesian) : std::move(english);
}

// "a, b, c".
std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

// A refusal with its code and message.
Refusal make(RefusalCode code, std::string message) {
  Refusal r;
  r.code = code;
  r.message = std::move(message);
  return r;
}
}  // namespace

Refusal refuse_unknown_case(const std::string& id, Language lang) {
  return make(RefusalCode::UnknownCase,
              say(lang, "There is no case " + id + "; check the case number.",
                  "Tidak ada berkas bernomor " + id + "; periksa nomor berkas."));
}

Refusal refuse_unknown_procedure(const std::string& id, Language lang) {
  return make(RefusalCode::UnknownProcedure,
              say(lang, "There is no procedure '" + id + "'; check the service name.",
                  "Tidak ada prosedur '" + id + "'; periksa nama layanan."));
}

Refusal refuse_closed(const Case& c, Language lang) {
  return make(RefusalCode::CaseClosed,
              say(lang, "Case " + c.id + " is already finished (" + c.outcome + "); nothing more can be done on it.",
                  "Berkas " + c.id + " sudah selesai (" + c.outcome + "); tidak ada langkah lagi yang dapat dilakukan."));
}

Refusal refuse_no_such_event(const std::string& event, const State& state, std::vector<std::string> events,
                             Language lang) {
  const std::string where = state.label.empty() ? state.id : state.label;
  const std::string now = events.empty() ? say(lang, "nothing", "tidak ada") : join(events);
  Refusal r = make(RefusalCode::NoSuchEvent,
                   say(lang, "'" + event + "' cannot be done while the case is at '" + where + "'; possible now: " + now + ".",
                       "'" + event + "' tidak dapat dilakukan selama berkas pada tahap '" + where +
                           "'; yang dapat dilakukan sekarang: " + now + "."));
  r.events = std::move(events);
  return r;
}

Refusal refuse_role(const std::string& event, const std::string& role, std::vector<std::string> roles,
                    Language lang) {
  const std::string who = join(roles, " or ");
  const std::string who_id = join(roles, " atau ");
  Refusal r = make(RefusalCode::RoleNotAllowed,
                   say(lang, "Only " + who + " may do '" + event + "'; you are acting as " + role + ".",
                       "Hanya " + who_id + " yang boleh melakukan '" + event + "'; Anda bertindak sebagai " + role + "."));
  r.allowed_roles = std::move(roles);
  return r;
}

Refusal refuse_guard(const std::string& event, std::string condition, std::vector<std::string> values,
                     std::vector<std::string> rules, Language lang) {
  const std::string facts = values.empty() ? "" : " (" + join(values) + ")";
  const std::string unmet = join(rules, "; ");
  Refusal r = make(RefusalCode::GuardFalse,
                   rules.empty()
                       ? say(lang, "'" + event + "' is not allowed for this case: it needs " + condition + facts + ".",
                             "'" + event + "' tidak diizinkan untuk berkas ini: syaratnya " + condition + facts + ".")
                       : say(lang, "'" + event + "' is not allowed for this case: not met: " + unmet + ".",
                             "'" + event + "' tidak diizinkan untuk berkas ini: belum terpenuhi: " + unmet + "."));
  r.condition = std::move(condition);
  r.values = std::move(values);
  r.rules = std::move(rules);
  return r;
}

Refusal refuse_missing(const std::string& event, std::vector<MissingDocument> missing, Language lang) {
  std::vector<std::string> brought, office;  // the applicant's to bring; the office's to obtain
  for (const auto& m : missing)
    (m.internal ? office : brought).push_back(m.label.empty() ? m.requirement : m.label + " (" + m.requirement + ")");
  std::vector<std::string> en{join(brought)}, id{join(brought)};
  if (brought.empty()) en.clear(), id.clear();
  if (!office.empty()) {
    en.push_back("the office must obtain " + join(office));
    id.push_back("kantor wajib memperoleh " + join(office));
  }
  Refusal r = make(RefusalCode::MissingDocuments,
                   say(lang, "'" + event + "' needs documents that are not in yet: " + join(en, "; ") + ".",
                       "'" + event + "' memerlukan dokumen yang belum " + (office.empty() ? "diserahkan: " : "ada: ") +
                           join(id, "; ") + "."));
  r.missing = std::move(missing);
  return r;
}

Refusal refuse_unknown_field(const std::string& field, Language lang) {
  Refusal r = make(RefusalCode::UnknownField,
                   say(lang, "This procedure has no field '" + field + "'; check the form.",
                       "Prosedur ini tidak memiliki isian '" + field + "'; periksa formulir."));
  r.field = field;
  return r;
}

Refusal refuse_wrong_type(const DataField& field, const Value& given, Language lang) {
  const std::string type(type_name(field.type));
  Refusal r = make(RefusalCode::WrongType,
                   say(lang, "'" + field.id + "' must be " + type + ", not " + given.to_string() + ".",
                       "'" + field.id + "' harus berupa " + type + ", bukan " + given.to_string() + "."));
  r.field = field.id;
  return r;
}

Refusal refuse_unknown_document(const std::string& document, Language lang) {
  Refusal r = make(RefusalCode::UnknownDocument,
                   say(lang, "This procedure does not ask for a document '" + document + "'.",
                       "Prosedur ini tidak meminta dokumen '" + document + "'."));
  r.field = document;
  return r;
}

Refusal refuse_evaluation(const std::string& field, const std::string& error, Language lang) {
  Refusal r = make(RefusalCode::EvaluationFailed,
                   say(lang, "Could not compute '" + field + "': " + error + "; check the case data.",
                       "Tidak dapat menghitung '" + field + "': " + in_indonesian(error) + "; periksa data berkas."));
  r.field = field;
  return r;
}

Refusal refuse_out_of_range(const std::string& detail, Language lang) {
  return make(RefusalCode::EvaluationFailed,
              say(lang, "Nothing was done: a time limit of this step falls past 9999-12-31, later than izin can keep (" +
                            detail + "); the procedure's time limit must be corrected.",
                  "Tidak ada yang dilakukan: batas waktu langkah ini jatuh setelah 9999-12-31, melebihi yang dapat "
                  "disimpan izin (" + detail + "); batas waktu dalam prosedur harus diperbaiki."));
}

Refusal refuse_conflict(const std::string& case_id, Language lang) {
  return make(RefusalCode::Conflict,
              say(lang, "Case " + case_id + " was changed at another desk at the same moment; reload it and try again.",
                  "Berkas " + case_id + " diubah di loket lain pada saat yang sama; muat ulang lalu coba lagi."));
}

Refusal refuse_key_reused(const std::string& case_id, const std::string& key, Language lang) {
  return make(RefusalCode::KeyReused,
              say(lang, "Key '" + key + "' was already used on case " + case_id +
                            " for a different request; nothing was applied. Use a new key for a new request.",
                  "Kunci '" + key + "' sudah dipakai pada berkas " + case_id +
                      " untuk permintaan lain; tidak ada yang diterapkan. Gunakan kunci baru untuk permintaan baru."));
}

Refusal refuse_case_exists(const std::string& case_id, Language lang) {
  return make(RefusalCode::CaseExists,
              say(lang, "A case with id " + case_id + " already exists; nothing was written. Choose another id.",
                  "Berkas dengan nomor " + case_id + " sudah ada; tidak ada yang disimpan. Pilih nomor lain."));
}

Refusal refuse_clock_behind(const Case& c, Instant at, Language lang) {
  const std::string last = format_instant(c.history.back().at), now = format_instant(at);
  return make(RefusalCode::ClockBehind,
              say(lang, "Case " + c.id + " already has history up to " + last + "; an action at " + now +
                            " would rewrite its past. Check this computer's clock and try again.",
                  "Berkas " + c.id + " sudah memiliki riwayat sampai " + last + "; tindakan pada " + now +
                      " akan menulis ulang masa lalunya. Periksa jam komputer ini lalu coba lagi."));
}

std::vector<std::string> false_rule_labels(const Expr& e, const EvalContext& ctx) {
  std::vector<std::string> out;
  for (int i : rules_named(e)) {
    if (rule_holds(i, ctx)) continue;
    const Rule& rule = ctx.procedure.rules[static_cast<std::size_t>(i)];
    out.push_back(rule.label.empty() ? rule.id : rule.label);
  }
  return out;
}

std::vector<std::string> field_values(const Expr& e, const Procedure& p, const std::vector<Value>& data,
                                      Language lang) {
  std::vector<std::string> out;
  for (int f : fields_read(e)) {
    const Value& v = data[static_cast<std::size_t>(f)];
    std::string shown = v.is_null() ? say(lang, "(no value)", "(belum diisi)") : v.to_string();
    if (v.is_bool()) shown = v.boolean() ? say(lang, "true", "ya") : say(lang, "false", "tidak");
    out.push_back(p.data[static_cast<std::size_t>(f)].id + " = " + shown);
  }
  return out;
}

std::string requirement_reason(const Requirement& r, const Procedure& p, const std::vector<Value>& data,
                               const std::string& event, Language lang) {
  if (!r.when) return say(lang, "required for " + event, "wajib untuk " + event);
  const std::string facts = join(field_values(*r.when, p, data, lang));
  const std::string because = render(*r.when, p);
  if (facts.empty()) return say(lang, "required because " + because, "wajib karena " + because);
  return say(lang, "required because " + because + ", and " + facts, "wajib karena " + because + ", dan " + facts);
}

}  // namespace izin::detail
