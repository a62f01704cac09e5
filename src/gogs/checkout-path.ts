import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The checkout path while a checkout fills it. */
export interface CheckoutPathClaim {
  /** Aborted once the checkout has failed: work still running (a fetch retrying) stops early. */
  signal: AbortSignal;
  /** Work that writes into the path and may still run when another part of the checkout fails. */
  track<T>(work: Promise<T>): Promise<T>;
  /**
   * Puts the path back as it was (absent, or an empty folder) after a failed checkout, so that a rerun
   * into the same path does not meet "not empty" from a half-written `.git` of this run.
   */
  release(): Promise<void>;
}

/** Creates the (missing or empty) checkout path and remembers which of the two it was. */
export async function claimCheckoutPath(dir: string): Promise<CheckoutPathClaim> {
  const existed = await stat(dir).then(
    () => true,
    () => false,
  );
  await mkdir(dir, { recursive: true });
  const aborter = new AbortController();
  const running = new Set<Promise<unknown>>();
  return {
    signal: aborter.signal,
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return work;
    },
    async release() {
      aborter.abort();
      // A git process that is still writing would recreate files behind the removal.
      await Promise.all(running);
      // maxRetries: a git process of the failed checkout may still be ending (ENOTEMPTY, EBUSY).
      const gone = { recursive: true, force: true, maxRetries: 5, retryDelay: 100 };
      if (!existed) {
        await rm(dir, gone);
        return;
      }
      for (const entry of await readdir(dir).catch(() => [])) await rm(path.join(dir, entry), gone);
    },
  };
}
