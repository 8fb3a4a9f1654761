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
      // The procedure studio (pages_studio.cpp).
      {"studio_title", {"Studio prosedur", "Procedure studio"}},
      {"studio_intro", {"Pilih berkas prosedur untuk disunting. Akibat setiap perubahan tampil di samping teks; versi baru berlaku setelah disimpan tanpa galat.", "Pick a procedure file to edit. The consequences of each change show beside the text; a new version goes live once saved without errors."}},
      {"studio_files", {"Berkas prosedur", "Procedure files"}},
      {"studio_history", {"Riwayat versi", "Version history"}},
      {"studio_guide", {"Panduan menulis prosedur", "Guide to writing procedures"}},
      {"studio_guide_beside", {"Panduan di samping", "Guide alongside"}},
      {"studio_insert", {"Sisipkan", "Insert"}},
      {"studio_check", {"Periksa", "Check"}},
      {"studio_compare", {"Bandingkan dengan versi berjalan", "Compare with the live version"}},
      {"studio_save", {"Simpan sebagai versi baru", "Save as a new version"}},
      {"studio_line", {"Baris", "Line"}},
      {"studio_diagnostics", {"Pemeriksaan", "Check results"}},
      {"studio_no_problems", {"Tidak ada masalah.", "No problems."}},
      {"studio_running_version", {"Versi berjalan", "Live version"}},
      {"studio_new_version", {"versi baru", "new version"}},
      {"studio_rollout_clean", {"Versi ini boleh diberlakukan.", "This version may go live."}},
      {"studio_open_cases", {"Kasus yang sedang berjalan", "Cases already open"}},
      {"studio_no_open_cases", {"Tidak ada kasus terbuka untuk layanan ini.", "No open cases of this service."}},
      {"studio_version", {"versi", "version"}},
      {"studio_keeps_version", {"tetap memakai versinya sampai selesai; kasus baru memakai versi baru", "keep their version until they end; new cases use the new version"}},
      {"studio_state_dropped", {"tahap ini tidak ada lagi di versi baru", "this step is gone from the new version"}},
      {"studio_fix_first", {"Perbaiki galat di atas untuk melihat diagram, persyaratan, tenggat dan skenario.", "Fix the errors above to see the diagram, requirements, deadlines and scenarios."}},
      {"studio_diagram", {"Diagram", "Diagram"}},
      {"studio_no_dot", {"Graphviz (dot) tidak terpasang di server, jadi diagram tidak dapat digambar. Tahapannya:", "Graphviz (dot) is not installed on the server, so the diagram cannot be drawn. The steps:"}},
      {"studio_sample", {"Contoh permohonan", "Sample application"}},
      {"studio_sample_hint", {"Isi contoh data untuk melihat persyaratan yang berlaku.", "Enter sample data to see which requirements apply."}},
      {"studio_deadlines", {"Pratinjau tenggat", "Deadline preview"}},
      {"studio_opened_on", {"Permohonan diterima pada", "Application received on"}},
      {"studio_no_calendar", {"Prosedur tidak menyebut kalender yang ada, jadi tenggat tidak dapat dihitung.", "The procedure names no calendar that exists, so deadlines cannot be placed."}},
      {"studio_bad_date", {"Tanggal harus berbentuk TTTT-BB-HH.", "The date must be YYYY-MM-DD."}},
      {"studio_calendar", {"Kalender:", "Calendar:"}},
      {"studio_conditional", {"bersyarat", "conditional"}},
      {"studio_outcome", {"Hasil", "Outcome"}},
      {"studio_working_days", {"hari kerja", "working days"}},
      {"studio_scenarios", {"Skenario uji", "Test scenarios"}},
      {"studio_no_scenarios", {"Belum ada berkas skenario", "No scenario file yet:"}},
      {"studio_back_to_editor", {"Kembali ke penyunting", "Back to the editor"}},
      {"studio_no_history", {"Belum ada versi yang disimpan dari studio.", "No version saved from the studio yet."}},
      {"studio_from", {"Dari", "From"}},
      {"studio_to", {"Ke", "To"}},
      {"studio_saved_by", {"Disimpan oleh", "Saved by"}},
      {"studio_saved_at", {"Waktu (UTC)", "Time (UTC)"}},
      {"studio_diff", {"Bandingkan versi", "Compare versions"}},
      {"studio_forbidden", {"Studio prosedur hanya untuk petugas dengan peran kebijakan.", "The procedure studio is for staff with the kebijakan (policy) role only."}},
      {"studio_no_file", {"Berkas prosedur tidak ditemukan.", "No such procedure file."}},
      {"studio_no_version", {"Pilih dua versi yang tersimpan dari berkas ini.", "Pick two saved versions of this file."}},
      {"studio_saved_live", {"Tersimpan dan sudah berlaku: kasus baru memakai versi ini, kasus yang sedang berjalan tetap memakai versinya.", "Saved and live: new cases use this version, open cases keep theirs."}},
      {"studio_saved_not_live", {"Tersimpan, tetapi layanan belum memberlakukannya; lihat daftar masalah prosedur.", "Saved, but the service has not made it live; see the procedure problems."}},
      {"studio_refused", {"Tidak disimpan: perbaiki dulu masalah berikut. Berkas tidak diubah.", "Not saved: fix these first. The file was not changed."}},
      {"studio_before_studio", {"(isi berkas sebelum disimpan dari studio)", "(the file before the studio saved it)"}},
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
