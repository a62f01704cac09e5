import { ConfigurationError } from '../core/errors.js';
import { git } from './git.js';

export type ResolvedRef =
  | { kind: 'branch'; name: string; fullRef: string; sha: string }
  | { kind: 'tag'; name: string; fullRef: string; sha: string }
  | { kind: 'commit'; fullRef: string; sha: string };

const fullSha = /^[0-9a-f]{40}$/i;

/**
 * Resolves a branch, tag or full commit SHA against the server with `git ls-remote`, the same
 * protocol the fetch uses, so what is resolved is what will be fetched.
 */
export async function resolveRef(
  remote: string,
  ref: string,
  cwd: string,
  env: Record<string, string>,
  repoLabel: string,
): Promise<ResolvedRef> {
  if (fullSha.test(ref)) return { kind: 'commit', fullRef: ref.toLowerCase(), sha: ref.toLowerCase() };
  const short = ref.replace(/^refs\/(heads|tags)\//, '');
  const listing = await git(['ls-remote', '--heads', '--tags', remote], { cwd, env });
  const refs = new Map<string, string>();
  for (const line of listing.stdout.split('\n')) {
    const [sha, name] = line.trim().split(/\s+/);
    if (sha && name) refs.set(name, sha);
  }
  const wantsTag = ref.startsWith('refs/tags/');
  const branch = `refs/heads/${short}`;
  if (!wantsTag && refs.has(branch))
    return { kind: 'branch', name: short, fullRef: branch, sha: refs.get(branch)! };
  const tag = `refs/tags/${short}`;
  if (refs.has(tag)) {
    // An annotated tag lists the tag object and, as `^{}`, the commit it points at.
    return { kind: 'tag', name: short, fullRef: tag, sha: refs.get(`${tag}^{}`) ?? refs.get(tag)! };
  }
  const branches = [...refs.keys()]
    .filter((n) => n.startsWith('refs/heads/'))
    .map((n) => n.slice('refs/heads/'.length));
  throw new ConfigurationError(
    `The ref "${ref}" was not found in ${repoLabel}.`,
    `Use an existing branch, a tag or a full 40-character commit SHA. Branches: ${branches.slice(0, 10).join(', ') || 'none (the repository is empty)'}.`,
  );
}
