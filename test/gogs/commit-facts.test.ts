import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isoDate, logCommit, readHeadCommit } from '../../src/gogs/commit-facts.js';
import { git } from '../../src/gogs/git.js';

// The commit a checkout reports is read from the clone's files instead of a `git log`; it must say
// exactly what git says, for commits loose and packed, fetched through a pack, unusual authors,
// offsets and headers, and give way to git where it cannot (another encoding).

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-commit-facts-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

let n = 0;
async function repository(): Promise<string> {
  const dir = path.join(work, `r${++n}`);
  await git(['init', '--quiet', '--initial-branch=main', dir], { cwd: work });
  return dir;
}

/** Commits a file as the given author, at the given raw date (`<seconds> <offset>`). */
async function commit(dir: string, message: string, author = 'Dana Developer', date = '1700000000 +0000') {
  await writeFile(path.join(dir, `f${++n}.txt`), `${message}\n`);
  await git(['add', '--all'], { cwd: dir });
  const who = { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_AUTHOR_DATE: date };
  const by = { GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.com' };
  await git(['commit', '--quiet', '--no-verify', '-m', message], { cwd: dir, env: { ...who, ...by } });
}

/** What `git log` shows for HEAD, the date as git 2.39 wrote %aI (UTC as +00:00). */
async function asGitSays(dir: string) {
  const log = await git(['log', '-1', '--format=%H%x00%an%x00%ae%x00%aI%x00%B'], { cwd: dir });
  const [sha, author, email, date, message] = log.stdout.split('\0');
  return { sha, author, email, date: date.replace(/Z$/, '+00:00'), message: message.trim() };
}

test('a loose commit, then the same commit packed and its branch in packed-refs, read as git reads them', async () => {
  const dir = await repository();
  await commit(dir, 'First');
  await commit(
    dir,
    'Add the echo API\n\nWith a body,\n\n  indented lines\nand trailing spaces   ',
    'Zoë Ångström',
  );
  const expected = await asGitSays(dir);
  expect(expected.author).toBe('Zoë Ångström');
  expect(await readHeadCommit(dir)).toEqual(expected);
  await git(['gc', '--quiet', '--prune=now'], { cwd: dir });
  await git(['pack-refs', '--all'], { cwd: dir });
  expect(await readHeadCommit(dir)).toEqual(expected);
});

test('a clone through a pack (as from Gogs), at depth 1 and in full, on a branch and detached at a tag', async () => {
  const origin = await repository();
  for (let i = 0; i < 12; i++)
    await commit(origin, `Change ${i}`, 'Dana Developer', `${1700000000 + i * 3600} -0730`);
  await git(['tag', '-a', '-m', 'release', 'v1', 'HEAD~3'], { cwd: origin });
  const url = `file://${origin}`;
  for (const args of [['--depth=1'], [], ['--depth=1', '--branch', 'v1']]) {
    const dir = path.join(work, `clone${++n}`);
    // unpackLimit=1 keeps the pack as received, as a clone of a repository of any size from Gogs does.
    const clone = ['-c', 'fetch.unpackLimit=1', 'clone', '--quiet', '--no-tags', '--single-branch'];
    await git([...clone, ...args, url, dir], { cwd: work });
    expect((await git(['count-objects', '-v'], { cwd: dir })).stdout).toMatch(/^count: 0$/m);
    const facts = await readHeadCommit(dir);
    expect(facts).toEqual(await asGitSays(dir));
    expect(facts?.date).toMatch(/-07:30$/);
  }
});

test('extra headers (a signature over several lines) and offsets either side of UTC', async () => {
  const dir = await repository();
  await commit(dir, 'Base');
  const tree = (await git(['rev-parse', 'HEAD^{tree}'], { cwd: dir })).stdout.trim();
  const parent = (await git(['rev-parse', 'HEAD'], { cwd: dir })).stdout.trim();
  for (const tz of ['+0530', '-0000', '+0000', '-1200']) {
    const body =
      `tree ${tree}\nparent ${parent}\nauthor Eve <eve@example.com> 1234567890 ${tz}\n` +
      `committer CI <ci@example.com> 1234567890 +0000\n` +
      `gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\n` +
      `Signed change ${tz}\n`;
    await writeFile(path.join(work, 'object'), body);
    const sha = (
      await git(['hash-object', '-t', 'commit', '-w', path.join(work, 'object')], { cwd: dir })
    ).stdout.trim();
    await git(['update-ref', 'refs/heads/main', sha], { cwd: dir });
    expect(await readHeadCommit(dir)).toEqual(await asGitSays(dir));
  }
});

test('a message in another encoding is left to git, and logCommit says what git says', async () => {
  const dir = await repository();
  await commit(dir, 'Base');
  const tree = (await git(['rev-parse', 'HEAD^{tree}'], { cwd: dir })).stdout.trim();
  const body = Buffer.concat([
    Buffer.from(`tree ${tree}\nauthor Jos\xe9 <j@example.com> 1234567890 +0100\n`, 'latin1'),
    Buffer.from(`committer CI <ci@example.com> 1234567890 +0000\nencoding ISO-8859-1\n\nCaf\xe9\n`, 'latin1'),
  ]);
  await writeFile(path.join(work, 'object'), body);
  const sha = (
    await git(['hash-object', '-t', 'commit', '-w', path.join(work, 'object')], { cwd: dir })
  ).stdout.trim();
  await git(['update-ref', 'refs/heads/main', sha], { cwd: dir });
  expect(await readHeadCommit(dir)).toBeUndefined();
  const facts = await logCommit(dir, 'HEAD');
  expect(facts).toEqual(await asGitSays(dir));
  expect(facts).toMatchObject({ author: 'José', message: 'Café', date: '2009-02-14T00:31:30+01:00' });
});

test('no commit to read: an empty repository, a HEAD naming nothing', async () => {
  const dir = await repository();
  expect(await readHeadCommit(dir)).toBeUndefined();
  expect(await readHeadCommit(path.join(work, 'missing'))).toBeUndefined();
});

test('dates: the author’s wall clock and offset, UTC as +00:00', () => {
  expect(isoDate(1700000000, '+0000')).toBe('2023-11-14T22:13:20+00:00');
  expect(isoDate(1700000000, '-0000')).toBe('2023-11-14T22:13:20+00:00');
  expect(isoDate(1700000000, '+0130')).toBe('2023-11-14T23:43:20+01:30');
  expect(isoDate(1700000000, '-1000')).toBe('2023-11-14T12:13:20-10:00');
  expect(isoDate(1700000000, 'bogus')).toBeUndefined();
});
