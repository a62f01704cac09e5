import { existsSync } from 'node:fs';
import path from 'node:path';
import { git } from '../gogs/git.js';
import type { Host } from '../shared/host.js';
import { errorMessage } from '../shared/errors.js';

/**
 * Post step. The run writes no credential to disk (the Gogs token travels to git in its environment,
 * Azure tokens stay in memory), so this is a guard: it removes any http extraheader a tool may have
 * left in the checkout's git config, and never fails the job.
 */
export async function cleanUp(host: Host): Promise<number> {
  const checkoutPath = host.getState('checkout-path');
  if (!checkoutPath || !existsSync(path.join(checkoutPath, '.git'))) return 0;
  try {
    const found = await git(['config', '--local', '--name-only', '--get-regexp', '^http\\..*extraheader$'], {
      cwd: checkoutPath,
      allowFailure: true,
    });
    for (const key of new Set(found.stdout.split('\n').filter(Boolean))) {
      await git(['config', '--local', '--unset-all', key], { cwd: checkoutPath, allowFailure: true });
      host.logger.info(`Removed ${key} from ${checkoutPath}/.git/config`);
    }
  } catch (err) {
    host.logger.warning(`Clean-up could not inspect ${checkoutPath}: ${errorMessage(err)}`);
  }
  return 0;
}
