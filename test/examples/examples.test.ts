import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { camelCase } from '../../src/pipeline/inputs.js';
import { describeAct, runWorkflow, workflowsDir, type WorkflowRun } from '../act/act.js';
import { registerPipelinesApp } from '../bed/azure-pipelines.js';
import { startBed, type Bed } from '../bed/bed.js';
import { doorRuntime, projectRoot, tlsDir } from '../bed/paths.js';

// The examples users copy (examples/): each one's steps run through the bundled action (by nektos/act)
// and the bundled task, against the bed's Gogs and the emulated APIM. The only changes made to them
// are the action reference (the local bundle) and the emulator's endpoints.

const run = promisify(execFile);
const examples = path.join(projectRoot, 'examples');
/** Whether the bundles already have mode: extract (dist/ is rebuilt by `npm run package`; stages are chunks). */
const bundleHasExtract = ['dist', 'dist/azure-pipelines'].every((d) => {
  const dir = path.join(projectRoot, d);
  return (
    existsSync(dir) &&
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .some((f) => readFileSync(path.join(dir, f), 'utf8').includes('apim-gogs/extract-'))
  );
});
const testIfExtract = bundleHasExtract ? test : test.skip;

let bed: Bed;
let temp: string;
beforeAll(async () => {
  bed = await startBed();
  temp = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-examples-'));
});
afterAll(async () => {
  await bed?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

type Step = Record<string, unknown> & { uses?: string; with?: Record<string, unknown> };

/** The example with the local bundle as the action (act in host mode needs it in the workspace). */
async function localWorkflow(name: string): Promise<string> {
  const doc = YAML.parse(await readFile(path.join(examples, 'github', name), 'utf8')) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  for (const job of Object.values(doc.jobs)) {
    let found = 0;
    for (const step of job.steps) {
      if (step.uses !== 'apim-gogs/apim-gogs@v0') continue;
      found++;
      step.uses = './';
      step.with = {
        ...step.with,
        'arm-endpoint': '${{ vars.ARM_ENDPOINT }}',
        'authority-host': '${{ vars.AUTHORITY_HOST }}',
      };
    }
    expect(found).toBeGreaterThan(0);
    job.steps.unshift({
      name: 'Bring in the action',
      run: 'cp -R "$APIM_GOGS_ACTION/action.yml" "$APIM_GOGS_ACTION/dist" .',
    });
  }
  const file = path.join(temp, name);
  await writeFile(file, YAML.stringify(doc));
  return path.relative(workflowsDir, file);
}

async function runExample(
  name: string,
  inputs: Record<string, string> = {},
  extraSecrets: Record<string, string> = {},
): Promise<WorkflowRun> {
  const i = bed.inputs();
  return runWorkflow({
    workflow: await localWorkflow(name),
    event: 'workflow_dispatch',
    payload: { inputs },
    vars: {
      GOGS_URL: i['gogs-url'],
      GOGS_REPOSITORY: i.repository,
      GOGS_CA_FILE: i['gogs-ca-file'],
      AZURE_TENANT_ID: i['tenant-id'],
      AZURE_CLIENT_ID: i['client-id'],
      AZURE_SUBSCRIPTION_ID: i['subscription-id'],
      AZURE_RESOURCE_GROUP: i['resource-group'],
      APIM_SERVICE_NAME: i['service-name'],
      ARM_ENDPOINT: i['arm-endpoint'],
      AUTHORITY_HOST: i['authority-host'],
    },
    secrets: { GOGS_TOKEN: bed.gogs.bot.token, ...extraSecrets },
    env: {
      ...bed.runnerEnv(),
      NODE_EXTRA_CA_CERTS: path.join(tlsDir, 'ca.pem'),
      APIM_GOGS_ACTION: projectRoot,
    },
  });
}

describeAct('GitHub Actions examples (examples/github) under nektos/act', () => {
  test('pr-validation, deploy-on-push, release-gate and nightly-drift run green in order against the bed', async () => {
    const echo = readFileSync(
      path.join(projectRoot, 'test/fixtures/policy-repo/apis/echo-api/policy.xml'),
      'utf8',
    );
    await bed.gogs.commit(
      { 'apis/echo-api/policy.xml': echo.replace('calls="20"', 'calls="30"') },
      'Raise the limit',
      'example-pr',
    );
    const number = await bed.gogs.openPullRequest('example-pr', 'main', 'Raise the limit');
    const pr = await runExample('pr-validation.yml', {
      head: 'example-pr',
      base: 'main',
      number: String(number),
    });
    expect({ job: pr.job, log: pr.job === 'succeeded' ? '' : pr.log.slice(-3000) }).toEqual({
      job: 'succeeded',
      log: '',
    });
    expect(pr.log).toContain(`The pull request changes ${pr.outputs.changes} resource(s)`);
    const comments = (await bed.gogs.api(
      'GET',
      `repos/${bed.gogs.repository}/issues/${number}/comments`,
    )) as unknown[];
    expect(comments).toHaveLength(1);

    const deploy = await runExample('deploy-on-push.yml');
    expect({ job: deploy.job, log: deploy.job === 'succeeded' ? '' : deploy.log.slice(-3000) }).toEqual({
      job: 'succeeded',
      log: '',
    });
    const sha = deploy.outputs['commit-sha'];
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(deploy.log).toContain(`Deployed ${sha}`);

    const gate = await runExample('release-gate.yml', { ref: sha });
    expect(gate.job).toBe('succeeded');
    expect(gate.log).toContain(`Promoting ${sha}`);

    const nightly = await runExample('nightly-drift.yml');
    expect(nightly.job).toBe('succeeded');
    expect(nightly.log).toContain('drift=false');
  });

  testIfExtract(
    'onboard-extract pushes a branch with the APIOps layout and prints the pull request link',
    async () => {
      const r = await runExample('onboard-extract.yml', {}, { GOGS_WRITE_TOKEN: bed.gogs.admin.token });
      expect(r.job).toBe('succeeded');
      expect(r.outputs['compare-url']).toContain(`${bed.gogs.repository}/compare/main...`);
      expect(Number(r.outputs['extract-files'])).toBeGreaterThan(0);
    },
  );
});

/** Every `task: ApimGogs@0` step of an Azure Pipelines example, wherever it sits (steps, stages, jobs). */
function taskSteps(node: unknown): { name?: string; inputs: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(taskSteps);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  if (typeof o.task === 'string' && o.task.startsWith('ApimGogs@'))
    return [o as { name?: string; inputs: Record<string, unknown> }];
  return Object.values(o).flatMap(taskSteps);
}

/** Runs one task step as the agent would: $(VAR) and ${{ parameters.x }} substituted, inputs as INPUT_*. */
async function runTaskStep(
  step: { inputs: Record<string, unknown> },
  variables: Record<string, string>,
  parameters: Record<string, string>,
) {
  const dir = await mkdtemp(path.join(temp, 'agent-'));
  const connection = bed.azure.azureDevOps.serviceConnectionId;
  const i = bed.inputs();
  const expand = (v: string) =>
    v
      .replace(/\$\{\{\s*parameters\.(\w+)\s*\}\}/g, (_, p: string) => parameters[p] ?? '')
      .replace(/\$\(([\w.]+)\)/g, (_, n: string) => variables[n] ?? '');
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME!,
    NODE_EXTRA_CA_CERTS: path.join(tlsDir, 'ca.pem'),
    AGENT_TEMPDIRECTORY: dir,
    BUILD_SOURCESDIRECTORY: dir,
    SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
    SYSTEM_TEAMPROJECT: 'apim',
    BUILD_BUILDID: '78',
    SYSTEM_OIDCREQUESTURI: bed.azure.azureDevOps.oidcRequestUri,
    SYSTEM_ACCESSTOKEN: bed.azure.azureDevOps.accessToken,
    [`ENDPOINT_AUTH_PARAMETER_${connection}_TENANTID`]: i['tenant-id'],
    [`ENDPOINT_AUTH_PARAMETER_${connection}_SERVICEPRINCIPALID`]: adoClientId,
    [`INPUT_${camelCase('arm-endpoint').toUpperCase()}`]: i['arm-endpoint'],
    [`INPUT_${camelCase('authority-host').toUpperCase()}`]: i['authority-host'],
  };
  for (const [k, v] of Object.entries(step.inputs)) {
    env[`INPUT_${k.toUpperCase()}`] = k === 'azureServiceConnection' ? connection : expand(String(v));
  }
  return run(doorRuntime(), [path.join(projectRoot, 'dist/azure-pipelines/index.js')], {
    cwd: dir,
    env,
  }).then(
    (x) => ({ exitCode: 0, stdout: x.stdout }),
    (e: { code: number; stdout: string }) => ({ exitCode: e.code, stdout: e.stdout }),
  );
}

let adoClientId: string;
/** A task output: the task names outputs in camelCase (task.json), older bundles in kebab-case. */
const output = (stdout: string, name: string) =>
  [name, camelCase(name)]
    .map(
      (n) =>
        new RegExp(`##vso\\[task\\.setvariable variable=${n};isOutput=true;[^\\]]*\\](.*)`).exec(stdout)?.[1],
    )
    .find((v) => v !== undefined);

describe('Azure Pipelines examples (examples/azure-pipelines) through the bundled task', () => {
  beforeAll(() => {
    adoClientId = registerPipelinesApp(bed, '6c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
  });

  const variables = () => {
    const i = bed.inputs();
    return {
      GOGS_URL: i['gogs-url'],
      GOGS_REPOSITORY: i.repository,
      GOGS_CA_FILE: i['gogs-ca-file'],
      GOGS_TOKEN: bed.gogs.bot.token,
      GOGS_WRITE_TOKEN: bed.gogs.admin.token,
      AZURE_SUBSCRIPTION_ID: i['subscription-id'],
      AZURE_RESOURCE_GROUP: i['resource-group'],
      APIM_SERVICE_NAME: i['service-name'],
    };
  };
  const steps = async (name: string) => {
    const found = taskSteps(YAML.parse(await readFile(path.join(examples, 'azure-pipelines', name), 'utf8')));
    expect(found.length).toBeGreaterThan(0);
    return found;
  };

  test('pr-validation, deploy-on-push, release-gate and nightly-drift succeed in order against the bed', async () => {
    const echo = readFileSync(
      path.join(projectRoot, 'test/fixtures/policy-repo/apis/echo-api/policy.xml'),
      'utf8',
    );
    await bed.gogs.commit(
      { 'apis/echo-api/policy.xml': echo.replace('calls="20"', 'calls="25"') },
      'Raise the limit',
      'example-pr-ado',
    );
    const number = await bed.gogs.openPullRequest('example-pr-ado', 'main', 'Raise the limit (ADO)');
    for (const step of await steps('pr-validation.yml')) {
      const r = await runTaskStep(step, variables(), {
        head: 'example-pr-ado',
        base: 'main',
        number: String(number),
      });
      expect({ exitCode: r.exitCode, tail: r.exitCode ? r.stdout.slice(-2000) : '' }).toEqual({
        exitCode: 0,
        tail: '',
      });
      expect(output(r.stdout, 'changes')).toMatch(/^\d+$/);
    }
    let sha = '';
    for (const step of await steps('deploy-on-push.yml')) {
      const r = await runTaskStep(step, variables(), {});
      expect({ exitCode: r.exitCode, tail: r.exitCode ? r.stdout.slice(-2000) : '' }).toEqual({
        exitCode: 0,
        tail: '',
      });
      sha = output(r.stdout, 'commit-sha') ?? '';
    }
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    for (const step of await steps('release-gate.yml')) {
      const r = await runTaskStep(step, variables(), { ref: sha });
      expect(r.exitCode).toBe(0);
      expect(output(r.stdout, 'drift')).toBe('false');
    }
    for (const step of await steps('nightly-drift.yml')) {
      const r = await runTaskStep(step, variables(), {});
      expect(r.exitCode).toBe(0);
    }
  });

  testIfExtract('onboard-extract pushes a branch and sets the compare link', async () => {
    for (const step of await steps('onboard-extract.yml')) {
      const r = await runTaskStep(step, variables(), {});
      expect(r.exitCode).toBe(0);
      expect(output(r.stdout, 'compare-url')).toContain('/compare/main...');
    }
  });
});
