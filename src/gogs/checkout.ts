import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { RetryOptions } from '../shared/retry.js';
import { GogsClient, type GogsRepository } from './client.js';
import { claimCheckoutPath, type CheckoutPathClaim } from './checkout-path.js';
import { cloneable, cloneRef } from './clone.js';
import { logCommit, readHeadCommit } from './commit-facts.js';
import { gitCredentials, type GitCredentials } from './credentials.js';
import { fetchRef } from './fetch.js';
import { fetchWithRetry } from './fetch-retry.js';
import { git } from './git.js';
import { waitForMirrorSync } from './mirror.js';
import { assertRefName } from './ref-name.js';
import { parseRepositoryName } from './repository-name.js';
import type { ResolvedRef } from './resolve-ref.js';

export interface CheckoutOptions {
  gogsUrl: string;
  /** owner/name */
  repository: string;
  /** Branch, tag or full SHA; empty for the repository's default branch. */
  ref?: string;
  token: string;
  /** Absolute path; must be missing or empty. */
  path: string;
  /** 0 fetches the whole history. */
  fetchDepth: number;
  syncMirror?: boolean;
  /** The step will push (extract with gogs-push): write access is expected, not warned about. */
  expectWrite?: boolean;
  /** PEM file of a private CA that signed the Gogs server's certificate. */
  caFile?: string;
  logger: Logger;
  /** Called with every value that must be masked, before anything is logged. */
  maskSecret: (value: string) => void;
  retry?: Partial<RetryOptions>;
  mirrorTimeoutMs?: number;
}

export interface CheckoutResult {
  sha: string;
  /** refs/heads/x, refs/tags/x, or the SHA when a commit was asked for. */
  ref: string;
  path: string;
  repository: GogsRepository;
  commit: { author: string; email: string; date: string; message: string };
}

/** A ref on disk: cloned and checked out already, or fetched and still to be checked out. */
interface Fetched {
  resolved: ResolvedRef;
  cloned: boolean;
}

/** Checks the policy repository out of Gogs at an exact commit. */
export async function checkout(options: CheckoutOptions): Promise<CheckoutResult> {
  const { owner, name } = parseRepositoryName(options.repository);
  // A hostile ref (`--upload-pack=x`, `main..x`, a newline) is refused before git sees it.
  if (options.ref?.trim()) assertRefName(options.ref.trim());
  const label = `${owner}/${name}`;
  const base = new URL(options.gogsUrl.endsWith('/') ? options.gogsUrl : `${options.gogsUrl}/`);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new ConfigurationError(`The gogs-url input "${options.gogsUrl}" is not an http(s) URL.`);
  }
  const creds = gitCredentials(base.toString(), options.token, options.caFile);
  creds.secrets.forEach(options.maskSecret);
  await ensureEmptyDirectory(options.path);
  // A failed checkout leaves the path as it found it (absent or empty): a rerun into it must work.
  const claim = await claimCheckoutPath(options.path);
  return checkOutInto(options, claim, { owner, name, label, base, creds }).catch(async (err: unknown) => {
    await claim.release();
    throw err;
  });
}

/** The repository and server of one checkout, as checkout() has checked them. */
interface Target {
  owner: string;
  name: string;
  label: string;
  base: URL;
  creds: GitCredentials;
}

async function checkOutInto(
  options: CheckoutOptions,
  claim: CheckoutPathClaim,
  { owner, name, label, base, creds }: Target,
): Promise<CheckoutResult> {
  const { logger } = options;
  const ca = options.caFile ? await readFile(options.caFile, 'utf8') : undefined;
  const client = new GogsClient({ url: base.toString(), token: options.token, ca, retry: options.retry });
  const remote = new URL(`${owner}/${name}.git`, base).toString();

  // The API call (permissions, default branch, clear errors for a bad token or repository) runs
  // alongside the clone or fetch; its verdict is awaited before theirs.
  const repoLookup = client.getRepository(owner, name);
  // A branch, a tag or the server's HEAD (Gogs points it at the default branch) comes with one
  // `git clone`, as fast as a plain clone; a commit SHA or refs/tags/x with init + fetch + checkout.
  let initialised = false;
  const fetchOnce = async (ref: string): Promise<Fetched> => {
    if (cloneable(ref)) {
      const resolved = await cloneRef(ref, options.path, remote, creds.env, options.fetchDepth, label);
      return { resolved, cloned: true };
    }
    if (!initialised) await initRepository(options.path, remote);
    initialised = true;
    return {
      resolved: await fetchRef(ref, options.path, creds.env, options.fetchDepth, label),
      cloned: false,
    };
  };
  // A fetch cut short or failed by Gogs for a moment is tried again; in the end a clear message.
  const fetching = (ref: string) =>
    claim.track(
      fetchWithRetry(() => fetchOnce(ref), {
        label,
        origin: base.origin,
        retry: { attempts: 4, baseDelayMs: 1000, ...options.retry },
        logger,
        signal: claim.signal,
        secrets: creds.secrets,
      }),
    );
  let got: Fetched;
  if (!options.syncMirror) {
    const fetched = fetching(options.ref?.trim() || 'HEAD');
    fetched.catch(() => undefined);
    const repo = await repoLookup;
    if (!options.expectWrite) warnAboutPrivileges(repo, logger);
    got = await fetched;
  } else {
    const repo = await repoLookup;
    if (!options.expectWrite) warnAboutPrivileges(repo, logger);
    const wanted = options.ref?.trim() || repo.defaultBranch;
    await waitForMirrorSync(client, owner, name, wanted, logger, options.mirrorTimeoutMs);
    got = await fetching(wanted);
  }
  const { resolved } = got;
  // Each git process costs a start-up: a clone's commit is read from its files, and after a fetch
  // the commit facts are read beside the checkout.
  const [, facts] = await Promise.all([
    got.cloned ? undefined : checkoutResolved(resolved, options.path),
    got.cloned
      ? readHeadCommit(options.path).then((c) => c ?? logCommit(options.path, 'HEAD'))
      : logCommit(options.path, checkoutTarget(resolved)),
  ]);
  const repository = await repoLookup;
  const { sha, ...commit } = facts;
  logger.info(`Checked out ${label} at ${sha} (${resolved.fullRef})`);
  logger.info(
    `Commit by ${commit.author} <${commit.email}> on ${commit.date}: ${commit.message.split('\n')[0]}`,
  );
  return { sha, ref: resolved.fullRef, path: options.path, repository, commit };
}

async function ensureEmptyDirectory(path: string): Promise<void> {
  const entries = await readdir(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    if (err.code === 'ENOTDIR') throw new ConfigurationError(`The checkout path ${path} is a file.`);
    throw err;
  });
  if (entries.length > 0) {
    throw new ConfigurationError(
      `The checkout path ${path} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}).`,
      'Point the path input at a new or empty folder, or remove what is there first.',
    );
  }
}

function warnAboutPrivileges(repo: GogsRepository, logger: Logger): void {
  if (repo.permissions.admin || repo.permissions.push) {
    const what = repo.permissions.admin ? 'administer' : 'push to';
    logger.warning(
      `The Gogs token can ${what} ${repo.fullName}. A deployment needs only read access: use a bot user that is a read collaborator.`,
    );
  }
}

/**
 * `git init` without the template (sample hooks nobody runs) and the remote written into the new
 * config directly: the same result as `git init` + `git remote add`, one process fewer.
 */
async function initRepository(cwd: string, remote: string): Promise<void> {
  await git(['init', '--quiet', '--template='], { cwd });
  await appendConfig(cwd, 'remote "origin"', { url: remote, fetch: '+refs/heads/*:refs/remotes/origin/*' });
}

/** Appends a section to .git/config, values quoted as git quotes them when they need it. */
async function appendConfig(cwd: string, section: string, values: Record<string, string>): Promise<void> {
  const value = (v: string) =>
    /^[^\s"\\#;]+$/.test(v) ? v : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = Object.entries(values).map(([k, v]) => `\t${k} = ${value(v)}\n`);
  await appendFile(path.join(cwd, '.git', 'config'), `[${section}]\n${lines.join('')}`);
}

/** The commit the resolved ref names in the fetched refs. */
function checkoutTarget(ref: ResolvedRef): string {
  if (ref.kind === 'branch') return `refs/remotes/origin/${ref.name}`;
  if (ref.kind === 'tag') return `${ref.fullRef}^{commit}`;
  if (ref.kind === 'commit') return ref.sha;
  return 'refs/remotes/origin/HEAD';
}

async function checkoutResolved(ref: ResolvedRef, cwd: string): Promise<void> {
  const target = checkoutTarget(ref);
  if (ref.kind !== 'branch') {
    await git(['checkout', '--quiet', '--force', '--detach', target], { cwd });
    return;
  }
  // Starting from origin's branch sets the tracking (branch.<name>.remote and merge) as a clone does.
  await git(['checkout', '--quiet', '--force', '-B', ref.name, target], { cwd });
}
