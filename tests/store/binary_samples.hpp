// Sample values for the binary codec's tests: every kind of value at its
// edges, a case with every field filled in, a history record of every kind.
#pragma once

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "izin/case.hpp"

namespace izin::testing {

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

// The first and last instants izin holds: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
inline Instant first_instant() {
  using namespace std::chrono;
  return sys_days{year{1} / January / 1};
}
inline Instant last_instant() {
  using namespace std::chrono;
  return sys_days{year{9999} / December / 31} + hours{23} + minutes{59} + std::chrono::seconds{59};
}

// Every kind of value, at its edges.
inline std::vector<Value> every_value() {
  return {
      Value(),
      Value(Decimal(0)),
      Value(Decimal(150)),
      Value(Decimal(-42)),
      Value(Decimal::fraction(1, 3)),
      Value(Decimal::fraction(-2, 3)),
      Value(*Decimal::parse("2.25")),
      Value(*Decimal::parse("-0.05")),
      Value(Decimal(kInt64Max)),
      Value(Decimal(-kInt64Max)),
      Value(Decimal::fraction(kInt64Max, kInt64Max - 1)),
      Value(Decimal::fraction(-1, kInt64Max)),
      Value(Decimal(std::int64_t{1} << 40)),
      Value(""),
      Value("Jl. Merdeka 1"),
      Value("Ñandú — 東京 😀 tanda \"kutip\" \\ \n tab\t"),
      Value(std::string("nul\0inside", 10)),
      Value(true),
      Value(false),
      Value(Date::from_ymd(2026, 3, 16)),
      Value(Date::from_ymd(1969, 12, 31)),  // before the epoch: negative days
      Value(Date::from_ymd(1, 1, 1)),
      Value(Date::from_ymd(9999, 12, 31)),
      Value(EnumValue{"usaha"}),
      Value(EnumValue{"rumah_tinggal"}),
  };
}

// A case with every field filled in, and a history (which the binary form leaves out).
inline Case every_field_case() {
  Case c;
  c.id = "pbg-000042";
  c.procedure = "pbg";
  c.version = 7;
  c.state = 3;
  c.data = every_value();
  c.documents = {true, false, true, true, false, false, true, false, true, true, false};
  c.opened_at = at(0);
  c.entered_at = at(60 * 24 * 5 + 17);
  c.pending = {PendingDeadline{0, at(60 * 24 * 30), false}, PendingDeadline{2, at(60 * 24 * 40), true},
               PendingDeadline{11, last_instant(), false}};
  c.sla = SlaClock{Date::from_ymd(2026, 3, 16), 4, Date::from_ymd(2026, 4, 1), true};
  c.closed = true;
  c.outcome = "ditolak — berkas tidak lengkap";
  c.deemed = true;
  c.calendar = "kalender-2026@9f86d081884c7d65";
  c.revision = std::uint64_t{1} << 40;
  c.history.push_back(HistoryRecord{1, at(0), RecordKind::Opened, {"ani", "loket"}, "", "", "berkas", {}, {"ktp"}, false, ""});
  return c;
}

// The case without its history: what a binary round trip gives back.
inline Case without_history(Case c) {
  c.history.clear();
  return c;
}

// A history record of every kind, with changes, documents, deemed and notes.
inline std::vector<HistoryRecord> every_kind_records() {
  const Actor system{"system", "system"};
  return {
      HistoryRecord{1, at(0), RecordKind::Opened, {"ani", "loket"}, "", "", "berkas",
                    {DataChange{"luas", Value(), Value(Decimal(150))}, DataChange{"alamat", Value(), Value("Jl. Ñandú 1")}},
                    {"ktp", "imb"}, false, ""},
      HistoryRecord{2, at(30), RecordKind::Event, {"budi", "verifikator"}, "lengkap", "berkas", "penilaian",
                    {DataChange{"luas", Value(Decimal(150)), Value(Decimal::fraction(301, 2))},
                     DataChange{"jenis", Value(EnumValue{"rumah"}), Value(EnumValue{"usaha"})},
                     DataChange{"lunas", Value(false), Value(true)},
                     DataChange{"tanggal", Value(Date::from_ymd(2026, 3, 16)), Value()}},
                    {"sertifikat"}, false, ""},
      HistoryRecord{3, at(60 * 24 * 26), RecordKind::Deadline, system, "after 26 working days", "penilaian",
                    "disetujui", {}, {}, true, ""},
      HistoryRecord{4, at(60 * 24 * 27), RecordKind::Notification, system, "after 1 working day", "disetujui",
                    "disetujui", {}, {}, false, "Berkas menunggu tanda tangan kepala dinas"},
      HistoryRecord{5, at(60 * 24 * 28), RecordKind::DeadlineSpent, system, "after 2 working days", "disetujui",
                    "disetujui", {DataChange{"catatan", Value("lama"), Value("")}}, {}, false, ""},
      HistoryRecord{std::uint64_t{1} << 40, last_instant(), RecordKind::DeadlineMoved, system, "after 26 working days",
                    "penilaian", "penilaian", {}, {}, true, "calendar kalender-2026 changed"},
      HistoryRecord{7, first_instant(), RecordKind::Event, {"", ""}, "", "", "", {}, {}, false, ""},
  };
}

}  // namespace izin::testing
