// Synthetic cases and commits for the store and codec tests: plain data,
// no engine, so the stores are tested on their own.
#pragma once

#include <chrono>
#include <string>

#include "izin/store.hpp"

namespace izin::testing {

// 2026-03-16T01:00:00Z plus `minutes`.
inline Instant at(int minutes) {
  using namespace std::chrono;
  return sys_days{year{2026} / March / 16} + hours{1} + std::chrono::minutes{minutes};
}

// A case as just opened: revision 1, one Opened record, in state "berkas".
inline Case opened_case(const std::string& id, const std::string& procedure = "pbg") {
  Case c;
  c.id = id;
  c.procedure = procedure;
  c.version = 3;
  c.state = 0;
  c.data = {Value(Decimal(150)), Value("Jl. Merdeka 1"), Value(), Value(EnumValue{"usaha"})};
  c.documents = {true, false};
  c.opened_at = c.entered_at = at(0);
  c.pending = {PendingDeadline{0, at(60 * 24 * 3)}};
  c.revision = 1;
  c.history.push_back(HistoryRecord{1, at(0), RecordKind::Opened, {"ani", "loket"}, "", "", "berkas", {}, {"ktp"}, false, ""});
  return c;
}

// The commit that opens `c`.
inline CaseCommit open_commit(const Case& c, std::optional<Instant> due = std::nullopt) {
  CaseCommit commit{c, 0, {}, due};
  commit.entry.kind = JournalEntry::Kind::Open;
  commit.entry.at = c.opened_at;
  commit.entry.actor = {"ani", "loket"};
  commit.entry.payload = R"({"procedure":")" + c.procedure + R"("})";
  commit.entry.result = R"({"accepted":true})";
  return commit;
}

// The commit of an accepted event moving `before` to state `to`.
inline CaseCommit fire_commit(const Case& before, const std::string& event, const std::string& to,
                              std::optional<Instant> due = std::nullopt, const std::string& key = "") {
  Case after = before;
  after.revision = before.revision + 1;
  after.state += 1;
  const Instant when = at(static_cast<int>(after.revision) * 10);
  after.history.push_back(HistoryRecord{after.history.size() + 1, when, RecordKind::Event, {"budi", "verifikator"},
                                        event, before.history.back().to, to, {}, {}, false, ""});
  after.closed = to == "terbit";
  CaseCommit commit{after, before.revision, {}, due};
  commit.entry.kind = JournalEntry::Kind::Fire;
  commit.entry.at = when;
  commit.entry.actor = {"budi", "verifikator"};
  commit.entry.event = event;
  commit.entry.key = key;
  commit.entry.payload = R"({"event":")" + event + R"("})";
  return commit;
}

}  // namespace izin::testing
