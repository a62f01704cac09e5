import { applyPlan, planDeployment, type ApplyResult } from '../src/deploy/index.js';
import { startApimBed, type ApimBed } from '../test/deploy/support.js';
import { RESOURCES, SEED, loadCommit, type Commit } from './fifty.js';
import { Random } from './random.js';
import { UNLIMITED } from './fault-schedules.js';

/**
 * Two deployments of different commits to one service at once, and a deployment racing portal
 * edits. No lost update: every edit made after a plan read the service survives; the final state is
 * one whole commit (the winner's) or the old one, and the exit codes say which.
 */
export interface ConcurrencyFigures {
  pairs: number;
  races: number;
  lostUpdates: number;
  notWhole: number;
  failures: string[];
}

const RETRY = { attempts: 5, baseDelayMs: 5, maxDelayMs: 40 };

async function planOf(bed: ApimBed, c: Commit) {
  const repo = await loadCommit(c);
  try {
    const conn = bed.connect();
    return {
      conn,
      plan: await planDeployment({
        repository: repo,
        connection: conn,
        source: { commit: c.sha },
        // The environment's record carries the deployment lease that keeps two deployments apart.
        environment: 'soak',
        scope: 'full',
      }),
    };
  } finally {
    await repo.dispose();
  }
}

async function differs(bed: ApimBed, c: Commit): Promise<string[]> {
  const { plan } = await planOf(bed, c);
  return plan.entries.filter((e) => e.action !== 'unchanged').map((e) => e.key);
}

function mutate(rng: Random, base: Commit, sha: string): Commit {
  const versions = new Map(base.versions);
  for (const r of rng.sample(RESOURCES, rng.int(5, 25)))
    versions.set(r.key, (versions.get(r.key) ?? 0) + rng.int(1, 3));
  return { sha, versions, extra: [] };
}

export async function runConcurrency(count: number, seed: number): Promise<ConcurrencyFigures> {
  const rng = new Random(seed);
  const figures: ConcurrencyFigures = { pairs: 0, races: 0, lostUpdates: 0, notWhole: 0, failures: [] };
  const bed = await startApimBed({ seed: SEED, rateLimits: UNLIMITED });
  try {
    let current: Commit = { sha: '0'.repeat(40), versions: new Map(), extra: [] };
    const first = await planOf(bed, current);
    await applyPlan({
      plan: first.plan,
      connection: first.conn,
      identity: {},
      retry: RETRY,
    });
    for (let i = 0; i < count; i++) {
      // Two commits planned against the same state, applied at once.
      const x = mutate(rng, current, `${i}`.padStart(40, 'a'));
      const y = mutate(rng, current, `${i}`.padStart(40, 'b'));
      const [px, py] = await Promise.all([planOf(bed, x), planOf(bed, y)]);
      const [rx, ry] = await Promise.all([
        applyPlan({ plan: px.plan, connection: px.conn, identity: {}, retry: RETRY }),
        applyPlan({ plan: py.plan, connection: py.conn, identity: {}, retry: RETRY }),
      ]);
      figures.pairs++;
      const [dx, dy, d0] = await Promise.all([differs(bed, x), differs(bed, y), differs(bed, current)]);
      const ok =
        (rx.exitCode === 0 && ry.exitCode !== 0 && dx.length === 0 && ry.exitCode !== 4) ||
        (ry.exitCode === 0 && rx.exitCode !== 0 && dy.length === 0 && rx.exitCode !== 4) ||
        (rx.exitCode === 0 && ry.exitCode === 0 && (dx.length === 0 || dy.length === 0)) ||
        (rx.exitCode === 3 && ry.exitCode === 3 && d0.length === 0) ||
        wholeAfter4(rx, ry, dx, dy, d0);
      if (!ok) {
        figures.notWhole++;
        figures.failures.push(
          `pair ${i}: exits ${rx.exitCode}/${ry.exitCode}; differs from x ${dx.length}, y ${dy.length}, old ${d0.length}`,
        );
      }
      current = dx.length === 0 ? x : dy.length === 0 ? y : current;
      if (dx.length && dy.length && d0.length) {
        const repair = await planOf(bed, current);
        await applyPlan({
          plan: repair.plan,
          connection: repair.conn,
          identity: {},
          retry: RETRY,
        });
      }

      // A deployment racing portal edits of the resources it changes.
      const z = mutate(rng, current, `${i}`.padStart(40, 'd'));
      const pz = await planOf(bed, z);
      const targets = pz.plan.entries.filter((e) => e.action !== 'unchanged').map((e) => e.key);
      const editing = (async () => {
        const edits: { path: string; marker: string }[] = [];
        for (const key of rng.sample(targets, Math.min(targets.length, rng.int(1, 3)))) {
          await new Promise((r) => setTimeout(r, rng.int(0, 30)));
          const e = bed.emu.editAsThirdParty(key);
          if (e) edits.push(e);
        }
        return edits;
      })();
      const [rz, edits] = await Promise.all([
        applyPlan({ plan: pz.plan, connection: pz.conn, identity: {}, retry: RETRY }),
        editing,
      ]);
      figures.races++;
      const { readResource, parseResourceKey } = await import('../src/deploy/resources.js');
      for (const e of edits) {
        const now = await readResource(bed.connect(), parseResourceKey(e.path)!);
        if (!JSON.stringify(now.properties ?? {}).includes(e.marker)) {
          figures.lostUpdates++;
          figures.failures.push(
            `race ${i}: the edit ${e.marker} of ${e.path} was overwritten (exit ${rz.exitCode})`,
          );
        }
      }
      const edited = new Set(edits.map((e) => e.path));
      const fromNew = (await differs(bed, z)).filter((k) => !edited.has(k));
      const fromOld = (await differs(bed, current)).filter((k) => !edited.has(k));
      const named = new Set(rz.notRestored.map((n) => n.key));
      const whole =
        (rz.exitCode === 0 && fromNew.length === 0) ||
        (rz.exitCode === 3 && fromOld.length === 0) ||
        (rz.exitCode === 4 && fromOld.every((k) => named.has(k)));
      if (!whole) {
        figures.notWhole++;
        figures.failures.push(
          `race ${i}: exit ${rz.exitCode}, differs from new ${fromNew}, from old ${fromOld}`,
        );
      }
      // Back to a whole commit for the next round (the portal edits are overwritten on purpose here).
      const repair = await planOf(bed, z);
      const rr = await applyPlan({
        plan: repair.plan,
        connection: repair.conn,
        identity: {},
        retry: RETRY,
      });
      if (rr.exitCode !== 0) throw new Error(`race ${i}: the repair deployment failed`);
      current = z;
    }
  } finally {
    await bed.close();
  }
  return figures;
}

/** Exit 4 on one side: the other side's commit or the old one, except the resources it named. */
function wholeAfter4(rx: ApplyResult, ry: ApplyResult, dx: string[], dy: string[], d0: string[]): boolean {
  const named = new Set([...rx.notRestored, ...ry.notRestored].map((n) => n.key));
  if (rx.exitCode !== 4 && ry.exitCode !== 4) return false;
  return [dx, dy, d0].some((d) => d.every((k) => named.has(k)));
}
