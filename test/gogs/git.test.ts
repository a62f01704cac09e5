import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { git, GitError } from '../../src/gogs/git.js';
import { ConfigurationError } from '../../src/shared/errors.js';

// The one function every git call goes through: what it captures, and what it says when git cannot run.
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-git-'));
  await git(['init', '--quiet'], { cwd: work });
});
afterAll(() => rm(work, { recursive: true, force: true }));

test('captures all of a large output and the exit code, and throws with git’s last words on failure', async () => {
  const big = 'x'.repeat(3 * 1024 * 1024);
  await writeFile(path.join(work, 'big.txt'), big);
  const hash = (await git(['hash-object', '-w', 'big.txt'], { cwd: work })).stdout.trim();
  expect((await git(['cat-file', 'blob', hash], { cwd: work })).stdout).toBe(big);

  const missing = await git(['cat-file', '-e', 'HEAD:nope'], { cwd: work, allowFailure: true });
  expect(missing.exitCode).not.toBe(0);
  const err = await git(['rev-parse', '--verify', 'no-such-ref'], { cwd: work }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GitError);
  expect((err as Error).message).toMatch(
    /^git rev-parse failed \(exit 128\): fatal: Needed a single revision/,
  );
});

test('git missing from the PATH is a configuration error that says what to install', async () => {
  const err = await git(['--version'], { cwd: work, env: { PATH: path.join(work, 'empty') } }).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigurationError);
  expect((err as ConfigurationError).message).toBe('git was not found on the PATH.');
  expect((err as ConfigurationError).hint).toMatch(/Install git 2\.31 or later/);
});

test('a working directory that does not exist is named, not mistaken for a missing git', async () => {
  const gone = path.join(work, 'gone');
  await expect(git(['status'], { cwd: gone })).rejects.toThrow(`working directory ${gone} does not exist`);
});
