// `npm run soak`: the reliability suites with counts large enough to give figures; prints ONE table.
// Counts: --schedules N --pairs N --cli N --fuzz N --checkout N (defaults below); --seed N changes every
// plan. A count of 0 skips that suite without starting its bed.
// The fast slice of each suite runs in `npm test` (test/soak/slice.test.ts).
import { runCheckoutFaults } from './checkout-faults.js';
import { runCliSchedules } from './cli-runs.js';
import { runConcurrency } from './concurrent.js';
import { runSchedules } from './fault-schedules.js';
import { runFuzz } from './fuzz.js';
import { trackTimers } from './timers.js';

trackTimers();
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const seed = arg('seed', 9);
const counts = {
  schedules: arg('schedules', 500),
  pairs: arg('pairs', 50),
  cli: arg('cli', 25),
  fuzz: arg('fuzz', 100_000),
  checkout: arg('checkout', 40),
};
const started = Date.now();
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = Date.now();
  const r = await fn();
  return [r, Math.round((Date.now() - t) / 1000)];
};
/**
 * A suite asked for 0 runs is not started at all (most start a bed and a first deployment before
 * their first run): its figures read 0 and it has no failures, whatever fields its figures have.
 */
const notRun = <T>(): T =>
  new Proxy(
    {},
    { get: (_, key) => (key === 'failures' ? [] : key === 'byExit' || key === 'crashesByTarget' ? {} : 0) },
  ) as T;
const suite = <T>(count: number, fn: () => Promise<T>): Promise<[T, number]> =>
  count > 0 ? time(fn) : Promise.resolve([notRun<T>(), 0]);
const [s, ts] = await suite(counts.schedules, () => runSchedules(counts.schedules, seed));
const [c, tc] = await suite(counts.pairs, () => runConcurrency(counts.pairs, seed));
const [cli, tcli] = await suite(counts.cli, () => runCliSchedules(counts.cli, seed));
const [f, tf] = await suite(counts.fuzz, () => runFuzz(counts.fuzz, seed));
const [k, tk] = await suite(counts.checkout, () => runCheckoutFaults(counts.checkout, seed));

const rows: [string, string, string, number][] = [
  [
    'fault schedules (in process, 50 resources)',
    `${s.schedules} run (${s.faults} faults; exits ${Object.entries(s.byExit)
      .map(([k, v]) => `${k}:${v}`)
      .join(' ')})`,
    `mixed ${s.mixed} / wrong exit ${s.wrongExit} / lingering ${s.lingering} / lost updates ${s.lostUpdates}`,
    ts,
  ],
  [
    'fault schedules through the CLI bundle',
    `${cli.runs} run (slowest exit after last request ${cli.slowestTailMs} ms)`,
    `lingering ${cli.lingering} / bad exit ${cli.badExit} / stack traces ${cli.stackTraces} / leaks ${cli.leaks}`,
    tcli,
  ],
  [
    'secrets scan of every CLI run (the exact tokens it held, every encoding, every file it left)',
    `${cli.secretsScanned} secret values over ${cli.runs} runs`,
    `leaks ${cli.leaks}`,
    tcli,
  ],
  [
    'concurrent deployments',
    `${c.pairs} pairs of deploys at once, ${c.races} deploys racing portal edits`,
    `lost updates ${c.lostUpdates} / not one whole commit ${c.notWhole}`,
    tc,
  ],
  [
    'fuzzing (reader, ruleset, XML comparison, templates, Gogs and ARM answers)',
    `${f.cases} cases (slowest ${f.slowestMs.toFixed(1)} ms, ${f.slowestTarget})`,
    `crashes ${f.crashes} (${
      Object.entries(f.crashesByTarget)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ') || 'none'
    })`,
    tf,
  ],
  [
    'checkout faults against the real Gogs (stopped or frozen mid-fetch, slow, HTTP 500, token revoked)',
    `${k.runs} run (${k.cliRuns} through the CLI; ${k.succeeded} passed, ${k.clearFailures} failed clearly)`,
    `unclear failures ${k.unclearFailures} / wrong outcomes ${k.wrongOutcomes} / leftovers ${k.leftovers} / reruns failed ${k.rerunsFailed} / hangs ${k.hangs} / leaks ${k.leaks}`,
    tk,
  ],
];
console.log(`\n| suite | ran | figures | s |\n| --- | --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nseed ${seed}; wall time ${Math.round((Date.now() - started) / 1000)} s`);
const failures = [...s.failures, ...cli.failures, ...c.failures, ...f.failures, ...k.failures];
if (failures.length)
  console.log(
    `\nFirst findings:\n${failures
      .slice(0, 15)
      .map((l) => `- ${l}`)
      .join('\n')}`,
  );
