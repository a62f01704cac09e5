import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../bed/paths.js';

/**
 * Issue 8 (items 3-7, 13) through the CLI bundle, as a runner runs it: a hostile repository ends in a
 * clear configuration error (exit 2) or finding (exit 1), never in reading outside the checkout or
 * quoting a file. The hostile trees (links included) are built here at test time.
 * APIM_GOGS_CLI_BUNDLE may point at a bundle built elsewhere (default: the committed dist/cli).
 */

const exec = promisify(execFile);
const bundle = process.env.APIM_GOGS_CLI_BUNDLE ?? path.join(projectRoot, 'dist/cli/index.js');
const SECRET = 'hunter2-from-the-runner';
const POLICY =
  '<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n</policies>\n';

async function validate(
  root: string,
  ...args: string[]
): Promise<{ code: number; output: string; stdout: string }> {
  return exec(process.execPath, [bundle, 'validate', root, ...args], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME! },
  }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr, stdout: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      output: e.stdout + e.stderr,
      stdout: e.stdout,
    }),
  );
}

async function repo(files: Record<string, string>): Promise<{ root: string; outside: string }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-cli-hostile-'));
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'credentials'), `password: ${SECRET}\n`);
  await writeFile(path.join(outside, 'policy.xml'), POLICY);
  for (const [rel, content] of Object.entries({ 'apis/echo/policy.xml': POLICY, ...files })) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
  return { root, outside };
}

it('a linked environments/<env>.yaml: exit 2 naming it, the linked file never shown', async () => {
  const { root, outside } = await repo({});
  await mkdir(path.join(root, 'environments'));
  await symlink(path.join(outside, 'credentials'), path.join(root, 'environments/prod.yaml'));
  const r = await validate(root, '--environment', 'prod');
  expect(r.code).toBe(2);
  expect(r.output).toContain("'environments/prod.yaml' is a symbolic link");
  expect(r.output).not.toContain(SECRET);
});

it('a linked policy.xml: exit 2 naming it (not skipped)', async () => {
  const { root, outside } = await repo({});
  await mkdir(path.join(root, 'apis/orders'), { recursive: true });
  await symlink(path.join(outside, 'policy.xml'), path.join(root, 'apis/orders/policy.xml'));
  const r = await validate(root);
  expect(r.code).toBe(2);
  expect(r.output).toContain("'apis/orders/policy.xml' is a symbolic link");
});

it('an environment file that does not parse: exit 2 with a position, its text never quoted', async () => {
  const { root } = await repo({ 'environments/prod.yaml': `password: "${SECRET}\nx: [\n` });
  const r = await validate(root, '--environment', 'prod');
  expect(r.code).toBe(2);
  expect(r.output).toMatch(/environments\/prod\.yaml:\d+:\d+: invalid YAML/);
  expect(r.output).not.toContain(SECRET);
});

it('a YAML alias bomb in .apim-gogs.yaml: exit 2, not a crash', async () => {
  const bomb = [
    'a: &a [x,x,x,x,x,x,x,x,x]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  ];
  bomb.push(`d: [${Array(20).fill('*c').join(',')}]`);
  const { root } = await repo({ '.apim-gogs.yaml': bomb.join('\n') });
  const r = await validate(root);
  expect(r.code).toBe(2);
  expect(r.output).toMatch(/too many YAML aliases/);
});

it('ignore matching a deployed file: exit 2 naming the file', async () => {
  const { root } = await repo({ '.apim-gogs.yaml': 'ignore: ["apis/**"]\n' });
  const r = await validate(root);
  expect(r.code).toBe(2);
  expect(r.output).toContain("ignore matches 'apis/echo/policy.xml', a file apim-gogs deploys");
});

it('two folders for one API, a reserved name and a 600 MB policy: exit 1 with a finding on each', async () => {
  const { root } = await repo({
    'apis/ECHO/policy.xml': POLICY,
    'named values/APIM-GOGS-DEPLOYMENT-prod/namedValueInformation.json': JSON.stringify({
      properties: { displayName: 'forged', value: '{}' },
    }),
    'apis/big/policy.xml': '',
  });
  await truncate(path.join(root, 'apis/big/policy.xml'), 600 * 1024 * 1024);
  const r = await validate(root, '--format', 'json');
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout) as {
    diagnostics: { file: string; message: string }[];
  };
  const messages = json.diagnostics.map((d) => `${d.file}: ${d.message}`);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^apis\/ECHO\/policy\.xml: Two files for one resource: 'apis\/ECHO\/policy\.xml' and 'apis\/echo\/policy\.xml'/,
      ),
      expect.stringMatching(
        /^named values\/APIM-GOGS-DEPLOYMENT-prod\/namedValueInformation\.json: .*reserved/,
      ),
      'apis/big/policy.xml: The document is 629145600 bytes; APIM accepts at most 262144.',
    ]),
  );
});
