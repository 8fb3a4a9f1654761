// The model questionnaire's words, in Indonesian as printed for citizens and in English.
#include "izin/standards/questionnaire.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace izin::standards {
namespace {

const std::array<SkmQuestion, kSkmElements> kIndonesian = {{
    {"Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
     {"Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"}},
    {"Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
     {"Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"}},
    {"Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
     {"Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"}},
    {"Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
     {"Sangat mahal", "Cukup mahal", "Murah", "Gratis"}},
    {"Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
     "pelayanan dengan hasil yang diberikan?",
     {"Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"}},
    {"Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
     {"Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"}},
    {"Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
     {"Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"}},
    {"Bagaimana pendapat Saudara tentang penanganan pengaduan, saran dan masukan pengguna layanan?",
     {"Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"}},
    {"Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
     {"Buruk", "Cukup", "Baik", "Sangat baik"}},
}};

const std::array<SkmQuestion, kSkmElements> kEnglish = {{
    {"How well do the requirements fit the service?", {"Not at all", "Poorly", "Well", "Very well"}},
    {"How easy is the procedure of this office?", {"Not easy", "Hardly easy", "Easy", "Very easy"}},
    {"How fast was the service completed?", {"Not fast", "Hardly fast", "Fast", "Very fast"}},
    {"How fair are the fees of the service?", {"Very expensive", "Rather expensive", "Cheap", "Free"}},
    {"How well does the product match what the service standard states?",
     {"Not at all", "Poorly", "Well", "Very well"}},
    {"How competent are the staff?", {"Not competent", "Hardly competent", "Competent", "Very competent"}},
    {"How polite and friendly are the staff?", {"Not polite", "Hardly polite", "Polite and friendly", "Very polite and friendly"}},
    {"How are complaints, suggestions and feedback handled?",
     {"Not at all", "Exists but does not work", "Works, not fully", "Handled well"}},
    {"How good are the facilities?", {"Poor", "Fair", "Good", "Very good"}},
}};

bool among(const std::string& value, const std::vector<ProfileChoice>& choices) {
  return value.empty() ||
         std::any_of(choices.begin(), choices.end(), [&](const ProfileChoice& c) { return c.value == value; });
}

}  // namespace

SkmQuestion skm_question(std::size_t element, Language lang) {
  if (element >= kSkmElements) throw std::out_of_range("SKM element " + std::to_string(element + 1));
  return lang == Language::Indonesian ? kIndonesian[element] : kEnglish[element];
}

const std::vector<ProfileChoice>& sex_choices(Language lang) {
  static const std::vector<ProfileChoice> id = {{"L", "Laki-laki"}, {"P", "Perempuan"}};
  static const std::vector<ProfileChoice> en = {{"L", "Male"}, {"P", "Female"}};
  return lang == Language::Indonesian ? id : en;
}

const std::vector<ProfileChoice>& age_group_choices(Language) {
  static const std::vector<ProfileChoice> all = {{"<20", "< 20"},   {"20-29", "20–29"}, {"30-39", "30–39"},
                                                 {"40-49", "40–49"}, {"50-59", "50–59"}, {"60+", "60+"}};
  return all;
}

const std::vector<ProfileChoice>& education_choices(Language) {
  static const std::vector<ProfileChoice> all = {{"SD", "SD"},       {"SMP", "SMP"}, {"SMA", "SMA/SMK"},
                                                 {"D1-D3", "D1–D3"}, {"S1", "D4/S1"}, {"S2", "S2"},
                                                 {"S3", "S3"}};
  return all;
}

const std::vector<ProfileChoice>& occupation_choices(Language lang) {
  static const std::vector<ProfileChoice> id = {{"PNS", "PNS"},         {"TNI/Polri", "TNI/Polri"},
                                                {"Swasta", "Pegawai swasta"}, {"Wirausaha", "Wirausaha"},
                                                {"Pelajar", "Pelajar/Mahasiswa"}, {"Lainnya", "Lainnya"}};
  static const std::vector<ProfileChoice> en = {{"PNS", "Civil servant"},  {"TNI/Polri", "Armed forces/Police"},
                                                {"Swasta", "Private employee"}, {"Wirausaha", "Self-employed"},
                                                {"Pelajar", "Student"},        {"Lainnya", "Other"}};
  return lang == Language::Indonesian ? id : en;
}

std::optional<std::string> profile_problem(const SurveyResponse& r) {
  const auto lang = Language::Indonesian;
  if (!among(r.sex, sex_choices(lang))) return "jenis kelamin '" + r.sex + "' is not a choice of the form";
  if (!among(r.age_group, age_group_choices(lang))) return "umur '" + r.age_group + "' is not a choice of the form";
  if (!among(r.education, education_choices(lang))) return "pendidikan '" + r.education + "' is not a choice of the form";
  if (!among(r.occupation, occupation_choices(lang))) return "pekerjaan '" + r.occupation + "' is not a choice of the form";
  return std::nullopt;
}

}  // namespace izin::standards
