#include "messages.hpp"

#include <array>

namespace izin::detail {

namespace {
// One message: code and both wordings.
struct MessageText {
  Msg msg;
  const char* code;
  const char* en;
  const char* id;
};

constexpr std::array kMessages{
    MessageText{Msg::PathMissing, "IZ001", "no such file or directory", "berkas atau direktori tidak ada"},
    MessageText{Msg::FileUnreadable, "IZ002", "cannot read the file: {0}", "berkas tidak dapat dibaca: {0}"},
    MessageText{Msg::DuplicateVersion, "IZ010",
                "procedure {0} version {1} is also declared in {2}; neither copy is used: give one a new version "
                "number or remove it",
                "prosedur {0} versi {1} juga dideklarasikan di {2}; tidak satu pun salinan dipakai: beri salah satunya "
                "nomor versi baru atau hapus"},
    MessageText{Msg::Syntax, "IZ101", "expected {0}", "diharapkan {0}"},
    MessageText{Msg::SyntaxUnexpected, "IZ101", "expected {0}, found `{1}`", "diharapkan {0}, ditemukan `{1}`"},
    MessageText{Msg::FinalHasBody, "IZ101", "final state '{0}' cannot have a body: a final state only names its outcome",
                "state akhir '{0}' tidak boleh memiliki isi: state akhir hanya menyebut hasilnya"},
    MessageText{Msg::TrailingText, "IZ101", "text after the '}' that closes the procedure",
                "ada teks setelah '}' penutup prosedur"},
    MessageText{Msg::MissingClose, "IZ101", "expected '}' closing {0} before {1}", "diharapkan '}' penutup {0} sebelum {1}"},
    MessageText{Msg::InvalidUtf8, "IZ103", "the file is not valid UTF-8 here; save it as UTF-8",
                "berkas bukan UTF-8 yang sah di sini; simpan sebagai UTF-8"},
    MessageText{Msg::ControlChar, "IZ104", "a control character (byte {0}) is not allowed in a procedure file",
                "karakter kontrol (byte {0}) tidak diperbolehkan dalam berkas prosedur"},
    MessageText{Msg::TooDeep, "IZ105", "expression nested too deeply (more than {0} levels)",
                "ekspresi bersarang terlalu dalam (lebih dari {0} tingkat)"},
    MessageText{Msg::NumberRange, "IZ106", "number `{0}` is too large or has too many decimals",
                "angka `{0}` terlalu besar atau desimalnya terlalu banyak"},
    MessageText{Msg::BadDate, "IZ107", "`{0}` is not a real date (YYYY-MM-DD)", "`{0}` bukan tanggal yang sah (YYYY-MM-DD)"},
    MessageText{Msg::VersionBelowOne, "IZ108",
                "`version {0}`: versions are numbered from 1 (version 0 would be mistaken for \"the newest\")",
                "`version {0}`: versi dinomori mulai 1 (versi 0 akan dikira \"yang terbaru\")"},
    MessageText{Msg::ExpressionTooLong, "IZ105",
                "expression too long (more than {0} levels of operators); split it into rules or fees",
                "ekspresi terlalu panjang (lebih dari {0} tingkat operator); pecah menjadi beberapa rule atau fee"},
    MessageText{Msg::UndefinedState, "IZ201", "no state named '{0}'{1}", "tidak ada state bernama '{0}'{1}"},
    MessageText{Msg::UndefinedRole, "IZ202", "no role named '{0}' in `roles`{1}", "tidak ada peran bernama '{0}' di `roles`{1}"},
    MessageText{Msg::UndefinedField, "IZ203", "no data field named '{0}'{1}", "tidak ada data bernama '{0}'{1}"},
    MessageText{Msg::UndefinedName, "IZ203", "no data field or rule named '{0}'{1}", "tidak ada data atau aturan bernama '{0}'{1}"},
    MessageText{Msg::UndefinedRequirement, "IZ204", "no requirement named '{0}'{1}", "tidak ada persyaratan bernama '{0}'{1}"},
    MessageText{Msg::NotEnumSymbol, "IZ205", "'{0}' is not a value of {1} ({2}){3}", "'{0}' bukan nilai dari {1} ({2}){3}"},
    MessageText{Msg::Duplicate, "IZ206", "{0} '{1}' is declared twice (first at line {2})",
                "{0} '{1}' dideklarasikan dua kali (pertama di baris {2})"},
    MessageText{Msg::DuplicateDecl, "IZ207", "`{0}` is declared twice (first at line {1})",
                "`{0}` dideklarasikan dua kali (pertama di baris {1})"},
    MessageText{Msg::UnknownCalendar, "IZ208", "no calendar with id '{0}' was loaded{1}", "tidak ada kalender dengan id '{0}'{1}"},
    MessageText{Msg::UnknownFunction, "IZ209", "no function named '{0}'; there are round, ceil, floor, min, max, submitted{1}",
                "tidak ada fungsi bernama '{0}'; yang ada round, ceil, floor, min, max, submitted{1}"},
    MessageText{Msg::RuleNameTaken, "IZ210", "rule '{0}' has the name of {1} (line {2}); give the rule a name of its own",
                "aturan '{0}' memakai nama {1} (baris {2}); beri aturan nama sendiri"},
    MessageText{Msg::ArithmeticType, "IZ301", "'{0}' needs numbers, but this is {1}", "'{0}' memerlukan angka, tetapi ini {1}"},
    MessageText{Msg::CompareTypes, "IZ302", "cannot compare {0} with {1}", "tidak dapat membandingkan {0} dengan {1}"},
    MessageText{Msg::NotBool, "IZ303", "{0} must be true or false, but this is {1}", "{0} harus benar atau salah, tetapi ini {1}"},
    MessageText{Msg::SetType, "IZ304", "field '{0}' is {1} and cannot hold {2}", "data '{0}' bertipe {1} dan tidak dapat menampung {2}"},
    MessageText{Msg::FeeType, "IZ305", "fee '{0}' must be a number of rupiah, but this is {1}",
                "biaya '{0}' harus berupa angka rupiah, tetapi ini {1}"},
    MessageText{Msg::DivideByZero, "IZ306", "division by zero", "pembagian dengan nol"},
    MessageText{Msg::OrderType, "IZ307", "'{0}' only orders numbers or dates, not {1}",
                "'{0}' hanya membandingkan angka atau tanggal, bukan {1}"},
    MessageText{Msg::BranchTypes, "IZ308", "both sides of '?:' must have the same type, not {0} and {1}",
                "kedua sisi '?:' harus bertipe sama, bukan {0} dan {1}"},
    MessageText{Msg::Arguments, "IZ309", "{0}() takes {1}", "{0}() menerima {1}"},
    MessageText{Msg::RuleNotBool, "IZ310", "rule '{0}' must be true or false, but its condition is {1}",
                "aturan '{0}' harus bernilai benar atau salah, tetapi kondisinya {1}"},
    MessageText{Msg::NoInitial, "IZ401", "no initial state: mark exactly one state `initial state`",
                "tidak ada state awal: tandai tepat satu state dengan `initial state`"},
    MessageText{Msg::SecondInitial, "IZ402", "a second initial state ('{0}' is already initial)",
                "state awal kedua ('{0}' sudah menjadi state awal)"},
};

// The entry for a message.
const MessageText& entry(Msg msg) {
  for (const auto& m : kMessages)
    if (m.msg == msg) return m;
  return kMessages.front();
}
}  // namespace

std::string_view message_code(Msg msg) { return entry(msg).code; }

std::string message_text(Msg msg, Language lang, std::initializer_list<std::string_view> args) {
  const std::string_view pattern = lang == Language::Indonesian ? entry(msg).id : entry(msg).en;
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const bool placeholder = pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
                             pattern[i + 1] >= '0' && pattern[i + 1] <= '9';
    if (!placeholder) { out += pattern[i]; continue; }
    const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
    if (n < args.size()) out += *(args.begin() + n);
    i += 2;
  }
  return out;
}

std::string did_you_mean(std::string_view suggestion, Language lang) {
  if (suggestion.empty()) return {};
  const std::string s(suggestion);
  return lang == Language::Indonesian ? "; maksud Anda '" + s + "'?" : "; did you mean '" + s + "'?";
}

}  // namespace izin::detail
