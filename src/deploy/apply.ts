import { setTimeout as sleep } from 'node:timers/promises';
import { ExitCode } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Progress } from '../shared/progress.js';
import type { ApimConnection, ArmRequestRecord } from './client.js';
import { ArmTimeoutError, armErrorInfo, isWrite } from './client.js';
import { ConcurrentChange, checkedWrite, holds, readForCheck } from './checked-write.js';
import type { Identity } from './credentials.js';
import type { Plan, PlanEntry } from './plan.js';
import type { Provenance } from './provenance.js';
import { provenanceFor, recordName, stamp } from './provenance.js';
import { claimLease, DeploymentRefused, releaseLease, type Claimed } from './deployment-record.js';
import type { LiveResource, Properties, ResourceKind } from './resources.js';
import { deleteResource, readSecretValue, refFor, writableProperties, writeResource } from './resources.js';
import type { ArmRetryOptions } from './retry.js';
import { withArmRetry } from './retry.js';
import { mapLimit } from './concurrency.js';

export interface ApplyOptions {
  plan: Plan;
  connection: ApimConnection;
  /** The deploying identity (resolveIdentity / identityOf), stamped as provenance. */
  identity: Identity;
  /** Parallel writes; default 4. */
  concurrency?: number;
  retry?: ArmRetryOptions;
  /** Write the service-level record `apim-gogs-deployment-<env>` after a deployment that changed something; default true. */
  writeRecord?: boolean;
  logger?: Logger;
  /** Told as each write finishes (src/shared/progress.ts). */
  progress?: Progress;
}

export type ApplyOutcome = 'no-changes' | 'succeeded' | 'rolled-back' | 'rollback-incomplete';

export interface AppliedChange {
  key: string;
  kind: ResourceKind;
  action: 'create' | 'update' | 'delete';
  etagBefore?: string;
  etagAfter?: string;
  beforeHash?: string;
  afterHash?: string;
}

export interface ApplyFailure {
  key: string;
  message: string;
  code?: string;
  status?: number;
  /** Someone changed the resource after the plan read it (412 on If-Match); nothing was overwritten. */
  concurrentChange: boolean;
}

export interface ApplyResult {
  outcome: ApplyOutcome;
  /** 0 succeeded / no changes, 3 failed and rolled back, 4 failed and not fully rolled back. */
  exitCode: 0 | 3 | 4;
  provenance: Provenance;
  /** Changes that were made (and, after a failure, then undone unless listed in notRestored). */
  applied: AppliedChange[];
  failure?: ApplyFailure;
  /** Keys restored to their snapshot or deleted again, in the order it was done. */
  restored: string[];
  /** Resources left changed after a failed rollback, with why. */
  notRestored: { key: string; reason: string }[];
  /** Every ARM request made by this apply (deployment record). */
  requests: ArmRequestRecord[];
  writes: number;
  reads: number;
  recordWritten: boolean;
  warnings: string[];
}

/** Phases of creates/updates, in dependency order; deletes run the phases in reverse. */
const PHASES: ResourceKind[][] = [
  ['namedValue', 'backend'],
  ['fragment'],
  ['globalPolicy', 'productPolicy', 'apiPolicy', 'operationPolicy'],
];

interface Done {
  entry: PlanEntry;
  etagAfter?: string;
  /** In-memory only: the secret value of a live secret named value, for rollback. */
  secretValue?: string;
}

/**
 * Applies a plan: named values and backends, then fragments, then policies (deletes after, in
 * reverse), at most `concurrency` writes at a time. Every update and delete carries the plan-time ETag
 * in If-Match; a 412 means someone changed the resource since the plan: stop, roll back, name it.
 * On any failure every change already made is undone in reverse order (snapshots PUT back, created
 * resources deleted). A plan with nothing to change makes no request at all.
 */
export async function applyPlan(options: ApplyOptions): Promise<ApplyResult> {
  const { plan, connection: conn, logger } = options;
  const concurrency = options.concurrency ?? 4;
  const retry = options.retry;
  const firstRecord = conn.records.length;
  const provenance = provenanceFor(plan.source, options.identity, plan.environment);
  const changes = plan.entries.filter((e) => e.action !== 'unchanged');
  const done: Done[] = [];
  const warnings: string[] = [];
  const environment = plan.environment;
  const useRecord = changes.length > 0 && options.writeRecord !== false && environment && plan.record;
  // The lease: no other deployment to this environment writes until this one has finished, and a
  // plan made before another deployment ended is refused before anything is written.
  let claimed: Claimed | undefined;
  if (useRecord) {
    try {
      claimed = await claimLease(conn, environment, plan.record!, provenance, retry);
    } catch (err) {
      if (!(err instanceof DeploymentRefused)) throw err;
      logger?.error(err.message);
      return notStarted(
        refFor('namedValue', { name: recordName(environment) }).key,
        err.message,
        provenance,
        conn.records.slice(firstRecord),
      );
    }
  }
  let failure: ApplyFailure | undefined;
  let failedEntry: PlanEntry | undefined;
  let failureError: unknown;
  /** Entries an attempt of which ended without a known outcome (its answer was lost). */
  const uncertain = new Set<PlanEntry>();
  /**
   * When an attempt at an entry was last given up on while APIM may still have been working on it
   * (no answer in time): such a write can land later still.
   */
  const givenUpAt = new Map<PlanEntry, number>();

  const target = { conn, retry };
  const runOne = async (entry: PlanEntry): Promise<void> => {
    const d: Done = { entry };
    const { kind, ref, key } = entry;
    const onOutcomeUnknown = (err: unknown): void => {
      uncertain.add(entry);
      if (stillRunning(err)) givenUpAt.set(entry, Date.now());
    };
    if (entry.action === 'delete') {
      await checkedWrite({
        ...target,
        kind,
        ref,
        key,
        attempt: () => deleteResource(conn, ref, entry.etag ?? '*').then(() => true),
        landed: (now) => (now.exists ? undefined : true),
        onOutcomeUnknown,
      });
      done.push(d);
      return;
    }
    const live = entry.live;
    if (kind === 'namedValue' && live?.secret === true && !live.keyVault && entry.action === 'update') {
      d.secretValue = await withArmRetry(() => readSecretValue(conn, ref), retry);
    }
    const body = written(entry, provenance);
    const result = await checkedWrite({
      ...target,
      kind,
      ref,
      key,
      attempt: () => writeResource(conn, ref, body, entry.action === 'update' ? entry.etag : undefined),
      landed: (now) => (holds(kind, now, body) ? { etag: now.etag } : undefined),
      // A create carries no If-Match: after a lost answer, only an absent resource is still ours to create.
      replaces: entry.action === 'create' ? (now) => !now.exists : undefined,
      onOutcomeUnknown,
    });
    d.etagAfter = result.etag;
    done.push(d);
  };

  if (changes.length) {
    options.progress?.start?.(changes.length);
    const writePhases = PHASES.map((kinds) =>
      changes.filter((e) => e.action !== 'delete' && kinds.includes(e.kind)),
    );
    const deletePhases = [...PHASES]
      .reverse()
      .map((kinds) => changes.filter((e) => e.action === 'delete' && kinds.includes(e.kind)));
    for (const phase of [...writePhases, ...deletePhases]) {
      if (failure || phase.length === 0) continue;
      await mapLimit(phase, concurrency, async (entry) => {
        if (failure) return; // after the first failure no further write starts
        try {
          const t0 = performance.now();
          await runOne(entry);
          options.progress?.done(entry.kind, entry.key, entry.action, performance.now() - t0);
        } catch (err) {
          if (!failure) {
            failureError = err;
            failure = describeFailure(entry, err);
            failedEntry = entry;
          } else {
            warnings.push(`${entry.key}: also failed: ${armErrorInfo(err).message}`);
            // A second failure whose outcome is unknown is examined by the rollback too.
            if (mayHaveWritten(err)) done.push({ entry, etagAfter: undefined });
          }
        }
      });
    }
  }

  const restored: string[] = [];
  const notRestored: { key: string; reason: string }[] = [];
  if (failure && failedEntry) {
    logger?.warning(
      `Deployment failed at ${failure.key}: ${failure.message}. Rolling back ${done.length} change(s).`,
    );
    // The failed write itself may have been applied (unknown outcome, long-running operation that
    // failed late): the rollback examines it too. A 412 on a first attempt wrote nothing of ours.
    if (mayHaveWritten(failureError)) done.push({ entry: failedEntry });
    const undo = async (d: Done): Promise<void> => {
      try {
        const did = await rollbackOne(conn, d, provenance, retry, uncertain.has(d.entry));
        if (did && !restored.includes(d.entry.key)) restored.push(d.entry.key);
      } catch (err) {
        const info = armErrorInfo(err);
        notRestored.push({
          key: d.entry.key,
          reason:
            err instanceof ConcurrentChange
              ? 'changed by someone else after apim-gogs wrote it'
              : info.message,
        });
      }
    };
    for (const d of [...done].reverse()) await undo(d);
    // A create given up on may land after the rollback looked: it carries no If-Match that the
    // rollback's writes could make stale. It is looked at again once it cannot be pending any more
    // (one request timeout after it was given up on, the time APIM already had to answer it).
    const lateCreates = done.filter(
      (d) =>
        d.entry.action === 'create' &&
        givenUpAt.has(d.entry) &&
        !notRestored.some((n) => n.key === d.entry.key),
    );
    if (lateCreates.length) {
      const until = Math.max(...lateCreates.map((d) => givenUpAt.get(d.entry) ?? 0)) + conn.requestTimeoutMs;
      const waitMs = Math.max(0, until - Date.now());
      logger?.info(
        `Waiting ${Math.ceil(waitMs / 1000)} s: ${lateCreates.length} create(s) got no answer in time and may still land; they are checked again after.`,
      );
      await sleep(waitMs);
      for (const d of lateCreates) await undo(d);
    }
  }

  let recordWritten = false;
  if (claimed && environment) {
    // Exit 4 leaves APIM partly at the new commit while the record names the old one: a later
    // incremental plan (which trusts the record) could miss what stayed changed. Dropping the
    // record's state makes the next plan read everything.
    const outcome = failure
      ? { failed: true as const, dropState: notRestored.length > 0 }
      : { deployed: provenance, state: plan.recordState };
    try {
      await releaseLease(conn, environment, claimed, outcome, retry);
      recordWritten = !failure;
    } catch (err) {
      warnings.push(
        `The deployment record ${recordName(environment)} could not be written (${err instanceof Error ? err.message : String(err)}): ${
          failure && notRestored.length
            ? 'run the next plan with plan-scope: full'
            : 'the next plan reads everything, or delete its lease if it is left'
        }.`,
      );
    }
  }

  const requests = conn.records.slice(firstRecord);
  const writes = requests.filter(isWrite).length;
  const outcome: ApplyOutcome = !changes.length
    ? 'no-changes'
    : !failure
      ? 'succeeded'
      : notRestored.length
        ? 'rollback-incomplete'
        : 'rolled-back';
  return {
    outcome,
    exitCode:
      outcome === 'rolled-back'
        ? ExitCode.RolledBack
        : outcome === 'rollback-incomplete'
          ? ExitCode.RollbackIncomplete
          : 0,
    provenance,
    applied: done
      .filter((d) => d.entry !== failedEntry || d.etagAfter !== undefined)
      .map((d) => ({
        key: d.entry.key,
        kind: d.entry.kind,
        action: d.entry.action as AppliedChange['action'],
        etagBefore: d.entry.etag,
        etagAfter: d.etagAfter,
        beforeHash: d.entry.beforeHash,
        afterHash: d.entry.afterHash,
      })),
    failure,
    restored,
    notRestored,
    requests,
    writes,
    reads: requests.length - writes,
    recordWritten,
    warnings,
  };
}

/** A deployment refused before its first write: APIM is as it was (exit 3), and the reason is named. */
function notStarted(
  key: string,
  message: string,
  provenance: Provenance,
  requests: ArmRequestRecord[],
): ApplyResult {
  const writes = requests.filter(isWrite).length;
  return {
    outcome: 'rolled-back',
    exitCode: ExitCode.RolledBack,
    provenance,
    applied: [],
    failure: { key, message, concurrentChange: true },
    restored: [],
    notRestored: [],
    requests,
    writes,
    reads: requests.length - writes,
    recordWritten: false,
    warnings: [],
  };
}

function describeFailure(entry: PlanEntry, err: unknown): ApplyFailure {
  if (err instanceof ConcurrentChange) {
    return {
      key: entry.key,
      status: 412,
      concurrentChange: true,
      message: `${entry.key} was changed in APIM after the plan read it (ETag ${entry.etag ?? 'none'} no longer matches); nothing was overwritten.`,
    };
  }
  const info = armErrorInfo(err);
  return {
    key: entry.key,
    status: info.status,
    code: info.code,
    concurrentChange: false,
    message: info.message,
  };
}

/** What apim-gogs writes for a create or update: the rendered content with its provenance stamp. */
function written(entry: PlanEntry, provenance: Provenance): Properties {
  return stamp(entry.kind, entry.desired ?? {}, provenance);
}

/**
 * Whether APIM may still be working on a request this run gave up on: no answer within the request
 * timeout, or a gateway's 504. (A dropped connection or a 5xx is taken as the end of APIM's work on it.)
 */
function stillRunning(err: unknown): boolean {
  return err instanceof ArmTimeoutError || armErrorInfo(err).status === 504;
}

/**
 * Whether a failed write may have changed the resource: any failure but a 412 on a write none of
 * whose attempts had an unknown outcome (that one was refused before anything was written).
 */
function mayHaveWritten(err: unknown): boolean {
  return !(err instanceof ConcurrentChange) || err.afterUnknownOutcome;
}

/**
 * Undoes one change, only where APIM still holds what apim-gogs wrote: a resource that holds
 * anything else was changed by someone else afterwards, and is theirs (ConcurrentChange: left alone
 * and named). Returns false when there was nothing to undo.
 */
async function rollbackOne(
  conn: ApimConnection,
  d: Done,
  provenance: Provenance,
  retry: ArmRetryOptions | undefined,
  /** An attempt of the forward write ended without a known outcome: it may land late. */
  givenUp: boolean,
  round = 0,
): Promise<boolean> {
  const { entry } = d;
  const { kind, ref, key } = entry;
  const snapshot = entry.live ? writableProperties(kind, entry.live) : undefined;
  if (snapshot && d.secretValue !== undefined) snapshot.value = d.secretValue;
  const isSnapshot = (now: LiveResource): boolean => snapshot !== undefined && holds(kind, now, snapshot);
  const read = () => readForCheck(conn, kind, ref, retry);
  // One rollback write, checked like the forward path's: `done` tells from a read that it landed.
  const undo = (
    attempt: () => Promise<unknown>,
    done: (now: LiveResource) => boolean,
    replaces?: (now: LiveResource) => boolean,
  ): Promise<boolean> =>
    checkedWrite({
      ...{ conn, kind, ref, key, retry, replaces, othersCount: true },
      attempt: () => attempt().then(() => true),
      landed: (now) => (done(now) ? true : undefined),
    });
  // The old content is in place, but a forward attempt given up on may land yet: it carries the ETag
  // the resource has now in If-Match, so writing the same content again moves the ETag and APIM
  // refuses the late write (412). If that late write lands first, the fence meets a 412: look again.
  const fence = async (now: LiveResource): Promise<boolean> => {
    if (!givenUp || !snapshot) return false;
    try {
      await undo(() => writeResource(conn, ref, snapshot, now.etag ?? '*'), isSnapshot);
      return false;
    } catch (err) {
      if (err instanceof ConcurrentChange && round < 2)
        return rollbackOne(conn, d, provenance, retry, givenUp, round + 1);
      // The fence itself failed (its long-running operation failed, say): what counts is what APIM
      // holds. The old content is restored whatever the fence did; anything else is named.
      if (!(err instanceof ConcurrentChange) && isSnapshot(await read())) return false;
      throw err;
    }
  };

  if (entry.action === 'delete') {
    // Re-create what was deleted, unless it exists again (the delete did not happen, or someone
    // else made a new one: theirs).
    if (!snapshot) throw new Error('no snapshot to restore');
    const now = await read();
    if (now.exists) {
      if (isSnapshot(now)) return fence(now);
      throw new ConcurrentChange(key, false);
    }
    return undo(
      () => writeResource(conn, ref, snapshot, undefined),
      isSnapshot,
      (n) => !n.exists,
    );
  }

  // Read first, even when our write's answer gave an ETag: a long-running write's ETag comes from
  // the poller's last read, which may already show a change someone made after ours (the soak found
  // such edits overwritten). Restore only what still holds exactly what apim-gogs wrote.
  const now = await read();
  if (!now.exists) {
    if (entry.action === 'create') return false; // the create did not happen, or was undone since
    throw new ConcurrentChange(key, true); // deleted since: by someone else
  }
  if (entry.action === 'update' && isSnapshot(now)) return fence(now); // the update did not happen (yet)
  if (!holds(kind, now, written(entry, provenance))) throw new ConcurrentChange(key, true);
  const etag = now.etag;
  const ifMatch = etag ?? '*';
  if (entry.action === 'create') {
    return undo(
      () => deleteResource(conn, ref, ifMatch),
      (n) => !n.exists,
    );
  }
  if (!snapshot) throw new Error('no snapshot to restore');
  return undo(() => writeResource(conn, ref, snapshot, ifMatch), isSnapshot);
}
