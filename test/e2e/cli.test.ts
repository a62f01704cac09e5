import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startBed, type Bed } from '../bed/bed.js';
import { projectRoot } from '../bed/paths.js';

const exec = promisify(execFile);

// The CLI bundle (dist/cli, package.json "bin"), as a self-hosted runner or a terminal runs it,
// signing in with the machine's managed identity.
let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
});
afterAll(() => bed?.stop());

async function cli(args: string[], env: Record<string, string> = {}, cwd = projectRoot) {
  return exec(process.execPath, [path.join(projectRoot, 'dist/cli/index.js'), ...args], {
    cwd,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS!,
      ...env,
    },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

function connectionArgs(): string[] {
  const inputs = bed.inputs();
  return [
    'gogs-url',
    'repository',
    'gogs-ca-file',
    'subscription-id',
    'resource-group',
    'service-name',
    'arm-endpoint',
    'authority-host',
  ].flatMap((k) => [`--${k}`, inputs[k]]);
}

test('without a command it prints the commands and exits 2; an unknown option is named', async () => {
  const none = await cli([]);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/Commands:\n {2}run /);
  const typo = await cli(['run', '--gogs-ulr', 'https://x']);
  expect(typo.code).toBe(2);
  expect(typo.stderr).toMatch(/^error: Unknown option --gogs-ulr\. Known options: .*--gogs-url/m);
});

test('the token is taken only from the environment: a --token option is refused', async () => {
  const r = await cli(['run', ...connectionArgs(), '--token', bed.gogs.bot.token]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Unknown option --token: the Gogs token is never taken from the command line');
  expect(r.stderr).toContain('GOGS_TOKEN');
  expect(r.stderr).not.toContain(bed.gogs.bot.token);
  const missing = await cli(['run', ...connectionArgs()]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('The environment variable GOGS_TOKEN is required.');
});

test('run --mode deploy with a managed identity deploys, and outputs land in the outputs file', async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-cli-'));
  const outputs = path.join(work, 'outputs.env');
  const summary = path.join(work, 'summary.md');
  const env = {
    GOGS_TOKEN: bed.gogs.bot.token,
    IDENTITY_ENDPOINT: bed.azure.managedIdentity.endpoint,
    IDENTITY_HEADER: bed.azure.managedIdentity.header,
  };
  const args = [
    'run',
    ...connectionArgs(),
    '--auth',
    'managed-identity',
    '--outputs-file',
    outputs,
    '--summary-file',
    summary,
  ];
  const deploy = await cli([...args, '--mode', 'deploy'], env, work);
  expect(deploy.stderr).not.toMatch(/^error:/m);
  expect(deploy.code).toBe(0);
  const out = Object.fromEntries(
    (await readFile(outputs, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );
  expect(out['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
  expect(Number(out.changes)).toBeGreaterThan(0);
  expect(await readFile(summary, 'utf8')).toContain(out['commit-sha']);
  for (const text of [
    deploy.stdout,
    deploy.stderr,
    await readFile(outputs, 'utf8'),
    await readFile(summary, 'utf8'),
  ]) {
    expect(text).not.toContain(bed.gogs.bot.token);
  }

  const verify = await cli([...args, '--mode', 'verify', '--path', 'verify-checkout'], env, work);
  expect(verify.code).toBe(0);
  expect(verify.stdout).toMatch(/No drift/);

  // From APIM alone (plus Gogs for the author's name): which commit, run and identity put it there.
  const i = bed.inputs();
  const blame = await cli(
    [
      'blame',
      'apis/echo-api/policy.xml',
      ...[
        'subscription-id',
        'resource-group',
        'service-name',
        'arm-endpoint',
        'authority-host',
        'gogs-url',
        'repository',
        'gogs-ca-file',
      ].flatMap((k) => [`--${k}`, i[k]]),
      '--auth',
      'managed-identity',
    ],
    env,
    work,
  );
  expect(blame.code).toBe(0);
  expect(blame.stdout).toContain(out['commit-sha']);
  expect(blame.stdout).toContain('Dana Developer');
  expect(blame.stdout).toContain(bed.azure.managedIdentity.objectId);
  expect(blame.stdout + blame.stderr).not.toContain(bed.gogs.bot.token);
});
