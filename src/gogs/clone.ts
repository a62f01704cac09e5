import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { git, GitError } from './git.js';
import { refCandidates, refNotFound, type ResolvedRef } from './resolve-ref.js';

/** What a clone can check out: a branch (the server's HEAD is one) or a tag. */
export type ClonedRef = Extract<ResolvedRef, { kind: 'branch' | 'tag' }>;

/**
 * Whether `git clone` can check the ref out by itself: the server's HEAD, or a name that is first of
 * all a branch (`main`, `refs/heads/main`; `-b` tries the tag of that name next, as we do). A commit
 * SHA cannot be asked for by `-b`, and for `refs/tags/x` `-b x` would prefer a branch named x.
 */
export function cloneable(ref: string): boolean {
  const kind = refCandidates(ref)[0].kind;
  return kind === 'head' || kind === 'branch';
}

/**
 * Checks a branch, tag or the server's HEAD out with one `git clone` (one process tree where
 * init + fetch + checkout took three). The result is what the checkout made before: the local branch
 * tracking origin's, or a detached tag; `--no-tags --single-branch` fetches the one ref and nothing
 * else, at `depth` (0: all of its history). Credentials come in `env`, never in an argument.
 */
export async function cloneRef(
  ref: string,
  cwd: string,
  remote: string,
  env: Record<string, string>,
  depth: number,
  label: string,
): Promise<ClonedRef> {
  const candidates = refCandidates(ref);
  const wanted = candidates[0];
  // The folder was found empty: whatever is in it now is what an earlier, failed attempt left.
  for (const entry of await readdir(cwd)) await rm(path.join(cwd, entry), { recursive: true, force: true });
  const args = [
    'clone',
    '--quiet',
    '--no-tags',
    '--single-branch',
    // No sample hooks (nobody runs them), as the checkout's git init did.
    '--template=',
    ...(depth > 0 ? [`--depth=${depth}`] : []),
    ...(wanted.kind === 'branch' ? ['--branch', wanted.name] : []),
    '--',
    remote,
    cwd,
  ];
  const r = await git(args, { cwd, env, allowFailure: true });
  // An empty repository clones "successfully", with nothing to check out.
  if (/Remote branch .* not found in upstream|cloned an empty repository/i.test(r.stderr)) {
    throw await refNotFound(ref, cwd, env, label, remote);
  }
  if (r.exitCode !== 0) throw new GitError(args, r);

  const head = (await readFile(path.join(cwd, '.git', 'HEAD'), 'utf8')).trim();
  const branch = /^ref: refs\/heads\/(.+)$/.exec(head)?.[1];
  let resolved: ClonedRef | undefined;
  if (branch !== undefined) resolved = { kind: 'branch', name: branch, fullRef: `refs/heads/${branch}` };
  else resolved = candidates.find((c): c is ClonedRef => c.kind === 'tag');
  // `refs/heads/x` asked, and the server has only a tag x: not what was asked for.
  if (!resolved) throw await refNotFound(ref, cwd, env, label, remote);
  await widenRemote(cwd);
  return resolved;
}

/**
 * The clone narrowed origin to the one ref and turned tag following off; later git commands in the
 * checkout (a fetch of the base branch, a push) see origin as before: every branch, tags followed.
 */
async function widenRemote(cwd: string): Promise<void> {
  const file = path.join(cwd, '.git', 'config');
  const config = await readFile(file, 'utf8');
  const widened = config.replace(/^\[remote "origin"\]\n(?:\t[^\n]*\n)*/m, (section) =>
    section
      .replace(/^\ttagOpt = --no-tags\n/m, '')
      .replace(/^\tfetch = .*$/m, '\tfetch = +refs/heads/*:refs/remotes/origin/*'),
  );
  await writeFile(file, widened);
}
