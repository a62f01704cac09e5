import type { ApimConnection } from './client.js';
import { armErrorInfo } from './client.js';
import { ConcurrentChange, checkedWrite } from './checked-write.js';
import type { Provenance } from './provenance.js';
import { nextRecord, parseRecord, recordName } from './provenance.js';
import { withRecordState, type RecordState } from './record-state.js';
import { readResource, refFor, writeResource } from './resources.js';
import type { ArmRetryOptions } from './retry.js';
import { withArmRetry } from './retry.js';

/**
 * The environment's deployment record, the named value `apim-gogs-deployment-<environment>`: the last
 * deployed commit, the incremental plan's state, and the deployment lease.
 *
 * A plan reads it once. A deployment claims it before its first write, with If-Match set to the ETag
 * the plan saw, and releases it after the last. So two deployments to one environment never write at
 * once, and a plan made before another deployment finished is refused instead of mixing its commit
 * with that one's (each would keep the other's changes to resources it does not change itself).
 */
export interface DeploymentLease {
  /** The run holding it (the ARM correlation id of its requests). */
  run: string;
  commit: string;
  since: string;
  /** After this a lease left by a run that was killed may be taken over. */
  until: string;
}

export interface RecordAtPlan {
  exists: boolean;
  etag?: string;
  /** The record's text (no secrets: commits, identities, times, the incremental state). */
  value?: string;
  lease?: DeploymentLease;
}

/** A deployment longer than this can lose its lease to another that starts after it runs out. */
export const LEASE_MS = 60 * 60_000;

/** Nothing was written: the deployment did not start, and says why. */
export class DeploymentRefused extends Error {}

const refOf = (environment: string) => refFor('namedValue', { name: recordName(environment) });

export async function readDeploymentRecord(
  conn: ApimConnection,
  environment: string,
  retry?: ArmRetryOptions,
): Promise<RecordAtPlan> {
  const live = await withArmRetry(() => readResource(conn, refOf(environment)), retry);
  if (!live.exists) return { exists: false };
  const value = typeof live.properties?.value === 'string' ? live.properties.value : undefined;
  return { exists: true, etag: live.etag, value, lease: leaseIn(value) };
}

/** The lease another run holds now, if any. */
export function activeLease(record: RecordAtPlan | undefined, now = Date.now()): DeploymentLease | undefined {
  const lease = record?.lease;
  return lease && Date.parse(lease.until) > now ? lease : undefined;
}

/** Takes the lease; returns the record as written (its ETag guards the record's release). */
export async function claimLease(
  conn: ApimConnection,
  environment: string,
  atPlan: RecordAtPlan,
  p: Provenance,
  retry?: ArmRetryOptions,
): Promise<Claimed> {
  const name = recordName(environment);
  const held = activeLease(atPlan);
  if (held) {
    throw new DeploymentRefused(
      `Another deployment to '${environment}' is running: commit ${held.commit} since ${held.since} (its lease in the named value ${name} runs until ${held.until}). Nothing was written. Deploy again when it has finished; if that run was killed, its lease runs out at ${held.until}.`,
    );
  }
  const now = Date.now();
  const lease: DeploymentLease = {
    run: conn.correlationId,
    commit: p.commit,
    since: new Date(now).toISOString(),
    until: new Date(now + LEASE_MS).toISOString(),
  };
  const value = JSON.stringify({ ...recordObject(atPlan.value, environment), lease });
  try {
    const etag = await writeRecord(conn, environment, value, atPlan.exists ? atPlan.etag : undefined, retry);
    return { value, etag };
  } catch (err) {
    if (err instanceof ConcurrentChange)
      throw new DeploymentRefused(
        `The deployment record ${name} changed after this plan read it: another deployment to '${environment}' ran or started in between, and this plan may not match what it left. Nothing was written. Plan and deploy again.`,
      );
    throw new DeploymentRefused(
      `The deployment lease (named value ${name}) could not be taken: ${armErrorInfo(err).message} Nothing was written.`,
    );
  }
}

export interface Claimed {
  value: string;
  etag?: string;
}

/**
 * Releases the lease: after a deployment that succeeded, the record names the new commit (and the
 * state the next incremental plan starts from); after one that failed it names the commit it named
 * before, without the incremental state when APIM was left partly changed (the next plan reads all).
 */
export async function releaseLease(
  conn: ApimConnection,
  environment: string,
  claimed: Claimed,
  outcome: { deployed: Provenance; state?: RecordState } | { failed: true; dropState: boolean },
  retry?: ArmRetryOptions,
): Promise<void> {
  const record = recordObject(claimed.value, environment);
  delete record.lease;
  let value: string;
  if ('deployed' in outcome) {
    value = withRecordState(
      nextRecord(environment, parseRecord(JSON.stringify(record)), outcome.deployed),
      outcome.state,
    );
  } else {
    if (outcome.dropState) delete record.state;
    value = JSON.stringify(record);
  }
  try {
    await writeRecord(conn, environment, value, claimed.etag, retry);
  } catch (err) {
    if (err instanceof ConcurrentChange)
      throw new Error(
        `someone else changed it while this deployment ran (a deployment that outlived its lease of ${LEASE_MS / 60_000} minutes?)`,
      );
    throw err;
  }
}

/**
 * Writes the record without a lease (a deployment record for a service deployed otherwise: the bench
 * sets one up this way).
 */
export async function writeDeploymentRecord(
  conn: ApimConnection,
  environment: string,
  p: Provenance,
  retry?: ArmRetryOptions,
  state?: RecordState,
): Promise<void> {
  const current = await readDeploymentRecord(conn, environment, retry);
  const value = withRecordState(nextRecord(environment, parseRecord(current.value), p), state);
  await writeRecord(conn, environment, value, current.exists ? current.etag : undefined, retry);
}

/** One checked write of the record: a lost answer is read back, never blindly repeated. */
async function writeRecord(
  conn: ApimConnection,
  environment: string,
  value: string,
  ifMatch: string | undefined,
  retry?: ArmRetryOptions,
): Promise<string | undefined> {
  const ref = refOf(environment);
  const name = recordName(environment);
  return checkedWrite({
    conn,
    kind: 'namedValue',
    ref,
    key: ref.key,
    retry,
    attempt: async () =>
      (
        await writeResource(
          conn,
          ref,
          { displayName: name, value, secret: false, tags: ['apim-gogs'] },
          ifMatch,
        )
      ).etag,
    landed: (now) => (now.exists && now.properties?.value === value ? (now.etag ?? '') : undefined),
    replaces: ifMatch ? undefined : (now) => !now.exists,
  });
}

function recordObject(value: string | undefined, environment: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(value ?? '') as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return { ...(parsed as Record<string, unknown>) };
  } catch {
    // Not a record apim-gogs can read: it is replaced by one it can.
  }
  return { environment };
}

/**
 * The lease in a record, when it has the shape apim-gogs writes. The record is live APIM content
 * (anyone with access may write it), and its commit and times reach logs and summaries: a lease of
 * any other shape is not one apim-gogs took, and is ignored.
 */
function leaseIn(value: string | undefined): DeploymentLease | undefined {
  const lease = (recordObject(value, '') as { lease?: Partial<DeploymentLease> }).lease;
  if (!lease || typeof lease.run !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(lease.commit ?? ''))
    return undefined;
  const since = isoTime(lease.since);
  const until = isoTime(lease.until);
  return since && until ? { run: lease.run, commit: lease.commit!, since, until } : undefined;
}

function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
