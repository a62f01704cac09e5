import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../src/shared/errors.js';
import { MemoryLogger } from '../../src/shared/logger.js';
import { createTempTls } from '../../src/emulator/tls.js';
import { checkout, type CheckoutOptions } from '../../src/gogs/checkout.js';
import { git } from '../../src/gogs/git.js';
import { freePort } from '../bed/free-port.js';
import { startGogsBed, type GogsBed } from '../bed/gogs-bed.js';

let bed: GogsBed;
let work: string;

beforeAll(async () => {
  bed = await startGogsBed();
  work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-checkout-'));
});
afterAll(async () => {
  await bed?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

let n = 0;
function options(
  overrides: Partial<CheckoutOptions> = {},
): CheckoutOptions & { logger: MemoryLogger; masked: string[] } {
  const masked: string[] = [];
  return {
    gogsUrl: bed.url,
    repository: bed.repository,
    token: bed.bot.token,
    path: path.join(work, `co-${++n}`),
    fetchDepth: 1,
    caFile: bed.caFile,
    logger: new MemoryLogger(),
    maskSecret: (v: string) => masked.push(v),
    retry: { attempts: 3, baseDelayMs: 10 },
    ...overrides,
    masked,
  } as CheckoutOptions & { logger: MemoryLogger; masked: string[] };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

async function expectConfigurationError(p: Promise<unknown>, pattern: RegExp): Promise<ConfigurationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigurationError);
  expect((err as Error).message).toMatch(pattern);
  return err as ConfigurationError;
}

test('checks out the default branch at its tip with the read-only bot token', async () => {
  const sha = await bed.commit({ 'apis/echo-api/README.md': 'echo\n' }, 'Document the echo API');
  const o = options();
  const result = await checkout(o);
  expect(result.sha).toBe(sha);
  expect(result.ref).toBe('refs/heads/main');
  expect(result.commit.author).toBe('Dana Developer');
  expect(result.commit.message).toBe('Document the echo API');
  expect(await readFile(path.join(o.path, 'apis/echo-api/policy.xml'), 'utf8')).toContain('<rate-limit');
  expect(o.logger.lines.join('\n')).toContain(`at ${sha} (refs/heads/main)`);
  expect(o.logger.lines.some((l) => l.startsWith('warning:'))).toBe(false);
  expect(o.masked).toContain(bed.bot.token);
});

test('leaves the token nowhere on disk: not in .git/config, not in any file', async () => {
  const o = options();
  await checkout(o);
  const basic = Buffer.from(`${bed.bot.token}:`).toString('base64');
  for (const file of await filesUnder(o.path)) {
    const text = await readFile(file, 'latin1');
    expect({ file, hasToken: text.includes(bed.bot.token) || text.includes(basic) }).toEqual({
      file,
      hasToken: false,
    });
  }
  const config = await readFile(path.join(o.path, '.git/config'), 'utf8');
  expect(config).not.toMatch(/extraheader|AUTHORIZATION/i);
  expect(config).toContain(`url = ${bed.url}${bed.repository}.git`);
});

test('checks out a commit that is no longer a branch tip, from a shallow fetch', async () => {
  const old = await bed.commit({ 'products/starter/README.md': 'v1\n' }, 'Starter notes v1');
  await bed.commit({ 'products/starter/README.md': 'v2\n' }, 'Starter notes v2');
  await bed.commit({ 'products/starter/README.md': 'v3\n' }, 'Starter notes v3');
  const o = options({ ref: old });
  const result = await checkout(o);
  expect(result.sha).toBe(old);
  expect(await readFile(path.join(o.path, 'products/starter/README.md'), 'utf8')).toBe('v1\n');
});

test('checks out a tag and a branch other than the default', async () => {
  const tagged = await bed.commit({ 'CHANGELOG.md': 'release 1\n' }, 'Release 1');
  await bed.tag('v1.0.0');
  const feature = await bed.commit(
    { 'apis/echo-api/NOTES.md': 'feature\n' },
    'Feature work',
    'feature/notes',
  );
  const byBranch = await checkout(options({ ref: 'feature/notes' }));
  expect(byBranch).toMatchObject({ sha: feature, ref: 'refs/heads/feature/notes' });
  const byTag = await checkout(options({ ref: 'v1.0.0' }));
  expect(byTag).toMatchObject({ sha: tagged, ref: 'refs/tags/v1.0.0' });
});

test('a branch is checked out as the local branch tracking origin; fetch-depth 0 brings its whole history', async () => {
  await bed.commit({ 'apis/echo-api/HISTORY.md': 'one\n' }, 'History one');
  await bed.commit({ 'apis/echo-api/HISTORY.md': 'two\n' }, 'History two');
  const config = async (dir: string, key: string) =>
    (await git(['config', '--get-all', key], { cwd: dir, allowFailure: true })).stdout.trim();
  for (const ref of [undefined, 'main']) {
    const o = options({ ref, fetchDepth: 0 });
    const result = await checkout(o);
    expect(result.ref).toBe('refs/heads/main');
    expect((await git(['symbolic-ref', 'HEAD'], { cwd: o.path })).stdout.trim()).toBe('refs/heads/main');
    expect(await config(o.path, 'branch.main.remote')).toBe('origin');
    expect(await config(o.path, 'branch.main.merge')).toBe('refs/heads/main');
    // origin as a plain `git remote add` leaves it: every branch, tags followed.
    expect(await config(o.path, 'remote.origin.fetch')).toBe('+refs/heads/*:refs/remotes/origin/*');
    expect(await config(o.path, 'remote.origin.tagOpt')).toBe('');
    expect((await git(['rev-parse', '--is-shallow-repository'], { cwd: o.path })).stdout.trim()).toBe(
      'false',
    );
    const log = await git(['log', '--format=%s'], { cwd: o.path });
    expect(log.stdout).toContain('History one');
    expect(result.commit.message).toBe('History two');
  }
  const shallow = options({ ref: 'main' });
  await checkout(shallow);
  expect((await git(['rev-list', '--count', 'HEAD'], { cwd: shallow.path })).stdout.trim()).toBe('1');
});

test('an empty repository is named as having no branches', async () => {
  await bed.api('POST', `org/${bed.owner}/repos`, { name: 'empty-policies', private: true });
  const err = await expectConfigurationError(
    checkout(options({ token: bed.admin.token, repository: `${bed.owner}/empty-policies` })),
    /"HEAD" was not found in platform\/empty-policies/,
  );
  expect(err.hint).toMatch(/none \(the repository is empty\)/);
});

test('warns when the token can push to or administer the repository', async () => {
  const o = options({ token: bed.admin.token });
  await checkout(o);
  expect(o.logger.lines).toContainEqual(
    expect.stringMatching(/^warning: The Gogs token can administer platform\/apim-policies/),
  );
});

test('a wrong token is refused with a message that says what to fix and never shows the token', async () => {
  const wrong = 'f'.repeat(40);
  const err = await expectConfigurationError(
    checkout(options({ token: wrong })),
    /rejected the token \(HTTP 401\)/,
  );
  expect(err.hint).toMatch(/token input/);
  expect(`${err.message} ${err.hint}`).not.toContain(wrong);
});

test('a repository that does not exist, or that the token cannot see, is named', async () => {
  await expectConfigurationError(
    checkout(options({ repository: 'platform/nope' })),
    /platform\/nope was not found.*cannot see it/,
  );
  const outsider = await bed.createUser('outsider', 'Outsider-pass-1');
  await expectConfigurationError(
    checkout(options({ token: outsider.token })),
    /platform\/apim-policies was not found/,
  );
});

test('a ref that does not exist lists the branches there are', async () => {
  const err = await expectConfigurationError(
    checkout(options({ ref: 'release/9' })),
    /"release\/9" was not found in platform\/apim-policies/,
  );
  expect(err.hint).toMatch(/Branches: .*main/);
  await expectConfigurationError(
    checkout(options({ ref: '0123456789abcdef0123456789abcdef01234567' })),
    /not found on any branch/,
  );
});

test('an unreachable Gogs is retried, then fails clearly', async () => {
  const port = await freePort();
  const o = options({ gogsUrl: `https://127.0.0.1:${port}/` });
  const err = await expectConfigurationError(checkout(o), /could not be reached after 3 attempts/);
  expect(err.hint).toMatch(/gogs-url/);
});

test('a Gogs whose certificate the runner does not trust fails at once and names gogs-ca-file', async () => {
  // A server with a certificate from a CA nobody here trusts (not the bed's test CA).
  const tls = await createTempTls();
  const server = https.createServer(
    { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) },
    (_q, r) => r.end('{}'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    const o = options({
      gogsUrl: `https://127.0.0.1:${port}/`,
      caFile: undefined,
      retry: { attempts: 3, baseDelayMs: 60_000 },
    });
    const err = await expectConfigurationError(
      checkout(o),
      /TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted/,
    );
    expect(err.hint).toMatch(/gogs-ca-file/);
  } finally {
    server.close();
    await rm(tls.dir, { recursive: true, force: true });
  }
});

test('refuses a checkout path that is not empty, and touches nothing in it', async () => {
  const o = options();
  await mkdir(o.path, { recursive: true });
  await writeFile(path.join(o.path, 'keep.txt'), 'mine');
  await expectConfigurationError(checkout(o), /is not empty \(keep.txt\)/);
  expect(await readFile(path.join(o.path, 'keep.txt'), 'utf8')).toBe('mine');
  await expect(stat(path.join(o.path, '.git'))).rejects.toThrow();
});

test('syncs a Gogs pull mirror before checking out, and gets the new commit', async () => {
  const mirror = (await bed.api('POST', 'repos/migrate', {
    clone_addr: `${bed.url}${bed.repository}.git`,
    auth_username: bed.admin.name,
    auth_password: bed.admin.password,
    uid: 1,
    repo_name: 'apim-policies-mirror',
    mirror: true,
    private: true,
  })) as { full_name: string };
  const fresh = await bed.commit(
    { 'apis/orders-api/NOTES.md': 'after mirror\n' },
    'Commit after the mirror was made',
  );
  const o = options({
    token: bed.admin.token,
    repository: mirror.full_name,
    syncMirror: true,
    mirrorTimeoutMs: 30_000,
  });
  const result = await checkout(o);
  expect(result.sha).toBe(fresh);
  expect(o.logger.lines.join('\n')).toMatch(/The mirror synced/);
});
