import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { blameCommand } from '../../src/doors/cli/commands/blame.js';
import { deployCommand } from '../../src/doors/cli/commands/deploy.js';
import { planCommand } from '../../src/doors/cli/commands/plan.js';
import { verifyCommand } from '../../src/doors/cli/commands/verify.js';
import { cliHost } from '../../src/doors/cli/cli-host.js';
import { makeRepo, repoA, repoB, startBed, type Bed } from './support.js';
import { writeFile, mkdir } from 'node:fs/promises';

let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
});
afterAll(async () => bed?.close());

function host(): { host: ReturnType<typeof cliHost>; out: string[] } {
  const out: string[] = [];
  return {
    host: cliHost({ inputs: new Map(), stdout: (l) => out.push(l), stderr: (l) => out.push(l) }),
    out,
  };
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
    expect(await deployCommand.run([dir, ...azureArgs(), '--record-file', record], h.host)).toBe(0);
    expect(h.out.join('\n')).toContain(`Commit \`${sha}\``);
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
    expect(JSON.parse(h.out.join('\n'))).toMatchObject({ drift: false, commit: sha });

    h = host();
    const blameArgs = azureArgs();
    expect(await blameCommand.run(['apis/none/policies/policy', ...blameArgs], h.host)).toBe(1);
    h = host();
    expect(await blameCommand.run(['policy.xml', ...blameArgs], h.host)).toBe(0);
    expect(h.out.join('\n')).toContain(`commit:     ${sha}`);
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
