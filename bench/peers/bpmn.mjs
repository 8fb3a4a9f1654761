// The PBG path of docs/language.md's example in bpmn-engine, for bench/run.
// The BPMN XML (pbg.bpmn) is parsed and serialized ONCE; every case starts
// an engine from that pre-serialized context (`sourceContext`), so the
// figure is execution, not XML parsing. Guards as in the .izin file: role,
// applicable documents, and `set catatan = "lulus"` (a service task).
// Usage: node bpmn.mjs [cases]  → one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import serialize, { TypeResolver } from 'moddle-context-serializer';

// requirements { … } of the example: id → applies(case data).
const requirements = {
  ktp: () => true,
  bukti_tanah: () => true,
  gambar: (d) => d.luas_bangunan > 100,
  struktur: (d) => d.lantai >= 3,
};

// The gateway conditions and the service task, as engine services.
const services = {
  // `on EVENT by ROLES`: roles is a space-separated list.
  allowed: (request, event, roles) => request.type === event && roles.split(' ').includes(request.role),
  // `on verifikasi by verifikator requires ktp, bukti_tanah, gambar, struktur`.
  verifikasi: (vars) =>
    services.allowed(vars.request, 'verifikasi', 'verifikator') &&
    ['ktp', 'bukti_tanah', 'gambar', 'struktur'].every(
      (id) => !requirements[id](vars.data) || vars.documents.includes(id)),
  // `on tolak by verifikator when lokasi_sengketa`.
  tolak: (vars) => services.allowed(vars.request, 'tolak', 'verifikator') && vars.data.lokasi_sengketa === true,
  // `set catatan = "lulus"`.
  catatLulus: (scope, next) => {
    scope.environment.variables.data.catatan = 'lulus';
    next();
  },
};

// bpmn-engine's default logger builds a `debug` instance per element; a
// silent one is what a production embedder would pass, and is faster.
const silent = { debug() {}, warn() {}, error() {} };
const Logger = () => silent;

// The five events of the path, with the roles that fire them.
const path = [
  { type: 'verifikasi', role: 'verifikator' },
  { type: 'revisi', role: 'tpa' },
  { type: 'kirim_ulang', role: 'pemohon' },
  { type: 'setujui', role: 'tpa' },
  { type: 'terbitkan', role: 'kepala_dinas' },
];

// Parses the XML once and serializes the moddle context the engines share.
async function sourceContext() {
  const moddle = await new BpmnModdle().fromXML(readFileSync(new URL('./pbg.bpmn', import.meta.url), 'utf8'));
  return serialize(moddle, TypeResolver(Elements));
}

// Runs one case through `events`; resolves to the waits seen and the data.
function runCase(context, documents, events) {
  return new Promise((resolve, reject) => {
    const listener = new EventEmitter();
    const waits = [];
    const data = { luas_bangunan: 150, lantai: 2, fungsi: 'usaha' };
    let next = 0;
    listener.on('wait', (api) => {
      waits.push(api.id);
      if (next === events.length) return resolve({ waits, data, ended: null });
      const request = events[next++];
      api.environment.variables.request = request;
      api.signal(request);
    });
    const engine = new Engine({ name: 'pbg', sourceContext: context, services, Logger });
    engine.once('end', (execution) => resolve({ waits, data, ended: execution.getActivityById('disetujui')?.counters?.taken }));
    engine.once('error', reject);
    engine.execute({ listener, variables: { data, documents } }).catch(reject);
  });
}

// Checks the path really ends approved with the `set`, and a refusal stays put.
async function checkModel(context) {
  const ok = await runCase(context, ['ktp', 'bukti_tanah', 'gambar'], path);
  if (ok.data.catatan !== 'lulus' || ok.waits.join() !== 'diajukan,pemeriksaan,perbaikan,pemeriksaan,penerbitan') {
    throw new Error(`bpmn path went wrong: ${ok.waits.join()} ${JSON.stringify(ok.data)}`);
  }
  const refused = await runCase(context, ['ktp', 'bukti_tanah'], [path[0], { type: 'kembalikan', role: 'pemohon' }]);
  if (refused.waits.join() !== 'diajukan,diajukan,diajukan') throw new Error(`bpmn guard did not refuse: ${refused.waits}`);
}

const cases = Number(process.argv[2] ?? 2000);
const context = await sourceContext();
await checkModel(context);
for (let i = 0; i < Math.min(cases, 500); ++i) await runCase(context, ['ktp', 'bukti_tanah', 'gambar'], path); // warm-up
const t0 = process.hrtime.bigint();
for (let i = 0; i < cases; ++i) await runCase(context, ['ktp', 'bukti_tanah', 'gambar'], path);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ peer: 'bpmn-engine', version: '25.0.1', cases, events: cases * path.length, seconds,
  events_per_s: (cases * path.length) / seconds }));
