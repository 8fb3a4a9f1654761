// Property: the same procedure and the same inputs give byte-identical
// histories, run twice and rebuilt from the journal. Random procedures of the
// docs/language.md family (durations, guards, requirements, roles, paused states)
// and random event sequences with time jumps, refusals and repeated keys.
#include <catch2/catch.hpp>
#include <random>

#include "codec.hpp"
#include "engine_fixture.hpp"

using namespace izin;
using namespace izin::test;

namespace {
using Rng = std::mt19937_64;

// A number in [lo, hi].
int pick(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

// A random duration: mostly working days, some calendar days and hours.
Duration random_duration(Rng& rng) {
  const int unit = pick(rng, 0, 5);
  if (unit <= 3) return Duration{pick(rng, 1, 6), DurationUnit::WorkingDays};
  if (unit == 4) return Duration{pick(rng, 1, 4), DurationUnit::Days};
  return Duration{pick(rng, 1, 30), DurationUnit::Hours};
}

// A PBG variant: the example's shape with randomised details.
ProcedurePtr random_procedure(Rng& rng) {
  auto p = make_pbg(1);
  for (State& s : p->states) {
    for (Deadline& d : s.deadlines) d.after = random_duration(rng);
    for (Transition& t : s.transitions) {
      if (pick(rng, 0, 3) == 0) t.roles.clear();  // anyone
      if (pick(rng, 0, 4) == 0)
        t.guard = binary(Op::Le, field(*p, "lantai"), lit(Value(pick(rng, 1, 4)), Type::Integer), Type::Bool);
      if (pick(rng, 0, 4) == 0) t.documents = {pick(rng, 0, 4)};
      if (pick(rng, 0, 5) == 0) t.deemed = true;
    }
    if (!s.final && pick(rng, 0, 4) == 0) s.clock_paused = !s.clock_paused;
  }
  if (pick(rng, 0, 2) == 0) {
    Deadline spent = after(*p, 2, DurationUnit::WorkingDays, "ditolak");
    spent.guard = field(*p, "lokasi_sengketa");
    p->states[1].deadlines.push_back(spent);
  }
  p->requirements[2].when = binary(Op::Gt, field(*p, "luas_bangunan"), lit(Value(pick(rng, 50, 200)), Type::Number),
                                   Type::Bool);
  p->sla = Sla{pick(rng, 3, 30), pick(rng, -1, 1), {}};
  return p;
}

const std::vector<std::string> kEvents = {"verifikasi", "kembalikan", "tolak", "setujui", "revisi",
                                          "kirim_ulang", "terbitkan", "batal"};
const std::vector<std::string> kRoles = {"pemohon", "front_office", "verifikator", "tpa", "kepala_dinas", "tamu"};
const std::vector<std::string> kDocs = {"ktp", "bukti_tanah", "gambar", "struktur", "slf_lama", "npwp"};

// One input of a sequence: an event on one of the cases, or a jump in time.
struct Input {
  int minutes = 0;  // clock moves this much first (now and then back: a clock set back)
  bool advance = false;
  int which = 0;  // case index
  EventRequest request;
};

// Random event data: usually valid, sometimes unknown or mistyped.
DataInput random_data(Rng& rng) {
  DataInput d;
  switch (pick(rng, 0, 7)) {
    case 0: d.emplace_back("lantai", pick(rng, 1, 4)); break;
    case 1: d.emplace_back("lokasi_sengketa", pick(rng, 0, 1) == 1); break;
    case 2: d.emplace_back("luas_bangunan", pick(rng, 40, 220)); break;
    case 3: d.emplace_back("lantai", "dua"); break;
    case 4: d.emplace_back("warna", 1); break;
    default: break;
  }
  return d;
}

// A short random sequence of inputs.
std::vector<Input> random_inputs(Rng& rng) {
  std::vector<Input> out(static_cast<std::size_t>(pick(rng, 3, 8)));
  for (Input& in : out) {
    in.minutes = pick(rng, 0, 3) == 0 ? pick(rng, 0, 30 * 24 * 60) : pick(rng, 0, 600);
    if (pick(rng, 0, 7) == 0) in.minutes = -pick(rng, 0, 3 * 24 * 60);
    in.advance = pick(rng, 0, 5) == 0;
    in.which = pick(rng, 0, 1);
    const std::string& role = kRoles[static_cast<std::size_t>(pick(rng, 0, 5))];
    in.request = EventRequest{kEvents[static_cast<std::size_t>(pick(rng, 0, 7))], Actor{"u", role}, random_data(rng),
                              {}, pick(rng, 0, 2) == 0 ? "k" + std::to_string(pick(rng, 0, 2)) : ""};
    if (pick(rng, 0, 2) == 0) in.request.documents = {kDocs[static_cast<std::size_t>(pick(rng, 0, 5))]};
  }
  return out;
}

// Everything one run produced: the outcomes, and the final cases serialized.
struct Run {
  std::vector<Outcome> outcomes;
  std::string cases;  // JSON of each case, as the store keeps it
};

// Runs the inputs on a fresh engine and store; optionally checks replay on the way.
Run run(const ProcedurePtr& p, const CalendarPtr& cal, const DataInput& data,
                const std::vector<Input>& inputs, bool check_replay) {
  FakeClock clock{wita("2026-03-13T08:00")};
  auto store = make_memory_store();
  Engine engine{clock, *store};
  engine.set_calendar(cal);
  engine.add_procedure(p);
  Run out;
  std::vector<std::string> ids;
  for (int i = 0; i < 2; ++i) {
    const Outcome o = engine.open(OpenRequest{"pbg", data, {"ktp", "bukti_tanah"}, Actor{"a", "front_office"}, ""});
    REQUIRE(o.accepted);
    ids.push_back(o.case_id);
  }
  for (const Input& in : inputs) {
    clock.set(clock.now() + std::chrono::minutes(in.minutes));
    if (in.advance) {
      for (Outcome& o : engine.advance_to(clock.now())) out.outcomes.push_back(std::move(o));
    } else {
      out.outcomes.push_back(engine.fire(ids[static_cast<std::size_t>(in.which)], in.request));
    }
  }
  for (const auto& id : ids) {
    const Case c = *store->load_case(id);
    if (check_replay) REQUIRE(detail::encode(*engine.replay(id)) == detail::encode(c));
    out.cases += detail::encode(c);
  }
  return out;
}
}  // namespace

TEST_CASE("same inputs give byte-identical histories, live and replayed (10,000 sequences)") {
  const CalendarPtr cal = belu();
  Rng rng(20260316);
  int sequences = 0, behind = 0;
  for (int procedure = 0; procedure < 250; ++procedure) {
    const ProcedurePtr p = random_procedure(rng);
    for (int i = 0; i < 40; ++i, ++sequences) {
      const DataInput data = {{"luas_bangunan", pick(rng, 40, 220)}, {"lantai", pick(rng, 1, 4)},
                              {"fungsi", pick(rng, 0, 1) ? "usaha" : "hunian"}};
      const std::vector<Input> inputs = random_inputs(rng);
      const Run first = run(p, cal, data, inputs, true);
      const Run second = run(p, cal, data, inputs, false);
      REQUIRE(first.cases == second.cases);
      REQUIRE(first.outcomes == second.outcomes);
      for (const Outcome& o : first.outcomes) behind += o.refusal && o.refusal->code == RefusalCode::ClockBehind;
    }
  }
  CHECK(sequences == 10000);
  CHECK(behind > 100);  // the clock set back was exercised
}
