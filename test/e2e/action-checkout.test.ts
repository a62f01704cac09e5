import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startGogsBed, type GogsBed } from '../bed/gogs-bed.js';
import { inCI, node24Absent, node24Binary, requireNode24 } from '../bed/paths.js';
import { SimulatedRunner } from '../support/github-actions-env.js';
import { filesContaining, visibleLog } from '../support/secret-scan.js';

// The bundled action (dist/), as the GitHub runner starts it, against the real Gogs bed, under a runner
// simulated by our own code. Workflows run by a real engine are in test/act; these cases stay here
// because act cannot show them: the files the checkout leaves in the workspace (act deletes its
// workspace when the job ends), the raw ::add-mask:: lines the step prints (act consumes them), the
// exact exit code (act reports only failure), and the bundle on this machine's Node.js besides 24.
let bed: GogsBed;
beforeAll(async () => {
  bed = await startGogsBed();
});
afterAll(() => bed?.stop());

const inputs = () => ({
  mode: 'checkout',
  'gogs-url': bed.url,
  repository: bed.repository,
  token: bed.bot.token,
  'gogs-ca-file': bed.caFile,
});

// The bundle must work on this machine's Node.js and on node24, which GitHub starts it with. Without
// Node.js 24 the case fails in CI and is skipped, with the reason, elsewhere: it never passes untested.
const runtimes: [string, () => string][] = [[`node ${process.versions.node}`, () => process.execPath]];
if (node24Binary || inCI) runtimes.push(['node 24', requireNode24]);
else test.skip(`on node 24: ${node24Absent}`, () => undefined);

test.each(runtimes)(
  'on %s: checks out the commit, sets outputs and summary, and the token appears nowhere',
  async (_label, runtime) => {
    const node = runtime();
    const sha = await bed.commit(
      { 'apis/echo-api/NOTES.md': `e2e ${_label}\n` },
      `E2E: note on the echo API (${_label})`,
    );
    const runner = await SimulatedRunner.create();
    const main = await runner.run('dist/index.js', inputs(), {}, node);
    expect(main.stderr).toBe('');
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ 'commit-sha': sha, ref: 'refs/heads/main' });
    expect(main.summary).toContain(`| Commit | <code>${sha}</code> |`);
    expect(main.summary).toContain(`E2E: note on the echo API (${_label})`);
    expect(main.stdout).toContain(`Checked out ${bed.repository} at ${sha}`);
    expect(await readFile(path.join(runner.workspace, 'apim-policies/apis/echo-api/NOTES.md'), 'utf8')).toBe(
      `e2e ${_label}\n`,
    );

    const post = await runner.run('dist/post/index.js', inputs(), {}, node);
    expect(post.exitCode).toBe(0);

    const basic = Buffer.from(`${bed.bot.token}:`).toString('base64');
    const secrets = [bed.bot.token, basic];
    for (const text of [visibleLog(main.stdout), main.stderr, visibleLog(post.stdout), post.stderr]) {
      for (const s of secrets) expect(text.includes(s)).toBe(false);
    }
    // The runner is told to mask the token and its encoded form.
    expect(main.stdout).toContain(`::add-mask::${bed.bot.token}`);
    expect(main.stdout).toContain(`::add-mask::${basic}`);
    for (const dir of [runner.workspace]) expect(await filesContaining(dir, secrets)).toEqual([]);
    // Outputs and summary files live in the runner's temp folder; none holds the token either.
    expect(JSON.stringify(main.outputs)).not.toContain(bed.bot.token);
    expect(main.summary).not.toContain(bed.bot.token);
  },
);

test('a wrong token fails the step with exit code 2 and an annotation that says what to fix', async () => {
  const runner = await SimulatedRunner.create();
  const wrong = 'a'.repeat(40);
  const r = await runner.run('dist/index.js', { ...inputs(), token: wrong });
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toMatch(
    /::error::Gogs at https:\/\/127\.0\.0\.1:\d+ rejected the token \(HTTP 401\)\. Check that the token input/,
  );
  expect(visibleLog(r.stdout)).not.toContain(wrong);
});

test('a missing required input names the input', async () => {
  const runner = await SimulatedRunner.create();
  const r = await runner.run('dist/index.js', { ...inputs(), repository: '' });
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toContain('::error::Input repository is required.');
});
