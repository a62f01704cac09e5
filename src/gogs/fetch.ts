import { ConfigurationError } from '../shared/errors.js';
import { git } from './git.js';
import { refCandidates, refNotFound, type ResolvedRef } from './resolve-ref.js';

const allBranches = '+refs/heads/*:refs/remotes/origin/*';
const base = ['fetch', '--no-tags', '--prune', '--no-recurse-submodules', '--quiet'];

/**
 * Fetches just enough history to hold the wanted ref, and says what it turned out to be.
 *
 * A branch or tag is fetched by name straight away (one round trip, like `git clone --depth 1`);
 * only when the server has no such branch does it try a tag of that name.
 */
export async function fetchRef(
  ref: string,
  cwd: string,
  env: Record<string, string>,
  depth: number,
  label: string,
): Promise<ResolvedRef> {
  const depthArgs = depth > 0 ? [`--depth=${depth}`] : [];
  for (const candidate of refCandidates(ref)) {
    if (candidate.kind === 'commit') {
      await fetchCommit(candidate.sha, cwd, env, depthArgs, label);
      return candidate;
    }
    const target =
      candidate.kind === 'head'
        ? 'refs/remotes/origin/HEAD'
        : candidate.kind === 'branch'
          ? `refs/remotes/origin/${candidate.name}`
          : candidate.fullRef;
    const r = await git([...base, ...depthArgs, 'origin', `+${candidate.fullRef}:${target}`], {
      cwd,
      env,
      allowFailure: true,
    });
    if (r.exitCode === 0) return candidate;
    if (!/couldn't find remote ref/i.test(r.stderr)) {
      await git([...base, ...depthArgs, 'origin', `+${candidate.fullRef}:${target}`], { cwd, env });
      return candidate;
    }
  }
  throw await refNotFound(ref, cwd, env, label);
}

/**
 * Gogs speaks only protocol v0, where a SHA that is not a branch or tag tip cannot be asked for
 * directly. So a commit is first asked for by SHA (works for tips); failing that, the branches are
 * fetched at the requested depth and deepened until the commit is there.
 */
async function fetchCommit(
  sha: string,
  cwd: string,
  env: Record<string, string>,
  depthArgs: string[],
  label: string,
): Promise<void> {
  const direct = await git([...base, ...depthArgs, 'origin', sha], { cwd, env, allowFailure: true });
  if (direct.exitCode === 0 && (await hasCommit(sha, cwd))) return;

  await git([...base, ...depthArgs, 'origin', allBranches], { cwd, env });
  let deepen = 2;
  while (!(await hasCommit(sha, cwd))) {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'], { cwd })).stdout.trim() === 'true';
    if (!shallow) {
      throw new ConfigurationError(
        `The commit ${sha} was not found on any branch of ${label}.`,
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
