import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { FaultSpec } from '../../src/emulator/index.js';
import { projectRoot } from '../bed/paths.js';
import { lastRequestEnd, runWatched } from '../support/watch-process.js';
import { makeRepo, repoA, startApimBed, type ApimBed } from './support.js';

/**
 * The CLI bundle ends when its work ends, whatever the network did. Before the fix, one dropped
 * connection (even one retried successfully) left the SDK's 120 s request timer armed and the
 * process alive for two minutes after its last request. The bound here is generous (10 s): the bug
 * is 120 s; how fast the process ends is measured in `npm run soak`, not asserted here.
 * APIM_GOGS_CLI_BUNDLE runs another build of the bundle (default dist/cli/index.js, the shipped one).
 */
const bundle = process.env.APIM_GOGS_CLI_BUNDLE ?? path.join(projectRoot, 'dist/cli/index.js');

let bed: ApimBed;
let dir: string;
// A fresh service for each case, so every deployment has changes to make.
beforeEach(async () => {
  bed = await startApimBed();
});
afterEach(async () => bed?.close());
beforeAll(async () => {
  const repo = await makeRepo(repoA);
  dir = repo.root;
  const git = (...a: string[]): string =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.test', ...a], {
      encoding: 'utf8',
    });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'policies');
});

function deployArgs(): string[] {
  const e = bed.emu;
  const options: Record<string, string> = {
    'subscription-id': e.subscriptionId,
    'resource-group': e.resourceGroup,
    'service-name': e.serviceName,
    auth: 'github-oidc',
    'tenant-id': e.tenantId,
    'client-id': bed.clientId,
    'arm-endpoint': e.armEndpoint,
    'authority-host': e.authorityHost,
    environment: 'test',
  };
  return [bundle, 'deploy', dir, ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v])];
}

describe('the CLI process ends when its work ends', () => {
  it.each<[string, number, FaultSpec]>([
    ['a dropped connection, retried', 0, { kind: 'drop', method: 'PUT', path: '/namedValues/env-name' }],
    [
      'answers lost after the global policy was applied, the write recognised as done',
      0,
      { kind: 'dropAfterApply', method: 'PUT', path: '/policies/policy', times: 0 },
    ],
    [
      'a connection dropped on every attempt of the global policy, rolled back',
      3,
      { kind: 'drop', method: 'PUT', path: '/policies/policy', times: 0 },
    ],
    [
      'a long-running operation that ends Failed, rolled back',
      3,
      { kind: 'lroFailed', method: 'PUT', path: '/policyFragments/cors' },
    ],
  ])('after %s: exit %i', async (_name, exitCode, fault) => {
    bed.emu.addFault(fault);
    const run = await runWatched(process.execPath, deployArgs(), {
      env: { ...process.env, ...bed.emu.env() },
      lastActivity: () => lastRequestEnd(bed.emu.requests()),
    });
    expect({ lingered: run.lingered, code: run.code }).toEqual({ lingered: false, code: exitCode });
    expect(bed.emu.requests().some((r) => r.status === 0)).toBe(fault.kind !== 'lroFailed');
    // A failure is explained, never a stack trace.
    expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
