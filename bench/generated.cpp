// Procedure texts generated for the compile benchmark (see generated.hpp).
#include "generated.hpp"

namespace izin::bench {

namespace {

// The declarations before the states: standard, roles, data, documents, fee.
std::string header(int n) {
  const std::string id = std::to_string(n);
  return "# Generated for the compile benchmark (bench/generated.cpp).\n"
         "procedure gen_" + id + " version " + std::to_string(1 + n % 3) + " {\n"
         "  title \"Layanan uji " + id + "\"\n"
         "  legal \"Peraturan Bupati Belu Nomor " + id + " Tahun 2026\"\n"
         "  product \"Surat keterangan " + id + "\"\n"
         "  calendar belu\n"
         "  sla 60 working days\n"
         "  roles pemohon, petugas, verifikator, kepala\n"
         "  data {\n"
         "    luas: number \"Luas (m2)\"\n"
         "    jumlah: integer \"Jumlah putaran\"\n"
         "    jenis: enum { kecil, sedang, besar } \"Jenis usaha\"\n"
         "    catatan: text \"Catatan petugas\"\n"
         "    mendesak: bool \"Permohonan mendesak\"\n"
         "    berlaku: date \"Berlaku sampai\"\n"
         "  }\n"
         "  requirements {\n"
         "    ktp: \"KTP pemohon\"\n"
         "    surat: \"Surat permohonan\"\n"
         "    denah: \"Denah lokasi\" when luas > 100\n"
         "    rekomendasi: \"Rekomendasi camat\" when jenis == besar and not mendesak\n"
         "    izin_lama: \"Izin lama\" optional\n"
         "  }\n"
         "  fee biaya \"Biaya layanan\" = round(luas * 2500 * (jenis == besar ? 2 : (jenis == sedang ? 1.5 : 1)))\n"
         "  fee denda \"Denda keterlambatan\" = max(0, min(jumlah * 50000, 500000))\n\n";
}

// "s<i>", built by appending (GCC 12 -O3 warns falsely on "literal" + std::string).
std::string state_id(int i) {
  std::string id = "s";
  id += std::to_string(i);
  return id;
}

// Working state `i` of `states`: forward, back, reject, two deadlines.
std::string state(int i, int states) {
  const std::string s = state_id(i);
  const std::string next = i + 1 < states ? state_id(i + 1) : "selesai";
  const std::string back = i > 0 ? state_id(i - 1) : "s0";
  std::string t = std::string(i == 0 ? "  initial state " : "  state ") + s + " \"Tahap " + std::to_string(i) +
                  "\" {\n";
  if (i % 4 == 3) t += "    clock paused\n";
  t += "    on lanjut by petugas, verifikator requires ktp, surat, denah, rekomendasi -> " + next +
       " { set jumlah = jumlah + 1 set catatan = \"tahap " + std::to_string(i) + " selesai\" }\n";
  t += "    on kembalikan by verifikator when not mendesak and luas >= " + std::to_string(10 * i) + " -> " + back +
       "\n";
  t += "    on tolak by kepala when luas > 5000 or jenis == besar and jumlah > 3 -> ditolak\n";
  t += "    after " + std::to_string(2 + i % 3) + " working days notify kepala \"Tahap " + std::to_string(i) +
       " terlambat\"\n";
  t += "    after " + std::to_string(10 + i % 5) + " working days -> ditolak\n  }\n\n";
  return t;
}

}  // namespace

std::string generated_procedure(int n, int states) {
  std::string text = header(n);
  for (int i = 0; i < states; ++i) text += state(i, states);
  text += "  final state selesai \"Selesai\" outcome granted\n";
  text += "  final state ditolak \"Ditolak\" outcome rejected\n}\n";
  return text;
}

}  // namespace izin::bench
