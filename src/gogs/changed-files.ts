import type { GitCredentials } from './credentials.js';
import { git } from './git.js';
import { assertRefName } from './ref-name.js';

/**
 * Files that differ between the tip of `baseBranch` and HEAD, for annotating only what a pull request
 * touches. Both tips are compared as trees, so a shallow checkout suffices; a file changed on the
 * base branch after the pull request forked also counts (an extra annotation, never a missed one).
 */
export async function changedFiles(
  cwd: string,
  creds: GitCredentials,
  baseBranch: string,
): Promise<Set<string>> {
  assertRefName(baseBranch, 'base-ref');
  const tracking = `refs/remotes/origin/${baseBranch}`;
  await git(
    ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', `+refs/heads/${baseBranch}:${tracking}`],
    {
      cwd,
      env: creds.env,
    },
  );
  const diff = await git(['diff', '--name-only', '-z', tracking, 'HEAD'], { cwd });
  return new Set(diff.stdout.split('\0').filter(Boolean));
}
