// The catalogue of words people read, in English and Indonesian.
#include "izin/words.hpp"

#include <array>

namespace izin {

namespace {
// One phrase in both languages.
struct Entry {
  Word word;
  const char* en;
  const char* id;
};

constexpr std::array kCatalogue{
    Entry{Word::CaseOpened, "opened", "diajukan"},
    Entry{Word::Notified, "  notified {0}: {1}", "  pemberitahuan kepada {0}: {1}"},
    Entry{Word::Refused, "refused ({0}): {1}", "ditolak ({0}): {1}"},
    Entry{Word::Missing, "  missing {0}: {1}", "  kurang {0}: {1}"},
    Entry{Word::ExpectBecauseAccepted, "expected refusal because of {0}, but the event was accepted (state {1})",
          "diharapkan ditolak karena {0}, tetapi peristiwa diterima (tahap {1})"},
    Entry{Word::ExpectBecauseGot, "expected refusal because of {0}, got {1} ({2})",
          "diharapkan ditolak karena {0}, ternyata {1} ({2})"},
    Entry{Word::ExpectSlaMetGot, "expected sla_met {0}, got {1} ({2})", "diharapkan sla_met {0}, ternyata {1} ({2})"},
    Entry{Word::SlaMetOpen, "the case is open in state {0}", "berkas masih terbuka pada tahap {0}"},
    Entry{Word::SlaMetLate, "closed after the end of its due date {0}", "selesai setelah akhir tanggal jatuh tempo {0}"},
    Entry{Word::SlaMetInTime, "closed by the end of its due date {0}", "selesai paling lambat akhir tanggal jatuh tempo {0}"},
    Entry{Word::OfficeObtains, "office obtains", "diperoleh kantor"},
    Entry{Word::NotMet, "  not met: {0}", "  belum terpenuhi: {0}"},
    Entry{Word::CaseHeader, "{0}  {1} v{2}  state {3}", "{0}  {1} v{2}  tahap {3}"},
    Entry{Word::CaseClosed, "  closed ({0})", "  selesai ({0})"},
    Entry{Word::OpenEvent, "open", "pengajuan"},
    Entry{Word::HistoryHeader, "History:", "Riwayat:"},
    Entry{Word::HistoryLine, "  {0}. {1}  {2}  {3}  {4} -> {5}", "  {0}. {1}  {2}  {3}  {4} -> {5}"},
    Entry{Word::SlaLine, "SLA: {0}, due by end of {1}; {2} working days used, {3}",
          "SLA: {0}, jatuh tempo akhir {1}; {2} hari kerja terpakai, {3}"},
    Entry{Word::SlaPaused, "clock paused", "waktu layanan berhenti"},
    Entry{Word::SlaRunning, "clock running", "waktu layanan berjalan"},
    Entry{Word::SlaNotStarted, "SLA: {0}, clock not started yet", "SLA: {0}, waktu layanan belum mulai"},
    Entry{Word::SlaNone, "SLA: none declared", "SLA: tidak ditetapkan"},
    Entry{Word::SlaOverdue, "OVERDUE", "TERLAMBAT"},
    Entry{Word::SlaClosedInTime, "closed in time", "selesai tepat waktu"},
    Entry{Word::Provisional, "provisional", "sementara"},
    Entry{Word::PendingHeader, "Pending deadlines:", "Tenggat berjalan:"},
    Entry{Word::PendingTransition, "  {0} -> {1}: due {2}", "  {0} -> {1}: jatuh pada {2}"},
    Entry{Word::PendingNotify, "  {0}, notify {1}: due {2}", "  {0}, beri tahu {1}: jatuh pada {2}"},
    Entry{Word::FeesHeader, "Fees:", "Biaya:"},
    Entry{Word::FeeUnknown, "not known yet (needs {0})", "belum dapat dihitung (memerlukan {0})"},
    Entry{Word::FeeError, "cannot be computed: {0}", "tidak dapat dihitung: {0}"},
    Entry{Word::EventsHeader, "Can be done now:", "Dapat dilakukan sekarang:"},
    Entry{Word::EventsNone, "  nothing", "  tidak ada"},
    Entry{Word::EventBy, "  {0} by {1}", "  {0} oleh {1}"},
    Entry{Word::AnyRole, "any role", "peran apa pun"},
    Entry{Word::Or, " or ", " atau "},
    Entry{Word::Tick, "tick {0}: {1} deadline outcomes", "tick {0}: {1} tenggat dijalankan"},
    Entry{Word::Replayed, "{0} cases replayed, {1} mismatches, {2} quarantined",
          "{0} berkas diputar ulang, {1} tidak cocok, {2} dikarantina"},
    Entry{Word::Quarantined, "  QUARANTINED {0}  {1}: {2}", "  DIKARANTINA {0}  {1}: {2}"},
    Entry{Word::TickSkipped, "  QUARANTINED {0} skipped ({1}): see izin doctor",
          "  DIKARANTINA {0} dilewati ({1}): lihat izin doctor"},
    Entry{Word::DoctorLine, "QUARANTINED {0}  {1}: {2}", "DIKARANTINA {0}  {1}: {2}"},
    Entry{Word::DoctorRepaired, "  repaired: snapshot rebuilt from the journal",
          "  diperbaiki: potret dibangun ulang dari jurnal"},
    Entry{Word::DoctorNotRepaired, "  not repaired ({0}); restore the file from a backup (izin restore)",
          "  tidak dapat diperbaiki ({0}); pulihkan berkas dari cadangan (izin restore)"},
    Entry{Word::DoctorSummary, "{0} quarantined cases", "{0} berkas dikarantina"},
    Entry{Word::DoctorRepairedCount, ", {0} repaired", ", {0} diperbaiki"},
    Entry{Word::JournalEmpty, "its journal is empty", "jurnalnya kosong"},
    Entry{Word::BackedUp, "backed up {0} to {1}", "{0} dicadangkan ke {1}"},
    Entry{Word::Restored, "restored {0} from {1}", "{0} dipulihkan dari {1}"},
    Entry{Word::Repeated, "repeated (the first answer of this key; nothing was applied again): ",
          "diulang (jawaban pertama kunci ini; tidak ada yang diterapkan lagi): "},
    Entry{Word::Mismatch, "  MISMATCH {0}", "  TIDAK COCOK {0}"},
    Entry{Word::ListClosed, "  closed", "  selesai"},
    Entry{Word::Deemed, " (deemed)", " (fiktif positif)"},
    Entry{Word::DeadlinesHeader, "{0} ({1} v{2}), calendar {3}", "{0} ({1} v{2}), kalender {3}"},
    Entry{Word::DeadlinesOpened, "Opened {0}", "Diajukan {0}"},
    Entry{Word::DeadlinesPaused, "  [clock paused]", "  [waktu layanan berhenti]"},
    Entry{Word::DeadlinesConditional, " (conditional)", " (bersyarat)"},
    Entry{Word::DeadlinesByEnd, ": by end of {0}", ": paling lambat {0}"},
    Entry{Word::DeadlinesAssumed, "assumed: {0} on {1}", "diasumsikan: {0} pada {1}"},
    Entry{Word::DeadlinesOutcome, "Outcome at the latest: {0}", "Hasil paling lambat: {0}"},
    Entry{Word::DeadlinesSla, "SLA ({0} working days) due by end of {1}", "SLA ({0} hari kerja) jatuh tempo {1}"},
    Entry{Word::DeadlinesPausedDays, " ({0} working days paused while the applicant acts)",
          " ({0} hari kerja berhenti selama pemohon bertindak)"},
    Entry{Word::TestPassed, "ok   ", "lulus "},
    Entry{Word::TestFailed, "FAIL ", "GAGAL "},
    Entry{Word::Coverage, "coverage {0} version {1}: transitions {2}/{3}, deadlines {4}/{5}",
          "cakupan {0} versi {1}: transisi {2}/{3}, tenggat {4}/{5}"},
    Entry{Word::NotExercised, "  not exercised: {0}:{1}: {2}", "  belum diuji: {0}:{1}: {2}"},
    Entry{Word::TestSummary, "{0} passed, {1} failed", "{0} lulus, {1} gagal"},
    Entry{Word::ExpectRefused, "expected the event to be refused, but it was accepted (state {0})",
          "langkah diharapkan ditolak, tetapi diterima (tahap {0})"},
    Entry{Word::ExpectAccepted, "expected the event to be accepted, got refusal: {0}",
          "langkah diharapkan diterima, tetapi ditolak: {0}"},
    Entry{Word::ExpectMissingAccepted, "expected refusal for missing {0}, but the event was accepted (state {1})",
          "diharapkan ditolak karena kurang {0}, tetapi langkah diterima (tahap {1})"},
    Entry{Word::ExpectMissingRefused, "expected refusal for missing {0}, got refusal: {1}",
          "diharapkan ditolak karena kurang {0}, tetapi ditolak: {1}"},
    Entry{Word::ExpectMissingGot, "expected missing documents {0}, got {1}", "diharapkan dokumen kurang {0}, ternyata {1}"},
    Entry{Word::ExpectFeeNone, "expected fee {0} {1}, got no such fee", "diharapkan biaya {0} {1}, ternyata biaya itu tidak ada"},
    Entry{Word::ExpectFeeNoAmount, "expected fee {0} {1}, got no amount ({2})",
          "diharapkan biaya {0} {1}, ternyata belum ada jumlahnya ({2})"},
    Entry{Word::FeeNeeds, "needs {0}", "memerlukan {0}"},
    Entry{Word::ExpectFeeGot, "expected fee {0} {1}, got {2}", "diharapkan biaya {0} {1}, ternyata {2}"},
    Entry{Word::ExpectSlaNone, "expected SLA due {0}, got none ({1})", "diharapkan SLA jatuh tempo {0}, ternyata tidak ada ({1})"},
    Entry{Word::NoSlaDeclared, "the procedure declares no sla", "prosedur tidak menetapkan sla"},
    Entry{Word::SlaClockNotStarted, "the SLA clock has not started", "waktu layanan SLA belum mulai"},
    Entry{Word::ExpectSlaGot, "expected SLA due {0}, got {1}", "diharapkan SLA jatuh tempo {0}, ternyata {1}"},
    Entry{Word::ExpectStateGot, "expected state {0}, got {1}", "diharapkan tahap {0}, ternyata {1}"},
    Entry{Word::ExpectOutcomeOpen, "expected outcome {0}, got none (case is open in state {1})",
          "diharapkan hasil {0}, ternyata belum ada (berkas masih terbuka pada tahap {1})"},
    Entry{Word::ExpectOutcomeGot, "expected outcome {0}, got {1}", "diharapkan hasil {0}, ternyata {1}"},
    Entry{Word::ExpectDeemedGot, "expected deemed {0}, got {1}", "diharapkan fiktif positif {0}, ternyata {1}"},
    Entry{Word::ExpectNotifiedGot, "expected notified {0}, got {1}", "diharapkan pemberitahuan kepada {0}, ternyata {1}"},
    Entry{Word::StepRefused, "event {0} by {1} was refused: {2}", "langkah {0} oleh {1} ditolak: {2}"},
    Entry{Word::CaseNotStored, "the case {0} is not in the store", "berkas {0} tidak ada di penyimpanan"},
    Entry{Word::StepBeforePrevious, "step time {0} is before the previous step",
          "waktu langkah {0} sebelum langkah sebelumnya"},
    Entry{Word::CaseNotOpened, "the case could not be opened: {0}", "berkas tidak dapat diajukan: {0}"},
    Entry{Word::Unknown, "(unknown)", "(tidak dikenal)"},
    Entry{Word::RefusedPlain, "refused", "ditolak"},
    Entry{Word::Yes, "true", "ya"},
    Entry{Word::No, "false", "tidak"},
    Entry{Word::By, " by ", " oleh "},
    Entry{Word::Requires, "requires ", "memerlukan "},
    Entry{Word::Set, "set ", "isi "},
    Entry{Word::After, "after {0}", "setelah {0}"},
    Entry{Word::Notify, " notify ", " beri tahu "},
    Entry{Word::Initial, "initial", "awal"},
    Entry{Word::OutcomeIs, "outcome: {0}", "hasil: {0}"},
    Entry{Word::ClockPaused, "clock paused", "waktu layanan berhenti"},
    Entry{Word::DeemedMark, "DEEMED", "FIKTIF POSITIF"},
    Entry{Word::Legend, "Legend", "Keterangan"},
    Entry{Word::LegendEvent, "solid arrow: an event, with who may do it", "panah utuh: langkah, dengan siapa yang boleh"},
    Entry{Word::LegendDeadline, "dashed arrow: a deadline when nobody acts", "panah putus-putus: tenggat bila tidak ada tindakan"},
    Entry{Word::LegendEscalation, "dotted grey loop: a reminder to a role", "lingkaran titik-titik abu-abu: pengingat kepada peran"},
    Entry{Word::LegendDeemed, "bold red: deemed decision on silence", "merah tebal: fiktif positif (keputusan karena diam)"},
    Entry{Word::LegendPaused, "dashed yellow box: the SLA clock is paused", "kotak kuning putus-putus: waktu layanan berhenti"},
    Entry{Word::LegendFinal, "double border: the case ends here", "bingkai ganda: berkas selesai di sini"},
    Entry{Word::MarkDeadline, "⏱ a deadline when nobody acts", "⏱ tenggat bila tidak ada tindakan"},
    Entry{Word::MarkEscalation, "🔔 a reminder to a role", "🔔 pengingat kepada peran"},
    Entry{Word::MarkDeemed, "⚖ a deemed decision on silence", "⚖ fiktif positif (keputusan karena diam)"},
    Entry{Word::MarkPaused, "yellow box: the SLA clock is paused", "kotak kuning: waktu layanan berhenti"},
    Entry{Word::MarkFinal, "green or red box: the case ends here", "kotak hijau atau merah: berkas selesai di sini"},
    Entry{Word::DemoHeader,
          "Simulated {0} to {1} (seed {2}): {3} cases opened, {4} events accepted, {5} refused, {6} fixed and "
          "resubmitted.\nDatabase: {7}",
          "Simulasi {0} s.d. {1} (benih {2}): {3} berkas diajukan, {4} langkah diterima, {5} ditolak, {6} dilengkapi "
          "dan diajukan ulang.\nBasis data: {7}"},
    Entry{Word::ReportTitle, "Office report as of {0}", "Laporan kantor per {0}"},
    Entry{Word::ReportProcedure, "procedure", "prosedur"},
    Entry{Word::ReportCases, "cases", "berkas"},
    Entry{Word::ReportClosed, "closed", "selesai"},
    Entry{Word::ReportOverdue, "overdue", "terlambat"},
    Entry{Word::ReportSlaMet, "SLA met", "SLA tepat"},
    Entry{Word::ReportAverage, "avg wdays", "rata2 hk"},
    Entry{Word::ReportDeemed, "deemed", "fiktif+"},
    Entry{Word::ReportEscalations, "escalations", "eskalasi"},
    Entry{Word::ReportStates, "states", "tahap"},
    Entry{Word::ReportMissing, "Most frequent missing requirements", "Persyaratan yang paling sering kurang"},
    Entry{Word::ReportNone, "none", "tidak ada"},
    Entry{Word::ReportRefusals, "Refused events by reason", "Langkah yang ditolak menurut alasan"},
    Entry{Word::ReportRefusalLine, "  {0}  {1}: {2}", "  {0}  {1}: {2}"},
    Entry{Word::ReportWaiting, "Open cases waiting longest since their last event",
          "Berkas terbuka yang paling lama menunggu sejak langkah terakhir"},
    Entry{Word::ReportWaitingLine, "  {0}  {1}  {2}: {3} working days since {4}",
          "  {0}  {1}  {2}: {3} hari kerja sejak {4}"},
    Entry{Word::ReportProvisional, "Provisional dates (outside the calendar's coverage)",
          "Tanggal sementara (di luar cakupan kalender)"},
    Entry{Word::ReasonGuard, "condition not met: {0}", "syarat tidak terpenuhi: {0}"},
    Entry{Word::ReasonGuardRules, "rule not met: {0}", "aturan tidak terpenuhi: {0}"},
    Entry{Word::ReasonMissing, "missing document: {0}", "dokumen kurang: {0}"},
    Entry{Word::ReasonRole, "wrong role: {0} may not do {1}", "peran tidak berwenang: {0} tidak boleh melakukan {1}"},
    Entry{Word::ReasonNoEvent, "not possible in this state: {0}", "tidak dapat dilakukan pada tahap ini: {0}"},
    Entry{Word::ReasonClosed, "case already closed", "berkas sudah selesai"},
    Entry{Word::ReasonOther, "other: {0}", "lainnya: {0}"},
};

// The catalogue entry of a word.
const Entry& entry(Word word) {
  for (const auto& e : kCatalogue)
    if (e.word == word) return e;
  return kCatalogue.front();
}

// Fills {0}, {1}, … of `pattern` with `args`.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const bool placeholder = pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
                             pattern[i + 1] >= '0' && pattern[i + 1] <= '9';
    if (!placeholder) {
      out += pattern[i];
      continue;
    }
    const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
    if (n < args.size()) out += *(args.begin() + n);
    i += 2;
  }
  return out;
}

// An outcome id and its Indonesian reading.
struct OutcomeName {
  const char* outcome;
  const char* id;
};

constexpr std::array kOutcomes{
    OutcomeName{"granted", "diterbitkan"}, OutcomeName{"rejected", "ditolak"},
    OutcomeName{"withdrawn", "dicabut pemohon"}, OutcomeName{"abandoned", "ditinggalkan"},
    OutcomeName{"resolved", "terselesaikan"}, OutcomeName{"voided", "dibatalkan"},
    OutcomeName{"cancelled", "dibatalkan"}, OutcomeName{"expired", "kedaluwarsa"},
};
}  // namespace

std::string phrase(Word word, Language lang, std::initializer_list<std::string_view> args) {
  const Entry& e = entry(word);
  return fill(lang == Language::Indonesian ? e.id : e.en, args);
}

std::string duration_text(const Duration& d, Language lang) {
  if (lang != Language::Indonesian) return d.to_string();
  const char* unit = d.unit == DurationUnit::WorkingDays ? " hari kerja" : d.unit == DurationUnit::Days ? " hari" : " jam";
  return std::to_string(d.amount) + unit;
}

std::string day_text(Date d, Language lang) {
  static constexpr std::array<const char*, 7> kEnglish{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
  static constexpr std::array<const char*, 7> kIndonesian{"Minggu", "Senin", "Selasa", "Rabu",
                                                          "Kamis",  "Jumat", "Sabtu"};
  const unsigned w = d.weekday().c_encoding();
  return std::string(lang == Language::Indonesian ? kIndonesian[w] : kEnglish[w]) + " " + d.to_string();
}

std::string outcome_text(std::string_view outcome, Language lang) {
  if (lang != Language::Indonesian) return std::string(outcome);
  for (const auto& o : kOutcomes)
    if (outcome == o.outcome) return o.id;
  return std::string(outcome);
}

std::string refusal_reason(RefusalCode code, Language lang) {
  if (lang != Language::Indonesian) return refusal_code_name(code);
  switch (code) {
    case RefusalCode::UnknownCase: return "berkas tidak dikenal";
    case RefusalCode::CaseClosed: return "berkas sudah selesai";
    case RefusalCode::NoSuchEvent: return "tidak dapat dilakukan pada tahap ini";
    case RefusalCode::RoleNotAllowed: return "peran tidak berwenang";
    case RefusalCode::GuardFalse: return "syarat tidak terpenuhi";
    case RefusalCode::MissingDocuments: return "dokumen kurang";
    case RefusalCode::UnknownField: return "isian tidak dikenal";
    case RefusalCode::WrongType: return "jenis data salah";
    case RefusalCode::UnknownDocument: return "dokumen tidak dikenal";
    case RefusalCode::EvaluationFailed: return "tidak dapat dihitung";
    case RefusalCode::Conflict: return "diubah di loket lain";
    case RefusalCode::UnknownProcedure: return "prosedur tidak dikenal";
    case RefusalCode::KeyReused: return "kunci sudah dipakai";
    case RefusalCode::CaseExists: return "nomor berkas sudah ada";
    case RefusalCode::InvalidText: return "teks bukan UTF-8";
    case RefusalCode::ClockBehind: return "jam di belakang riwayat berkas";
  }
  return refusal_code_name(code);
}

std::string deadline_event_text(std::string_view stored, Language lang) {
  if (lang != Language::Indonesian || !stored.starts_with("after ")) return std::string(stored);
  std::string rest(stored.substr(6));
  const std::size_t space = rest.find(' ');
  if (space == std::string::npos) return std::string(stored);
  const std::string amount = rest.substr(0, space), unit = rest.substr(space + 1);
  const char* id_unit = unit.starts_with("working day") ? "hari kerja"
                        : unit.starts_with("day")       ? "hari"
                        : unit.starts_with("hour")      ? "jam"
                                                        : nullptr;
  if (id_unit == nullptr) return std::string(stored);
  return "setelah " + amount + " " + id_unit;
}

}  // namespace izin
