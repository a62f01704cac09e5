// `npm run soak`: the reliability suites with counts large enough to give figures; prints ONE table.
// Counts: --schedules N --pairs N --cli N --fuzz N (defaults below); --seed N changes every plan.
// The fast slice of each suite runs in `npm test` (test/soak/slice.test.ts).
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
};
const started = Date.now();
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = Date.now();
  const r = await fn();
  return [r, Math.round((Date.now() - t) / 1000)];
};
const [s, ts] = await time(() => runSchedules(counts.schedules, seed));
const [c, tc] = await time(() => runConcurrency(counts.pairs, seed));
const [cli, tcli] = await time(() => runCliSchedules(counts.cli, seed));
const [f, tf] = await time(() => runFuzz(counts.fuzz, seed));

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
];
console.log(`\n| suite | ran | figures | s |\n| --- | --- | --- | --- |`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nseed ${seed}; wall time ${Math.round((Date.now() - started) / 1000)} s`);
const failures = [...s.failures, ...cli.failures, ...c.failures, ...f.failures];
if (failures.length)
  console.log(
    `\nFirst findings:\n${failures
      .slice(0, 15)
      .map((l) => `- ${l}`)
      .join('\n')}`,
  );
