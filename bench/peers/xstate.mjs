// The PBG path of docs/language.md's example in XState v5, for bench/run.
// Same guards as the .izin file: the actor's role (`by`), the documents that
// apply to this case (`requires`, with `when` conditions), and the `set`.
// Usage: node xstate.mjs [cases]  → one JSON line on stdout.
import { setup, createActor, assign, and } from 'xstate';

// requirements { … } of the example: id → applies(case data).
const requirements = {
  ktp: () => true,
  bukti_tanah: () => true,
  gambar: (d) => d.luas_bangunan > 100,
  struktur: (d) => d.lantai >= 3,
  slf_lama: () => false, // optional: never demanded
};

// `requires a, b, …`: every listed document that applies has been submitted.
function documentsComplete(context, ids) {
  return ids.every((id) => !requirements[id](context) || context.documents.includes(id));
}

const pbg = setup({
  guards: {
    by: ({ event }, params) => params.roles.includes(event.role),
    requires: ({ context }, params) => documentsComplete(context, params.documents),
    sengketa: ({ context }) => context.lokasi_sengketa === true,
  },
  actions: {
    catatLulus: assign({ catatan: 'lulus' }),
  },
}).createMachine({
  id: 'pbg',
  initial: 'diajukan',
  context: ({ input }) => ({ ...input.data, documents: input.documents }),
  states: {
    diajukan: {
      on: {
        verifikasi: {
          guard: and([
            { type: 'by', params: { roles: ['verifikator'] } },
            { type: 'requires', params: { documents: ['ktp', 'bukti_tanah', 'gambar', 'struktur'] } },
          ]),
          target: 'pemeriksaan',
        },
        kembalikan: { guard: { type: 'by', params: { roles: ['verifikator', 'front_office'] } }, target: 'perbaikan' },
        tolak: { guard: and([{ type: 'by', params: { roles: ['verifikator'] } }, 'sengketa']), target: 'ditolak' },
      },
    },
    pemeriksaan: {
      on: {
        setujui: { guard: { type: 'by', params: { roles: ['tpa'] } }, target: 'penerbitan', actions: 'catatLulus' },
        revisi: { guard: { type: 'by', params: { roles: ['tpa'] } }, target: 'perbaikan' },
      },
    },
    perbaikan: {
      on: { kirim_ulang: { guard: { type: 'by', params: { roles: ['pemohon'] } }, target: 'pemeriksaan' } },
    },
    penerbitan: {
      on: { terbitkan: { guard: { type: 'by', params: { roles: ['kepala_dinas'] } }, target: 'disetujui' } },
    },
    disetujui: { type: 'final' },
    ditolak: { type: 'final' },
  },
});

// The five events of the path, with the roles that fire them.
const path = [
  { type: 'verifikasi', role: 'verifikator' },
  { type: 'revisi', role: 'tpa' },
  { type: 'kirim_ulang', role: 'pemohon' },
  { type: 'setujui', role: 'tpa' },
  { type: 'terbitkan', role: 'kepala_dinas' },
];

// One case from opening to `disetujui`; throws if the path went wrong.
function runCase() {
  const actor = createActor(pbg, {
    input: { data: { luas_bangunan: 150, lantai: 2, fungsi: 'usaha' }, documents: ['ktp', 'bukti_tanah', 'gambar'] },
  });
  actor.start();
  for (const e of path) actor.send(e);
  const snap = actor.getSnapshot();
  if (snap.value !== 'disetujui' || snap.context.catatan !== 'lulus') {
    throw new Error(`xstate path ended in ${snap.value}`);
  }
}

// A refused event must change nothing: checks the guards really guard.
function checkRefusal() {
  const actor = createActor(pbg, { input: { data: { luas_bangunan: 150, lantai: 2 }, documents: ['ktp', 'bukti_tanah'] } });
  actor.start();
  actor.send({ type: 'verifikasi', role: 'verifikator' }); // gambar missing
  actor.send({ type: 'kembalikan', role: 'pemohon' }); // wrong role
  if (actor.getSnapshot().value !== 'diajukan') throw new Error('xstate guard did not refuse');
}

const cases = Number(process.argv[2] ?? 100000);
checkRefusal();
for (let i = 0; i < Math.min(cases, 20000); ++i) runCase(); // warm-up (JIT)
const t0 = process.hrtime.bigint();
for (let i = 0; i < cases; ++i) runCase();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ peer: 'xstate', version: '5.33.3', cases, events: cases * path.length, seconds,
  events_per_s: (cases * path.length) / seconds }));
