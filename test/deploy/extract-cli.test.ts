import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractCommand } from '../../src/doors/cli/commands/extract.js';
import { planCommand } from '../../src/doors/cli/commands/plan.js';
import { validateCommand } from '../../src/doors/cli/commands/validate.js';
import { globalPolicy, policy, startApimBed, type ApimBed } from './support.js';

// The onboarding path through the CLI door: `extract` into a new directory, `validate` with
// --artifacts-path, commit, `plan` against the same instance: nothing to change.
let bed: ApimBed;
let work: string;
beforeAll(async () => {
  bed = await startApimBed({
    seed: {
      policy: {
        value: globalPolicy(
          '<set-header name="x-env" exists-action="override"><value>{{env-name}}</value></set-header>',
        ),
        format: 'rawxml',
      },
      namedValues: { 'env-name': { displayName: 'env-name', value: 'prod', secret: false } },
      apis: {
        orders: {
          displayName: 'Orders',
          path: 'orders',
          protocols: ['https'],
          policy: { value: policy('<rate-limit calls="10" renewal-period="60" />'), format: 'rawxml' },
        },
      },
    },
  });
  work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-extract-cli-'));
});
afterAll(async () => {
  await bed?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) }, out, err };
};

function azureArgs(): string[] {
  const e = bed.emu;
  return [
    ...[
      '--subscription-id',
      e.subscriptionId,
      '--resource-group',
      e.resourceGroup,
      '--service-name',
      e.serviceName,
    ],
    ...['--auth', 'github-oidc', '--tenant-id', e.tenantId, '--client-id', bed.clientId],
    ...['--arm-endpoint', e.armEndpoint, '--authority-host', e.authorityHost],
  ];
}

test('apim-gogs extract writes a repository that validate accepts and plan finds unchanged', async () => {
  const dir = path.join(work, 'new-repo');
  let r = io();
  expect(await extractCommand.run([dir, ...azureArgs(), '--artifacts-path', 'apimartifacts'], r.io)).toBe(0);
  expect(r.err.join('\n')).toMatch(
    /Extracted .*: 2 policies, 0 fragments, 1 named values, 0 backends, 1 APIs, 0 products/,
  );
  expect(await readFile(path.join(dir, 'apimartifacts/apis/orders/policy.xml'), 'utf8')).toContain(
    'rate-limit',
  );

  // The root holds no layout: validate says where it is instead of checking nothing.
  r = io();
  expect(await validateCommand.run([dir], r.io)).toBe(2);
  expect([...r.out, ...r.err].join('\n')).toMatch(/set artifacts-path: apimartifacts/);
  r = io();
  expect(await validateCommand.run([dir, '--artifacts-path', 'apimartifacts'], r.io)).toBe(0);

  const git = (...a: string[]) => execFileSync('git', ['-C', dir, ...a], { encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'Extract');
  r = io();
  expect(
    await planCommand.run(
      [dir, ...azureArgs(), '--artifacts-path', 'apimartifacts', '--format', 'json'],
      r.io,
    ),
  ).toBe(0);
  const plan = JSON.parse(r.out.join('\n')) as { summary: Record<string, number> };
  expect(plan.summary).toMatchObject({ create: 0, update: 0, delete: 0, unchanged: 3 });

  // An APIOps configuration.prod.yaml beside the artifacts: its override is the only change, and
  // what apim-gogs does not manage is said once.
  await writeFile(
    path.join(dir, 'configuration.prod.yaml'),
    'namedValues:\n  - name: env-name\n    properties:\n      value: production\nloggers:\n  - name: appinsights\n',
  );
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'Prod overrides');
  r = io();
  const args = [
    dir,
    ...azureArgs(),
    '--artifacts-path',
    'apimartifacts',
    '--environment',
    'prod',
    '--format',
    'json',
  ];
  expect(await planCommand.run(args, r.io)).toBe(0);
  const prod = JSON.parse(r.out.join('\n')) as { entries: { key: string; action: string }[] };
  expect(prod.entries.filter((e) => e.action !== 'unchanged').map((e) => [e.key, e.action])).toEqual([
    ['namedValues/env-name', 'update'],
  ]);
  expect(r.err.join('\n')).toMatch(/configuration\.prod\.yaml: .*these keys are ignored: loggers/);
});
