import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { blameCommand } from '../../src/doors/cli/commands/blame.js';
import { deployCommand } from '../../src/doors/cli/commands/deploy.js';
import { planCommand } from '../../src/doors/cli/commands/plan.js';
import { verifyCommand } from '../../src/doors/cli/commands/verify.js';
import { makeRepo, repoA, repoB, startApimBed, type ApimBed } from './support.js';
import { writeFile, mkdir } from 'node:fs/promises';

let bed: ApimBed;
beforeAll(async () => {
  bed = await startApimBed();
});
afterAll(async () => bed?.close());

/** What a command prints: `out` is stdout (its product), `err` stderr (logs). */
function host(): {
  host: { stdout: (l: string) => void; stderr: (l: string) => void };
  out: string[];
  err: string[];
} {
  const out: string[] = [];
  const err: string[] = [];
  return { host: { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, out, err };
}

function azureArgs(): string[] {
  const e = bed.emu;
  return [
    '--subscription-id',
    e.subscriptionId,
    '--resource-group',
    e.resourceGroup,
    '--service-name',
    e.serviceName,
    '--auth',
    'github-oidc',
    '--tenant-id',
    e.tenantId,
    '--client-id',
    bed.clientId,
    '--arm-endpoint',
    e.armEndpoint,
    '--authority-host',
    e.authorityHost,
    '--environment',
    'test',
  ];
}

async function gitRepo(files: Record<string, string>): Promise<{ dir: string; sha: string }> {
  const repo = await makeRepo(files);
  const git = (...a: string[]): string =>
    execFileSync('git', ['-C', repo.root, ...a], { encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'policies');
  return { dir: repo.root, sha: git('rev-parse', 'HEAD') };
}

describe('apim-gogs plan | deploy | verify | blame', () => {
  it('deploys a checkout, then plan shows nothing, verify passes, blame names the commit', async () => {
    const { dir, sha } = await gitRepo(repoA);
    const record = path.join(dir, '..', `record-${path.basename(dir)}.json`);
    let h = host();
    expect(await deployCommand.run([dir, ...azureArgs(), '--output', record], h.host)).toBe(0);
    expect(h.out.join('\n')).toContain(`Commit \`${sha}\``);
    expect(h.err.join('\n')).toContain('== Validate policies');
    const rec = JSON.parse(await readFile(record, 'utf8')) as {
      requests: { method: string; requestId?: string }[];
      outcome: string;
    };
    expect(rec.outcome).toBe('succeeded');
    expect(rec.requests.filter((r) => r.method === 'PUT').length).toBeGreaterThanOrEqual(4);
    expect(rec.requests.every((r) => r.requestId)).toBe(true);

    h = host();
    expect(await planCommand.run([dir, ...azureArgs()], h.host)).toBe(0);
    expect(h.out.join('\n')).toContain('No changes');

    h = host();
    expect(await verifyCommand.run([dir, ...azureArgs(), '--format', 'json'], h.host)).toBe(0);
    // --format json: stdout is exactly one JSON document, logs stay on stderr.
    expect(JSON.parse(h.out.join('\n'))).toMatchObject({ drift: false, commit: sha });

    h = host();
    const blameArgs = azureArgs();
    expect(await blameCommand.run(['apis/none/policies/policy', ...blameArgs], h.host)).toBe(1);
    h = host();
    expect(await blameCommand.run(['policy.xml', ...blameArgs], h.host)).toBe(0);
    expect(h.out.join('\n')).toContain(`commit:     ${sha}`);
  });

  it('plan and deploy validate first: a hard-coded password is a finding (exit 1) and nothing reaches APIM', async () => {
    const { dir } = await gitRepo({
      ...repoA,
      'apis/echo-api/policy.xml':
        '<policies><inbound><base /><authentication-basic username="svc" password="Hunter2-not-a-secret!" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    });
    const writesBefore = bed.emu.requests().filter((r) => r.service === 'arm' && r.method !== 'GET').length;
    for (const command of [planCommand, deployCommand]) {
      const h = host();
      expect(await command.run([dir, ...azureArgs()], h.host)).toBe(1);
      expect(h.err.join('\n')).toMatch(/hardcoded-secret/);
      expect(h.err.join('\n')).toMatch(/nothing was sent to APIM/);
    }
    expect(bed.emu.requests().filter((r) => r.service === 'arm' && r.method !== 'GET').length).toBe(
      writesBefore,
    );
  });

  it('a --var value is validated like the environment file: an unresolved or hostile value never deploys', async () => {
    const { dir } = await gitRepo({
      ...repoA,
      'apis/echo-api/policy.xml':
        '<policies><inbound><base /><set-header name="x-env" exists-action="override"><value>#{envName}#</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    });
    const h = host();
    expect(
      await deployCommand.run([dir, ...azureArgs(), '--var', 'envName=</value><mock-response'], h.host),
    ).toBe(1);
    expect(h.out).toEqual([]);
  });

  it('verify exits 1 on drift; deploy with a template value from --var', async () => {
    const { dir } = await gitRepo({
      ...repoB,
      'backends/billing/backendInformation.json': JSON.stringify({
        properties: { url: '#{billingUrl}#', protocol: 'http' },
      }),
    });
    await mkdir(path.join(dir, 'environments'), { recursive: true });
    await writeFile(
      path.join(dir, 'environments', 'test.yaml'),
      'billingUrl: https://billing-test.example\n',
    );
    let h = host();
    expect(await verifyCommand.run([dir, ...azureArgs()], h.host)).toBe(1);
    expect(h.out.join('\n')).toMatch(/^Drift: /m);
    h = host();
    expect(
      await deployCommand.run(
        [dir, ...azureArgs(), '--var', 'billingUrl=https://billing-override.example'],
        h.host,
      ),
    ).toBe(0);
    const live = await bed
      .connect()
      .client.backend.get(bed.emu.resourceGroup, bed.emu.serviceName, 'billing');
    expect(live.url).toBe('https://billing-override.example');
    h = host();
    expect(
      await verifyCommand.run(
        [dir, ...azureArgs(), '--var', 'billingUrl=https://billing-override.example'],
        h.host,
      ),
    ).toBe(0);
  });
});
