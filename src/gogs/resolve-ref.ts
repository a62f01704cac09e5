import { ConfigurationError } from '../shared/errors.js';
import { git } from './git.js';

export type ResolvedRef =
  /** The server's HEAD, before the default branch's name is known. */
  | { kind: 'head'; fullRef: 'HEAD' }
  | { kind: 'branch'; name: string; fullRef: string }
  | { kind: 'tag'; name: string; fullRef: string }
  | { kind: 'commit'; fullRef: string; sha: string };

const fullSha = /^[0-9a-f]{40}$/i;

/** The candidates a ref input can mean, in the order git itself prefers them. */
export function refCandidates(ref: string): ResolvedRef[] {
  if (ref === 'HEAD') return [{ kind: 'head', fullRef: 'HEAD' }];
  if (fullSha.test(ref)) return [{ kind: 'commit', fullRef: ref.toLowerCase(), sha: ref.toLowerCase() }];
  if (ref.startsWith('refs/tags/')) {
    return [{ kind: 'tag', name: ref.slice('refs/tags/'.length), fullRef: ref }];
  }
  const short = ref.replace(/^refs\/heads\//, '');
  const branch: ResolvedRef = { kind: 'branch', name: short, fullRef: `refs/heads/${short}` };
  if (ref.startsWith('refs/heads/')) return [branch];
  return [branch, { kind: 'tag', name: short, fullRef: `refs/tags/${short}` }];
}

/**
 * The error for a ref the server does not have, listing the branches it does have. `remote` is the
 * repository's URL where `cwd` holds no repository yet (a clone that found no such branch).
 */
export async function refNotFound(
  ref: string,
  cwd: string,
  env: Record<string, string>,
  label: string,
  remote = 'origin',
): Promise<ConfigurationError> {
  const listing = await git(['ls-remote', '--heads', '--', remote], { cwd, env, allowFailure: true });
  const branches = listing.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[1])
    .filter((n): n is string => !!n)
    .map((n) => n.slice('refs/heads/'.length));
  return new ConfigurationError(
    `The ref "${ref}" was not found in ${label}.`,
    `Use an existing branch, a tag or a full 40-character commit SHA. Branches: ${branches.slice(0, 10).join(', ') || 'none (the repository is empty)'}.`,
  );
}
