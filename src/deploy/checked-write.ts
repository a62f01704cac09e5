import type { ApimConnection } from './client.js';
import { armErrorInfo } from './client.js';
import { comparableText } from './compare.js';
import type { LiveResource, Properties, ResourceKind, ResourceRef } from './resources.js';
import { readResource, readSecretValue } from './resources.js';
import type { ArmRetryOptions } from './retry.js';
import { outcomeUnknown, withArmRetry } from './retry.js';

/** Someone else changed the resource: apim-gogs leaves it alone and names it. */
export class ConcurrentChange extends Error {
  constructor(
    readonly key: string,
    /** An earlier attempt of ours may have been applied (its answer was lost) before the change. */
    readonly afterUnknownOutcome: boolean,
  ) {
    super(`${key} was changed by someone else`);
  }
}

/**
 * Reads a resource for comparison. A secret named value's value is not in a GET, so it is fetched
 * (listValue) to compare what is really there; Key Vault references have no value of their own.
 */
export async function readForCheck(
  conn: ApimConnection,
  kind: ResourceKind,
  ref: ResourceRef,
  retry: ArmRetryOptions | undefined,
): Promise<LiveResource> {
  const now = await withArmRetry(() => readResource(conn, ref), retry);
  if (kind === 'namedValue' && now.exists && now.properties?.secret === true && !now.properties.keyVault) {
    const value = await withArmRetry(() => readSecretValue(conn, ref), retry);
    return { ...now, properties: { ...now.properties, value } };
  }
  return now;
}

/** Whether the live resource holds `props` (provenance aside; the fields `props` sets). */
export function holds(kind: ResourceKind, now: LiveResource, props: Properties): boolean {
  return now.exists && comparableText(kind, now.properties, props) === comparableText(kind, props, props);
}

export interface CheckedWrite<T> {
  conn: ApimConnection;
  kind: ResourceKind;
  ref: ResourceRef;
  key: string;
  /** One attempt of the write. */
  attempt(): Promise<T>;
  /** The result when the live resource already shows the write done; undefined when it does not. */
  landed(now: LiveResource): T | undefined;
  /**
   * Whether the live resource is still what the write replaces. Writes with If-Match need not say
   * (APIM answers 412); a write without it (a create) must, or a lost answer plus a retry would
   * overwrite whoever wrote in between.
   */
  replaces?(now: LiveResource): boolean;
  /**
   * Whether the result counts when someone else produced it. A rollback's goal is the snapshot back
   * in place, whoever put it there. A deployment's is not: an equal write by another deployment,
   * which may roll it back a moment later, is that deployment's change, not ours (a 412 then stays a
   * concurrent change unless an attempt of ours had an unknown outcome).
   */
  othersCount?: boolean;
  retry?: ArmRetryOptions;
  /** Told each time an attempt ends without a known outcome (APIM may apply it later still). */
  onOutcomeUnknown?: (err: unknown) => void;
}

/**
 * A write whose lost answer is checked, never blindly repeated or blamed on someone else. After an
 * attempt whose outcome is unknown (connection dropped, timed out, 5xx), the next attempt first reads
 * the resource: when it already shows the write, that is the result; when it shows something else
 * than what the write replaces, someone else changed it. A 412 after such an attempt is read the
 * same way, since the ETag our own lost write moved is as stale as one moved by someone else.
 */
export async function checkedWrite<T>(w: CheckedWrite<T>): Promise<T> {
  let unknown = false;
  const read = (): Promise<LiveResource> => readForCheck(w.conn, w.kind, w.ref, w.retry);
  return withArmRetry(async () => {
    if (unknown) {
      const now = await read();
      const done = w.landed(now);
      if (done !== undefined) return done;
      if (w.replaces && !w.replaces(now)) throw new ConcurrentChange(w.key, true);
    }
    try {
      return await w.attempt();
    } catch (err) {
      if (armErrorInfo(err).status === 412) {
        if (unknown || w.othersCount) {
          const done = w.landed(await read());
          if (done !== undefined) return done;
        }
        throw new ConcurrentChange(w.key, unknown);
      }
      if (outcomeUnknown(err)) {
        unknown = true;
        w.onOutcomeUnknown?.(err);
      }
      throw err;
    }
  }, w.retry);
}
