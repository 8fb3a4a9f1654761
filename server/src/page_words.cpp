#include "page_words.hpp"

#include <map>
#include <stdexcept>
#include <utility>

namespace izin::server {

namespace {
// key → {Indonesian, English}
const std::map<std::string, std::pair<std::string, std::string>>& words() {
  static const std::map<std::string, std::pair<std::string, std::string>> table = {
      {"other_language", {"English", "Bahasa Indonesia"}},
      {"track_title", {"Lacak permohonan", "Track an application"}},
      {"track_hint", {"Masukkan nomor kasus dan kode lacak yang tertera pada tanda terima.",
                      "Enter the case number and the tracking code printed on your receipt."}},
      {"case_number", {"Nomor kasus", "Case number"}},
      {"tracking_code", {"Kode lacak", "Tracking code"}},
      {"track_button", {"Lacak", "Track"}},
      {"not_found", {"Permohonan tidak ditemukan. Periksa nomor kasus dan kode lacak.",
                     "No application found. Check the case number and the tracking code."}},
      {"too_many", {"Terlalu banyak percobaan. Coba lagi dalam satu menit.",
                    "Too many attempts. Try again in a minute."}},
      {"now", {"Posisi sekarang", "Where it stands"}},
      {"finished", {"selesai", "finished"}},
      {"steps_done", {"Langkah yang sudah dilalui", "Steps done"}},
      {"opened", {"Permohonan diterima", "Application received"}},
      {"next", {"Berikutnya", "Next"}},
      {"by", {"paling lambat", "by"}},
      {"provisional", {"sementara", "provisional"}},
      {"promised", {"Janji layanan selesai", "Promised completion"}},
      {"paused", {"waktu layanan dihentikan sementara", "service clock paused"}},
      {"missing", {"Dokumen yang masih kurang", "Documents still missing"}},
      {"reminder", {"Pengingat kepada petugas", "Reminder to the office"}},
      {"sign_in_title", {"Masuk", "Sign in"}},
      {"user_name", {"Nama pengguna", "User name"}},
      {"password", {"Kata sandi", "Password"}},
      {"sign_in_button", {"Masuk", "Sign in"}},
      {"sign_out", {"Keluar", "Sign out"}},
      {"login_failed", {"Nama pengguna atau kata sandi salah.", "Wrong user name or password."}},
      {"form_expired", {"Formulir ini sudah kedaluwarsa. Silakan muat ulang halaman dan coba lagi.",
                        "This form has expired. Reload the page and try again."}},
      {"worklist_title", {"Daftar kerja", "Worklist"}},
      {"role", {"Peran", "Role"}},
      {"procedure", {"Layanan", "Service"}},
      {"state", {"Tahap", "Step"}},
      {"due", {"Tenggat", "Due"}},
      {"overdue", {"terlambat", "overdue"}},
      {"no_cases", {"Tidak ada kasus yang menunggu.", "No cases waiting."}},
      {"counter_title", {"Loket", "Counter"}},
      {"pick_service", {"Pilih layanan yang dimohon.", "Pick the service applied for."}},
      {"service_not_found", {"Layanan tidak ditemukan.", "No such service."}},
      {"refresh_checklist", {"Perbarui daftar persyaratan", "Update the requirement checklist"}},
      {"requirements", {"Persyaratan untuk permohonan ini", "Requirements for this application"}},
      {"tick_received", {"Centang dokumen yang diterima.", "Tick the documents received."}},
      {"optional", {"tidak wajib", "optional"}},
      {"depends_on", {"tergantung", "depends on"}},
      {"internal_documents", {"Dokumen yang diurus kantor", "Documents the office obtains"}},
      {"open_case", {"Buka kasus dan cetak tanda terima", "Open the case and print the receipt"}},
      {"receipt_title", {"Tanda terima", "Receipt"}},
      {"received_at", {"Diterima", "Received"}},
      {"documents_received", {"Dokumen yang diterima", "Documents received"}},
      {"track_at", {"Lacak permohonan di", "Track the application at"}},
      {"code_once", {"Kode lacak hanya ditampilkan sekali, saat diterbitkan. Untuk mencetak ulang, terbitkan kode baru; kode lama tidak berlaku lagi.",
                     "The tracking code is shown only once, when it is issued. To reprint, issue a new code; the old one stops working."}},
      {"new_code", {"Terbitkan kode lacak baru", "Issue a new tracking code"}},
      {"yes", {"ya", "yes"}},
      {"no", {"tidak", "no"}},
      {"application_data", {"Data permohonan", "Application data"}},
      {"case_title", {"Kasus", "Case"}},
      {"case_not_found", {"Kasus tidak ditemukan.", "No such case."}},
      {"refused", {"Ditolak", "Refused"}},
      {"not_a_value", {"Isian tidak sesuai jenisnya", "A value does not fit its field"}},
      {"internal", {"diurus kantor", "obtained by the office"}},
      {"rules_not_met", {"Ketentuan yang belum terpenuhi", "Rules not met"}},
      {"allowed_roles", {"Peran yang boleh", "Roles that may"}},
      {"actions", {"Tindakan", "Actions"}},
      {"other_roles_events", {"Tindakan untuk peran lain", "Actions for other roles"}},
      {"sla", {"Waktu layanan", "Service level"}},
      {"days_used", {"Hari kerja terpakai", "Working days used"}},
      {"deadlines", {"Tenggat yang berjalan", "Pending deadlines"}},
      {"fees", {"Biaya", "Fees"}},
      {"fee_needs", {"belum dapat dihitung, perlu", "not known yet, needs"}},
      {"timeline", {"Riwayat", "Timeline"}},
      {"when", {"Waktu", "When"}},
      {"who", {"Oleh", "Who"}},
      {"what", {"Apa", "What"}},
      {"page_not_found", {"Halaman tidak ditemukan", "Page not found"}},
      {"survey_title", {"Survei Kepuasan Masyarakat", "Satisfaction survey"}},
      {"survey_hint", {"Permohonan Anda sudah selesai. Mohon beri penilaian atas pelayanan kami: pilih satu jawaban untuk setiap pertanyaan. Jawaban Anda membantu kami memperbaiki pelayanan.",
                       "Your application is finished. Please rate our service: pick one answer for each question. Your answers help us improve."}},
      {"survey_profile", {"Data responden (boleh dikosongkan)", "About you (optional)"}},
      {"survey_sex", {"Jenis kelamin", "Sex"}},
      {"survey_age", {"Umur", "Age"}},
      {"survey_education", {"Pendidikan terakhir", "Education"}},
      {"survey_occupation", {"Pekerjaan", "Occupation"}},
      {"survey_suggestion", {"Saran dan masukan", "Suggestions"}},
      {"survey_send", {"Kirim penilaian", "Send the survey"}},
      {"survey_thanks", {"Terima kasih, penilaian Anda untuk permohonan ini sudah kami terima.",
                         "Thank you, we have received your answers for this application."}},
      {"survey_already", {"Terima kasih, penilaian untuk permohonan ini sudah kami terima sebelumnya. Setiap permohonan dinilai satu kali.",
                          "Thank you, the answers for this application were received before. Each application is rated once."}},
      {"survey_still_open", {"Survei dapat diisi setelah permohonan selesai diputuskan.",
                             "The survey opens once the application has been decided."}},
      {"survey_fix", {"Penilaian belum terkirim:", "Not sent yet:"}},
      {"survey_pick_one", {"pilih satu jawaban", "pick one answer"}},
      {"survey_too_long", {"saran terlalu panjang (paling banyak 2000 huruf)", "the suggestion is too long (2000 characters at most)"}},
      {"survey_bad_choice", {"pilihan tidak dikenal:", "not a choice of the form:"}},
      {"paper_survey_title", {"Kuesioner SKM kertas", "Paper SKM questionnaires"}},
      {"paper_survey_hint", {"Masukkan kuesioner yang diisi pemohon di atas kertas, untuk permohonan yang sudah diputuskan. Satu kuesioner per permohonan.",
                             "Enter a questionnaire a citizen filled in on paper, for a decided application. One questionnaire per application."}},
      {"paper_survey_roles", {"Hanya petugas loket atau petugas pengaduan yang dapat memasukkan kuesioner.",
                              "Only counter or complaints staff may enter questionnaires."}},
      {"survey_date", {"Tanggal pengisian (kosong: hari ini)", "Date filled in (empty: today)"}},
      {"survey_save", {"Simpan kuesioner", "Save the questionnaire"}},
      {"survey_saved", {"Kuesioner tersimpan untuk permohonan", "Questionnaire saved for case"}},
      {"survey_already_paper", {"Permohonan ini sudah memiliki kuesioner; setiap permohonan dinilai satu kali.",
                                "This case already has a questionnaire; each case is rated once."}},
      {"survey_bad_date", {"Tanggal pengisian harus berbentuk TTTT-BB-HH.", "The date must be YYYY-MM-DD."}},
      {"inbox_title", {"Kotak masuk", "Inbox"}},
      {"inbox_hint", {"Eskalasi untuk peran Anda, yang terbaru di atas.", "Escalations to your roles, newest first."}},
      {"inbox_empty", {"Tidak ada eskalasi untuk peran Anda.", "No escalations for your roles."}},
      {"message", {"Pesan", "Message"}},
      {"older", {"Lebih lama", "Older"}},
      {"head_title", {"Pimpinan", "Head of office"}},
      {"head_hint", {"Angka per layanan, per", "Figures per service, as of"}},
      {"head_only", {"Halaman ini hanya untuk pimpinan kantor.", "This page is for the head of office only."}},
      {"open_cases", {"Kasus berjalan", "Open cases"}},
      {"overdue_cases", {"Lewat janji layanan", "Past the SLA"}},
      {"sla_met", {"Selesai tepat waktu bulan ini", "Closed within SLA this month"}},
      {"deemed", {"Keputusan fiktif-positif bulan ini", "Deemed decisions this month"}},
      {"escalations", {"Eskalasi terbuka / bulan ini", "Escalations open / this month"}},
      {"head_legend", {"Eskalasi terbuka: yang dikirim sejak kasus memasuki tahapnya sekarang. Bulan menurut waktu setempat kalender layanan.",
                       "Open escalations: those sent since the case entered its current step. Months in the service calendar's local time."}},
  };
  return table;
}
}  // namespace

kainjow::mustache::data page_words(Language lang) {
  kainjow::mustache::data out{kainjow::mustache::data::type::object};
  for (const auto& [key, both] : words()) out.set(key, lang == Language::English ? both.second : both.first);
  return out;
}

std::string page_word(Language lang, const std::string& key) {
  const auto it = words().find(key);
  if (it == words().end()) throw std::logic_error("no page word " + key);
  return lang == Language::English ? it->second.second : it->second.first;
}

}  // namespace izin::server
