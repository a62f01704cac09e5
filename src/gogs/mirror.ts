import type { Logger } from '../shared/logger.js';
import type { GogsClient } from './client.js';

/**
 * Asks a Gogs pull mirror to sync and waits until the ref moves. Gogs syncs in the background and
 * reports nothing back, so the only sign of a finished sync is a new commit on the ref; when none
 * appears in time the mirror was most likely already current, and the run goes on with a note.
 */
export async function waitForMirrorSync(
  client: GogsClient,
  owner: string,
  name: string,
  ref: string,
  logger: Logger,
  timeoutMs = 60_000,
  pollMs = 1000,
): Promise<void> {
  const before = (await client.getCommit(owner, name, ref))?.sha;
  await client.syncMirror(owner, name);
  logger.info(
    `Asked the mirror ${owner}/${name} to sync; waiting for ${ref} to move from ${before ?? 'nothing'}.`,
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, pollMs));
    const now = (await client.getCommit(owner, name, ref))?.sha;
    if (now && now !== before) {
      logger.info(`The mirror synced: ${ref} is now at ${now}.`);
      return;
    }
  }
  logger.info(
    `${ref} did not move within ${Math.round(timeoutMs / 1000)} s: the mirror was already current.`,
  );
}
