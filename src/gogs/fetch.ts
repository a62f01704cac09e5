import { ConfigurationError } from '../core/errors.js';
import { git } from './git.js';
import type { ResolvedRef } from './resolve-ref.js';

const allBranches = '+refs/heads/*:refs/remotes/origin/*';

/**
 * Fetches just enough history to hold the wanted commit.
 *
 * Gogs speaks only protocol v0, where a SHA that is not a branch or tag tip cannot be asked for
 * directly. So a commit is first asked for by SHA (works for tips); failing that, the branches are
 * fetched at the requested depth and deepened until the commit is there.
 */
export async function fetchCommit(
  ref: ResolvedRef,
  cwd: string,
  env: Record<string, string>,
  depth: number,
  label: string,
): Promise<void> {
  const depthArgs = depth > 0 ? [`--depth=${depth}`] : [];
  const base = ['fetch', '--no-tags', '--prune', '--no-recurse-submodules', '--quiet'];
  if (ref.kind !== 'commit') {
    const target = ref.kind === 'branch' ? `refs/remotes/origin/${ref.name}` : ref.fullRef;
    await git([...base, ...depthArgs, 'origin', `+${ref.fullRef}:${target}`], { cwd, env });
    return;
  }
  const direct = await git([...base, ...depthArgs, 'origin', ref.sha], { cwd, env, allowFailure: true });
  if (direct.exitCode === 0 && (await hasCommit(ref.sha, cwd))) return;

  await git([...base, ...depthArgs, 'origin', allBranches], { cwd, env });
  let deepen = Math.max(depth, 1) * 2;
  while (!(await hasCommit(ref.sha, cwd))) {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'], { cwd })).stdout.trim() === 'true';
    if (!shallow) {
      throw new ConfigurationError(
        `The commit ${ref.sha} was not found on any branch of ${label}.`,
        'Check the ref input: the commit must be reachable from a branch (a full 40-character SHA).',
      );
    }
    // Deepen geometrically; past 1000 commits take the rest at once.
    const args = deepen > 1000 ? ['--unshallow'] : [`--deepen=${deepen}`];
    await git([...base, ...args, 'origin', allBranches], { cwd, env });
    deepen *= 2;
  }
}

async function hasCommit(sha: string, cwd: string): Promise<boolean> {
  return (await git(['cat-file', '-e', `${sha}^{commit}`], { cwd, allowFailure: true })).exitCode === 0;
}
