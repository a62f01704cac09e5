import { ExitCode } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { ApimConnection, ArmRequestRecord } from './client.js';
import { armErrorInfo, isWrite } from './client.js';
import { comparableText } from './compare.js';
import type { Identity } from './credentials.js';
import type { Plan, PlanEntry } from './plan.js';
import type { Provenance } from './provenance.js';
import { nextRecord, parseRecord, provenanceFor, recordName, stamp } from './provenance.js';
import { withRecordState, type RecordState } from './record-state.js';
import type { Properties, ResourceKind } from './resources.js';
import {
  deleteResource,
  readResource,
  readSecretValue,
  refFor,
  writableProperties,
  writeResource,
} from './resources.js';
import type { ArmRetryOptions } from './retry.js';
import { outcomeUnknown, withArmRetry } from './retry.js';

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

class ConcurrentChange extends Error {}

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
  let failure: ApplyFailure | undefined;
  let failedEntry: PlanEntry | undefined;

  const runOne = async (entry: PlanEntry): Promise<void> => {
    const d: Done = { entry };
    if (entry.action === 'delete') {
      await withArmRetry(() => deleteResource(conn, entry.ref, entry.etag ?? '*'), retry).catch(
        (err: unknown) => {
          if (armErrorInfo(err).status === 412) throw new ConcurrentChange(entry.key);
          throw err;
        },
      );
      done.push(d);
      return;
    }
    const live = entry.live;
    if (entry.kind === 'namedValue' && live?.secret === true && !live.keyVault && entry.action === 'update') {
      d.secretValue = await withArmRetry(() => readSecretValue(conn, entry.ref.name!), retry);
    }
    const body = stamp(entry.kind, entry.desired ?? {}, provenance);
    let unknown = false;
    const result = await withArmRetry(async () => {
      try {
        return await writeResource(conn, entry.ref, body, entry.action === 'update' ? entry.etag : undefined);
      } catch (err) {
        if (armErrorInfo(err).status === 412) {
          // After an attempt whose outcome is unknown, our own write may be what changed the ETag.
          if (unknown) {
            const now = await readResource(conn, entry.ref);
            if (now.exists && sameContent(entry.kind, now.properties, body)) return { etag: now.etag };
          }
          throw new ConcurrentChange(entry.key);
        }
        if (outcomeUnknown(err)) unknown = true;
        throw err;
      }
    }, retry);
    d.etagAfter = result.etag;
    done.push(d);
  };

  if (changes.length) {
    const writePhases = PHASES.map((kinds) =>
      changes.filter((e) => e.action !== 'delete' && kinds.includes(e.kind)),
    );
    const deletePhases = [...PHASES]
      .reverse()
      .map((kinds) => changes.filter((e) => e.action === 'delete' && kinds.includes(e.kind)));
    for (const phase of [...writePhases, ...deletePhases]) {
      if (failure || phase.length === 0) continue;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (!failure && next < phase.length) {
          const entry = phase[next++];
          try {
            await runOne(entry);
          } catch (err) {
            if (!failure) {
              failure = describeFailure(entry, err);
              failedEntry = entry;
            } else {
              warnings.push(`${entry.key}: also failed: ${armErrorInfo(err).message}`);
              // A second failure whose outcome is unknown is restored too.
              if (!(err instanceof ConcurrentChange)) done.push({ entry, etagAfter: undefined });
            }
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, phase.length) }, worker));
    }
  }

  const restored: string[] = [];
  const notRestored: { key: string; reason: string }[] = [];
  if (failure && failedEntry) {
    logger?.warning(
      `Deployment failed at ${failure.key}: ${failure.message}. Rolling back ${done.length} change(s).`,
    );
    // The failed write itself may have been applied (unknown outcome, long-running operation that
    // failed late): restore it too, unless someone else changed it (then it is theirs).
    if (!failure.concurrentChange) done.push({ entry: failedEntry });
    for (const d of [...done].reverse()) {
      try {
        const did = await rollbackOne(conn, d, retry);
        if (did) restored.push(d.entry.key);
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
    }
  }

  let recordWritten = false;
  if (!failure && changes.length && options.writeRecord !== false && plan.environment) {
    try {
      await writeDeploymentRecord(conn, plan.environment, provenance, retry, plan.recordState);
      recordWritten = true;
    } catch (err) {
      warnings.push(`The deployment record could not be written: ${armErrorInfo(err).message}`);
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

function sameContent(kind: ResourceKind, live: Properties | undefined, written: Properties): boolean {
  return comparableText(kind, live, written) === comparableText(kind, written, written);
}

/** Undoes one change. Returns false when there was nothing to undo. Throws when it cannot. */
async function rollbackOne(
  conn: ApimConnection,
  d: Done,
  retry: ArmRetryOptions | undefined,
): Promise<boolean> {
  const { entry } = d;
  // Find the current ETag: ours when we know it, otherwise read (the write's outcome was unknown).
  let etag = d.etagAfter;
  if (!etag) {
    const now = await withArmRetry(() => readResource(conn, entry.ref), retry);
    if (entry.action === 'create') {
      if (!now.exists) return false;
      etag = now.etag;
    } else if (entry.action === 'update') {
      if (!now.exists) etag = undefined;
      else if (entry.live && sameContent(entry.kind, now.properties, entry.live)) return false;
      else etag = now.etag;
    } else if (now.exists) {
      return false; // the delete did not happen
    }
  }
  if (entry.action === 'create') {
    await withArmRetry(() => deleteResource(conn, entry.ref, etag ?? '*'), retry).catch(
      concurrent(entry.key),
    );
    return true;
  }
  if (!entry.live) throw new Error('no snapshot to restore');
  const snapshot = writableProperties(entry.kind, entry.live);
  if (d.secretValue !== undefined) snapshot.value = d.secretValue;
  await withArmRetry(
    () => writeResource(conn, entry.ref, snapshot, entry.action === 'delete' ? undefined : etag),
    retry,
  ).catch(concurrent(entry.key));
  return true;
}

const concurrent =
  (key: string) =>
  (err: unknown): never => {
    if (armErrorInfo(err).status === 412) throw new ConcurrentChange(key);
    throw err;
  };

/**
 * Writes the service-level record of the last deployed commit for the environment (named value
 * `apim-gogs-deployment-<environment>`); applyPlan calls it after a deployment that changed something.
 */
export async function writeDeploymentRecord(
  conn: ApimConnection,
  environment: string,
  p: Provenance,
  retry?: ArmRetryOptions,
  state?: RecordState,
): Promise<void> {
  const ref = refFor('namedValue', { name: recordName(environment) });
  const current = await withArmRetry(() => readResource(conn, ref), retry);
  const value = withRecordState(nextRecord(environment, parseRecord(current.properties?.value), p), state);
  await withArmRetry(
    () =>
      writeResource(
        conn,
        ref,
        { displayName: recordName(environment), value, secret: false, tags: ['apim-gogs'] },
        current.exists ? current.etag : undefined,
      ),
    retry,
  );
}
