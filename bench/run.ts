// `npm run bench [-- --quick]`: measures the performance budgets of design.md, prints the tables
// and writes bench/results.json. `--quick` (smaller sizes, fewer runs, no 100 000) is a smoke run.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchBundles } from './bundles.js';
import { benchCli } from './cli.js';
import { benchCore } from './core.js';
import { benchFunctions } from './functions.js';
import { type BenchRow, benchTable, roundTripTable } from './measure.js';
import { benchPayload, payloadTable } from './payload.js';
import { benchRequests, requestTable } from './requests.js';
import { benchRoundTrips } from './roundtrips.js';

const quick = process.argv.includes('--quick');
const plan = quick
  ? {
      core: { sizes: [1_000, 10_000], runs: 1, warmUp: false },
      functions: { rows: 1_000, runs: { oneCall: 1, perRow: 1 } },
      roundTrips: { small: 10, large: 100, naiveMeasured: 50 },
      requests: [10, 1_000],
      cli: { projects: 1_000, runs: 1, memoryProjects: null },
      payload: { sizes: [10, 1_000], journalRows: 5_000 },
    }
  : {
      core: { sizes: [1_000, 10_000, 100_000], runs: 5, warmUp: true },
      functions: { rows: 10_000, runs: { oneCall: 5, perRow: 3 } },
      roundTrips: { small: 10, large: 10_000, naiveMeasured: 1_000 },
      requests: [10, 10_000],
      cli: { projects: 10_000, runs: 3, memoryProjects: 100_000 },
      payload: { sizes: [10, 10_000], journalRows: 50_000 },
    };

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const started = performance.now();
const loadBefore = loadAverage();
let stepStarted = performance.now();
const step = (name: string) => {
  const now = performance.now();
  process.stderr.write(
    `… ${name} (${((now - stepStarted) / 1000).toFixed(1)} s depuis l’étape précédente)\n`,
  );
  stepStarted = now;
};

step('paquets');
const rows: BenchRow[] = benchBundles();
step('cœur');
rows.push(...benchCore(plan.core.sizes, plan.core.runs, plan.core.warmUp));
step('fonctions personnalisées');
rows.push(...benchFunctions(plan.functions.rows, plan.functions.runs));
step('ligne de commande');
rows.push(...(await benchCli(plan.cli)));
step('allers-retours');
const roundTrips = await benchRoundTrips(plan.roundTrips);
step('Sheets : appels et octets par action');
const payload = benchPayload(plan.payload.sizes, plan.payload.journalRows);
step('requêtes Office.js réelles');
const requests = await benchRequests(plan.requests);
step('fin');
const loadAfter = loadAverage();
const seconds = (performance.now() - started) / 1000;

const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? 'processeur inconnu'}, ${cpus.length} cœurs, ${Math.round(os.totalmem() / 2 ** 30)} Gio, Node ${process.version}, ${os.platform()} ${os.release()}`;
console.log(benchTable(rows));
console.log();
console.log(roundTripTable(roundTrips, plan.roundTrips.small, plan.roundTrips.large));
console.log();
console.log(requestTable(requests));
console.log();
console.log('Google Sheets, par action (aperçu et exécution confirmée pour Reformater et Annuler) :');
console.log(payloadTable(payload));
console.log(`\nMachine : ${machine}`);
console.log(`Charge moyenne (1 / 5 / 15 min) : ${loadBefore} au début, ${loadAfter} à la fin`);
console.log(`Durée : ${seconds.toFixed(1)} s${quick ? ' (--quick)' : ''}`);
const missed = rows.filter((r) => r.ok === false).map((r) => r.name);
if (missed.length > 0) console.log(`Cibles manquées : ${missed.join(' ; ')}`);

writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      loadAverage: { before: loadBefore, after: loadAfter },
      quick,
      seconds,
      rows,
      roundTrips,
      requests,
      payload,
    },
    null,
    2,
  )}\n`,
);
