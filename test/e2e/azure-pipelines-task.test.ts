import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pipelinesTaskEnv, registerPipelinesApp } from '../bed/azure-pipelines.js';
import { startBed, type Bed } from '../bed/bed.js';
import { doorRuntime, projectRoot } from '../bed/paths.js';
import { filesContaining, visibleLog } from '../support/secret-scan.js';

const run = promisify(execFile);

// The Azure DevOps task bundle (dist/azure-pipelines), started as the agent starts it: inputs as
// INPUT_* variables, the service connection's auth parameters as ENDPOINT_AUTH_PARAMETER_*, the
// job's OIDC endpoint and System.AccessToken; sign-in through AzurePipelinesCredential.
let bed: Bed;
let appClientId: string;
beforeAll(async () => {
  bed = await startBed();
  appClientId = registerPipelinesApp(bed);
});
afterAll(() => bed?.stop());

async function runTask(mode: string) {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-ado-'));
  // The task takes tenant and client from the service connection, not from inputs.
  const env = pipelinesTaskEnv(bed, appClientId, { ...bed.inputs(), mode }, { temp, sources: temp });
  const node = doorRuntime();
  const r = await run(node, [path.join(projectRoot, 'dist/azure-pipelines/index.js')], {
    cwd: temp,
    env,
  }).then(
    (x) => ({ exitCode: 0, stdout: x.stdout, stderr: x.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      exitCode: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
  return { ...r, temp };
}

test('deploys with the service connection (workload identity federation) and reports the ADO way', async () => {
  const sha = await bed.gogs.commit({ 'apis/orders-api/NOTES.md': 'ado\n' }, 'Notes for the ADO run');
  const r = await runTask('deploy');
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain(
    `##vso[task.setvariable variable=commitSha;isOutput=true;issecret=false;]${sha}`,
  );
  expect(r.stdout).toMatch(/##vso\[task\.setvariable variable=changes;isOutput=true;issecret=false;\][1-9]/);
  expect(r.stdout).toMatch(/##vso\[task\.uploadsummary\]/);
  expect(r.stdout).toContain('##vso[task.complete result=Succeeded;]');
  // The warning from validation is a logissue at the API policy's <inbound> (line 2, column 5).
  expect(r.stdout).toMatch(
    /##vso\[task\.logissue type=warning;sourcepath=apis\/echo-api\/policy\.xml;linenumber=2;columnnumber=5;code=authentication-required\]/,
  );
  // Neither the Gogs token nor the job's access token is printed (not even as a debug line).
  expect(visibleLog(r.stdout)).not.toContain(bed.gogs.bot.token);
  expect(visibleLog(r.stdout)).not.toContain(bed.azure.azureDevOps.accessToken);
  expect(r.stdout).toContain(`##vso[task.setsecret]${bed.gogs.bot.token}`);
  const summaries = (await readdir(r.temp)).filter((f) => f.startsWith('apim-gogs-summary'));
  expect(summaries.length).toBeGreaterThan(0);
  const summary = (await Promise.all(summaries.map((f) => readFile(path.join(r.temp, f), 'utf8')))).join(
    '\n',
  );
  expect(summary).toContain(sha);
  expect(await filesContaining(path.join(r.temp, 'apim-policies'), [bed.gogs.bot.token])).toEqual([]);
});

test('verify passes right after the deployment', async () => {
  const r = await runTask('verify');
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain('##vso[task.setvariable variable=drift;isOutput=true;issecret=false;]false');
});
