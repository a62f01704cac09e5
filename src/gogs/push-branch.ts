import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { GogsClient } from './client.js';
import { gitCredentials } from './credentials.js';
import { git } from './git.js';
import { parseRepositoryName } from './repository-name.js';

/**
 * Commits what changed under `paths` of a checkout to a new branch and pushes it to Gogs, for review
 * (`extract` with gogs-push: the first change to a repository is a pull request, not a push to main).
 *
 * Gogs has no pull-request API: a pull request is opened only through its web form, with a logged-in
 * user's password and session. apim-gogs never holds a password, so it pushes the branch and gives
 * the compare link (`{gogs}/{owner}/{repo}/compare/{base}...{branch}`), where a reviewer opens the
 * pull request with one click. The token needs write access to the repository (push), unlike every
 * other mode, which needs only read access.
 */
export interface PushBranchOptions {
  gogsUrl: string;
  repository: string;
  token: string;
  caFile?: string;
  /** The checkout (its origin is the repository). */
  cwd: string;
  /** Branch the new one starts from and the pull request targets. */
  base: string;
  branch: string;
  message: string;
  /** Repository-relative paths to commit (everything under them: added, changed, deleted). */
  paths: string[];
  author: { name: string; email: string };
  logger?: Logger;
}

export interface PushedBranch {
  branch: string;
  commit: string;
  compareUrl: string;
  /** Files changed by the commit. */
  changed: number;
}

/** Checks before any work that the token may push; says which access is missing otherwise. */
export async function assertCanPush(
  options: Pick<PushBranchOptions, 'gogsUrl' | 'repository' | 'token' | 'caFile'>,
): Promise<string> {
  const { owner, name } = parseRepositoryName(options.repository);
  const ca = options.caFile ? await readFile(options.caFile, 'utf8') : undefined;
  const repo = await new GogsClient({ url: options.gogsUrl, token: options.token, ca }).getRepository(
    owner,
    name,
  );
  if (!repo.permissions.push && !repo.permissions.admin) {
    throw new ConfigurationError(
      `The Gogs token cannot push to ${repo.fullName}: gogs-push commits the extract to a new branch, which needs write access.`,
      'Use a token of a user with write access to the repository for the extract step only (deployments need just read access), or extract without gogs-push.',
    );
  }
  return repo.defaultBranch;
}

/** Commits and pushes; undefined when nothing under `paths` changed (no branch is pushed). */
export async function pushBranch(options: PushBranchOptions): Promise<PushedBranch | undefined> {
  const cwd = options.cwd;
  const creds = gitCredentials(options.gogsUrl, options.token, options.caFile);
  await git(['checkout', '--quiet', '-B', options.branch], { cwd });
  await git(['add', '--all', '--', ...options.paths], { cwd });
  const changed = (await git(['diff', '--cached', '--name-only'], { cwd })).stdout
    .split('\n')
    .filter(Boolean);
  if (changed.length === 0) return undefined;
  await git(
    [
      '-c',
      `user.name=${options.author.name}`,
      '-c',
      `user.email=${options.author.email}`,
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      options.message,
    ],
    { cwd },
  );
  const commit = (await git(['rev-parse', 'HEAD'], { cwd })).stdout.trim();
  await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${options.branch}`], { cwd, env: creds.env });
  const { owner, name } = parseRepositoryName(options.repository);
  const base = options.gogsUrl.endsWith('/') ? options.gogsUrl : `${options.gogsUrl}/`;
  const compareUrl = new URL(
    `${owner}/${name}/compare/${encodeURIComponent(options.base)}...${encodeURIComponent(options.branch)}`,
    base,
  ).toString();
  options.logger?.info(
    `Pushed ${changed.length} changed file(s) to branch ${options.branch} (${commit.slice(0, 12)}). Open the pull request: ${compareUrl}`,
  );
  return { branch: options.branch, commit, compareUrl, changed: changed.length };
}
