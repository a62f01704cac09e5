import { applyPlan, planDeployment, type ApplyResult } from '../src/deploy/index.js';
import { deleteResource, parseResourceKey, readResource, refFor } from '../src/deploy/resources.js';
import type { FaultSpec } from '../src/emulator/index.js';
import { ConfigurationError } from '../src/shared/errors.js';
import { startApimBed, type ApimBed } from '../test/deploy/support.js';
import { RESOURCES, SEED, backend, loadCommit, namedValue, type Commit, type Resource } from './fifty.js';
import { Random } from './random.js';
import { lingeringTimers } from './timers.js';

/**
 * Seeded random fault schedules over the 50-resource service. Each schedule deploys a new commit
 * (5-20 of the 50 resources changed, plus a named value and a backend only it has) with 1-3 faults,
 * then checks the contract: exit 0 and APIM at the new commit; exit 3 and APIM at the old one; or
 * exit 4 and exactly the named resources differ. A third party's edit always survives (no lost
 * update), and no timer is left armed that would keep a process alive after its work.
 */
export interface ScheduleFigures {
  schedules: number;
  byExit: Record<string, number>;
  mixed: number;
  wrongExit: number;
  lostUpdates: number;
  lingering: number;
  faults: number;
  failures: string[];
}

const RETRY = { attempts: 5, baseDelayMs: 5, maxDelayMs: 40 };
/** ARM's hourly budget is not what a soak measures: thousands of requests a minute. */
export const UNLIMITED = { readsPerHour: 1e9, writesPerHour: 1e9 };

/** One fault plan: 1-3 faults on resources this commit changes. */
export function faultPlan(rng: Random, targets: Resource[]): { faults: FaultSpec[]; timeoutMs?: number } {
  const faults: FaultSpec[] = [];
  let timeoutMs: number | undefined;
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const r = rng.pick(targets);
    const path = new RegExp(r.path, 'i');
    const times = rng.pick([1, 1, 2, 3, 0]); // 0: every attempt (persistent)
    const kind = rng.pick([
      'error',
      'error503',
      'throttle',
      'conflict',
      'drop',
      'dropAfterApply',
      'errorAfterApply',
      'slow',
      'lroFailed',
      'badRequest',
      'editBeforeWrite',
      'editAfterFailedWrite',
      'editDuringRollback',
    ] as const);
    switch (kind) {
      case 'error':
        faults.push({ kind: 'error', status: 500, method: 'PUT', path, times });
        break;
      case 'error503':
        faults.push({ kind: 'error', status: 503, method: 'PUT', path, times, retryAfterSeconds: 0 });
        break;
      case 'throttle':
        // 429 with ARM's Retry-After (0 or 1 s): the client's pacing (throttle.ts) waits it out.
        faults.push({
          kind: 'throttle',
          method: rng.pick(['PUT', 'GET']),
          path,
          times,
          retryAfterSeconds: rng.pick([0, 1]),
        });
        break;
      case 'conflict':
        faults.push({ kind: 'conflict', method: 'PUT', path, times: rng.int(1, 2) });
        break;
      case 'drop':
      case 'dropAfterApply':
      case 'errorAfterApply':
        faults.push({ kind, method: rng.pick(['PUT', 'PUT', 'DELETE']), path, times });
        break;
      case 'slow':
        // Slower than this schedule's request timeout: the client gives up, APIM applies it anyway.
        timeoutMs = 1000;
        faults.push({ kind: 'slow', delayMs: 1500, method: 'PUT', path, times: rng.int(1, 2) });
        break;
      case 'lroFailed':
        faults.push({ kind: 'lroFailed', method: 'PUT', path, times: rng.int(1, 2) });
        break;
      case 'badRequest':
        faults.push({ kind: 'error', status: 400, method: 'PUT', path });
        break;
      case 'editBeforeWrite':
        faults.push({ kind: 'thirdPartyEdit', method: 'PUT', path });
        break;
      case 'editAfterFailedWrite':
        faults.push({ kind: rng.pick(['error', 'drop', 'dropAfterApply'] as const), method: 'PUT', path });
        faults.push({ kind: 'thirdPartyEdit', method: 'PUT', path, nth: 2 });
        break;
      case 'editDuringRollback': {
        // Something else fails for good, so there is a rollback; the edit meets its read or its write.
        const other = rng.pick(targets);
        faults.push({
          kind: 'error',
          status: 500,
          method: 'PUT',
          path: new RegExp(other.path, 'i'),
          times: 0,
        });
        faults.push({
          kind: 'thirdPartyEdit',
          method: rng.pick(['GET', 'PUT', 'DELETE']),
          path,
          nth: rng.int(1, 2),
        });
        break;
      }
    }
  }
  return { faults, timeoutMs };
}

/** Keys whose live content differs from commit `c` (a full plan of it). */
async function differences(bed: ApimBed, c: Commit): Promise<Set<string>> {
  const repo = await loadCommit(c);
  try {
    const plan = await planDeployment({
      repository: repo,
      connection: bed.connect(),
      source: { commit: c.sha },
      scope: 'full',
      retry: RETRY,
    });
    return new Set(plan.entries.filter((e) => e.action !== 'unchanged').map((e) => e.key));
  } finally {
    await repo.dispose();
  }
}

async function deploy(bed: ApimBed, c: Commit, timeoutMs?: number): Promise<ApplyResult> {
  const repo = await loadCommit(c);
  try {
    const conn = bed.connect({ requestTimeoutMs: timeoutMs });
    const plan = await planDeployment({
      repository: repo,
      connection: conn,
      source: { commit: c.sha },
      scope: 'full',
      retry: RETRY,
    });
    return await applyPlan({ plan, connection: conn, identity: {}, retry: RETRY, writeRecord: false });
  } finally {
    await repo.dispose();
  }
}

/** Checks one outcome against the contract; returns what is wrong, or undefined. */
async function judge(
  bed: ApimBed,
  before: Commit,
  after: Commit,
  result: ApplyResult | Error,
  editsBefore: number,
): Promise<{ verdict?: 'mixed' | 'wrongExit'; lost: number; why?: string }> {
  const edits = bed.emu.thirdPartyEdits().slice(editsBefore);
  const edited = new Set(edits.map((e) => e.path));
  // Every third-party edit is still there.
  let lost = 0;
  const live = await differences(bed, after);
  const fromOld = await differences(bed, before);
  for (const e of edits) {
    const stillThere = await holdsMarker(bed, e.path, e.marker);
    if (!stillThere) lost++;
  }
  const createdExist = await Promise.all(after.extra.map((r) => exists(bed, r)));
  const anyCreated = createdExist.some(Boolean);
  for (const [i, r] of after.extra.entries()) if (createdExist[i]) fromOld.add(r.key);
  const atNew = live.size === 0 && createdExist.every(Boolean);
  const atOld = [...fromOld].every((k) => edited.has(k)) && !anyCreated;
  // ARM failing through every retry while the plan reads: exit 2, nothing written (APIM at the old commit).
  if (result instanceof ConfigurationError && atOld) return { lost };
  if (result instanceof Error) return { verdict: 'wrongExit', lost, why: `threw: ${result.message}` };
  const code = result.exitCode;
  if (code === 0) {
    if (atNew && edits.length === 0) return { lost };
    return { verdict: atOld ? 'wrongExit' : 'mixed', lost, why: `exit 0 but differs from new: ${[...live]}` };
  }
  if (code === 3) {
    if (atOld) return { lost };
    return {
      verdict: atNew ? 'wrongExit' : 'mixed',
      lost,
      why: `exit 3 but differs from old: ${[...fromOld]}`,
    };
  }
  const named = new Set(result.notRestored.map((n) => n.key));
  const unexplained = [...fromOld].filter((k) => !named.has(k) && !edited.has(k));
  const namedSame = [...named].filter((k) => !fromOld.has(k));
  if (unexplained.length === 0 && namedSame.length === 0 && named.size > 0) return { lost };
  return {
    verdict: 'mixed',
    lost,
    why: `exit 4: differs but not named: ${unexplained}; named but not different: ${namedSame}`,
  };
}

async function exists(bed: ApimBed, r: Resource): Promise<boolean> {
  const [collection, name] = r.key.split('/');
  const kind = collection === 'namedValues' ? 'namedValue' : 'backend';
  return (await readResource(bed.connect(), refFor(kind, { name }))).exists;
}

async function holdsMarker(bed: ApimBed, path: string, marker: string): Promise<boolean> {
  const ref = parseResourceKey(path);
  if (!ref) return true;
  const now = await readResource(bed.connect(), ref);
  return now.exists && JSON.stringify(now.properties).includes(marker);
}

/** Runs `count` schedules from `seed`; one emulator, each schedule starting from a whole commit. */
export async function runSchedules(count: number, seed: number): Promise<ScheduleFigures> {
  const rng = new Random(seed);
  const figures: ScheduleFigures = {
    schedules: 0,
    byExit: {},
    mixed: 0,
    wrongExit: 0,
    lostUpdates: 0,
    lingering: 0,
    faults: 0,
    failures: [],
  };
  const bed = await startApimBed({ seed: SEED, rateLimits: UNLIMITED });
  try {
    let current: Commit = { sha: '0'.repeat(40), versions: new Map(), extra: [] };
    const trace = (m: string): void =>
      void (process.env.SOAK_TRACE && console.error(new Date().toISOString(), m));
    trace('initial deploy');
    const first = await deploy(bed, current);
    trace('initial deployed');
    if (first.exitCode !== 0) throw new Error('the initial deployment failed');
    for (let i = 0; i < count; i++) {
      const changed = rng.sample(RESOURCES, rng.int(5, 20));
      const versions = new Map(current.versions);
      for (const r of changed) versions.set(r.key, (versions.get(r.key) ?? 0) + 1);
      const extra = [namedValue(`nv-new-${i}`), backend(`be-new-${i}`)];
      const next: Commit = { sha: i.toString(16).padStart(40, 'c'), versions, extra };
      const { faults, timeoutMs } = faultPlan(rng, [...changed, ...extra]);
      figures.faults += faults.length;
      const editsBefore = bed.emu.thirdPartyEdits().length;
      const t0 = Date.now();
      for (const f of faults) bed.emu.addFault(f);
      let result: ApplyResult | Error;
      trace(`schedule ${i} deploy`);
      try {
        result = await deploy(bed, next, timeoutMs);
      } catch (err) {
        result = err as Error;
      }
      bed.emu.clearFaults();
      figures.lingering += lingeringTimers(10_000) > 0 ? 1 : 0;
      const code =
        result instanceof ConfigurationError
          ? '2'
          : result instanceof Error
            ? 'threw'
            : String(result.exitCode);
      figures.byExit[code] = (figures.byExit[code] ?? 0) + 1;
      trace(`schedule ${i} judge`);
      const v = await judge(bed, current, next, result, editsBefore);
      figures.lostUpdates += v.lost;
      if (v.verdict === 'mixed') figures.mixed++;
      if (v.verdict === 'wrongExit') figures.wrongExit++;
      if (v.verdict || v.lost)
        figures.failures.push(
          `seed ${seed} schedule ${i}: ${v.why ?? 'lost update'} faults ${JSON.stringify(faults.map((f) => ({ ...f, path: String(f.path) })))}`,
        );
      figures.schedules++;
      if (process.env.SOAK_TRACE)
        console.error(
          `schedule ${i}: exit ${code}, ${Date.now() - t0} ms, ${faults.map((f) => f.kind).join(' ')}`,
        );
      // Start the next schedule from a whole commit: the new one, without the extra resources.
      trace(`schedule ${i} repair`);
      const repair = await deploy(bed, { ...next, extra: [] });
      if (repair.exitCode !== 0) throw new Error(`schedule ${i}: the repair deployment failed`);
      for (const r of extra) {
        const [collection, name] = r.key.split('/');
        await deleteResource(
          bed.connect(),
          refFor(collection === 'namedValues' ? 'namedValue' : 'backend', { name }),
          '*',
        );
      }
      current = { ...next, extra: [] };
    }
  } finally {
    await bed.close();
  }
  return figures;
}
