import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startBed, type Bed } from '../bed/bed.js';
import { policyRepoFixture, projectRoot, tlsDir } from '../bed/paths.js';
import { editApiPolicyInPortal, liveApiPolicy } from '../support/portal-edit.js';
import { annotations, describeAct, runWorkflow, type WorkflowRun, type WorkflowRunOptions } from './act.js';

// Real workflow files (test/act/workflows) run by a real GitHub Actions engine, nektos/act, on the
// host: the bundled action (action.yml + dist/) against the real Gogs bed and the emulated APIM, with
// OIDC from the emulator's GitHub token service. Everything is read from act's own output: step
// results, outputs as act recorded them, the job summary, masking, the post step and the job status.
let bed: Bed;

const writes = () => bed.azure.requests().filter((r) => ['PUT', 'PATCH', 'DELETE'].includes(r.method));
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;
const fixture = (file: string) => readFile(path.join(policyRepoFixture, file), 'utf8');

function run(
  workflow: string,
  event: string,
  extra: { vars?: Record<string, string>; payload?: unknown } = {},
): Promise<WorkflowRun> {
  const i = bed.inputs();
  const options: WorkflowRunOptions = {
    workflow,
    event,
    payload: extra.payload,
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
      ...extra.vars,
    },
    secrets: { GOGS_TOKEN: bed.gogs.bot.token },
    env: {
      // What the runner gives a job with `permissions: id-token: write`, pointed at the emulator.
      ...bed.runnerEnv(),
      // The emulated APIM speaks TLS with the bed's CA, as a private CA would be trusted on a runner.
      NODE_EXTRA_CA_CERTS: path.join(tlsDir, 'ca.pem'),
      APIM_GOGS_ACTION: projectRoot,
    },
  };
  return runWorkflow(options);
}

/** The Gogs token (raw and as git's Basic credential) and every JWT stay out of what act shows. */
function expectMasked(r: WorkflowRun) {
  const basic = Buffer.from(`${bed.gogs.bot.token}:`).toString('base64');
  expect(r.log.includes(bed.gogs.bot.token)).toBe(false);
  expect(r.log.includes(basic)).toBe(false);
  expect(r.log).not.toMatch(JWT);
  // act consumed the action's ::add-mask:: commands (it shows them as ***), none leaked as text.
  expect(r.log).toMatch(/⚙\s+\*\*\*/u);
  expect(r.log).not.toContain('::add-mask::');
}

describeAct('workflows run by nektos/act', () => {
  beforeAll(async () => {
    bed = await startBed();
  });
  afterAll(() => bed?.stop());

  test('pull request: plans, comments once on the Gogs pull request (updated in place), writes nothing to APIM', async () => {
    // main has a finding the pull request does not touch: no <base /> in the product's outbound.
    const starter = await fixture('products/starter/policy.xml');
    await bed.gogs.commit(
      {
        'products/starter/policy.xml': starter.replace(
          /<outbound>\s*<base \/>\s*<\/outbound>/,
          '<outbound />',
        ),
      },
      'Starter product: no outbound base',
    );
    const echo = await fixture('apis/echo-api/policy.xml');
    await bed.gogs.commit(
      { 'apis/echo-api/policy.xml': echo.replace('calls="20"', 'calls="40"') },
      'Raise the echo rate limit',
      'raise-limit',
    );
    const number = await bed.gogs.openPullRequest('raise-limit', 'main', 'Raise the echo rate limit');
    const payload = { pull_request: { number, head: { ref: 'raise-limit' }, base: { ref: 'main' } } };
    bed.azure.github.setContext({ ref: `refs/pull/${number}/merge`, eventName: 'pull_request' });
    try {
      bed.azure.clearRequests();
      const first = await run('pull-request.yml', 'pull_request', { payload });
      expect(first.job).toBe('succeeded');
      expect(first.exitCode).toBe(0);
      expect(first.steps.get('Main Plan the pull request')).toBe('Success');
      expect(first.steps.get('Post Plan the pull request')).toBe('Success');
      expect(Number(first.outputs.changes)).toBeGreaterThan(0);
      expect(first.log).toContain(`The pull request changes ${first.outputs.changes} resource(s)`);
      // Annotations reach the engine for the changed file only.
      const annotated = annotations(first.log).map((a) => a.properties.file);
      expect(annotated).toContain('apis/echo-api/policy.xml');
      expect(annotated).not.toContain('products/starter/policy.xml');
      expect(first.summary).toContain('apim-gogs');
      expect(first.summary).toContain('apis/echo-api/policies/policy');
      expectMasked(first);

      const again = await run('pull-request.yml', 'pull_request', { payload });
      expect(again.job).toBe('succeeded');
      const comments = (await bed.gogs.api(
        'GET',
        `repos/${bed.gogs.repository}/issues/${number}/comments`,
      )) as { body: string }[];
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toMatch(/echo-api/);
      expect(comments[0].body.includes(bed.gogs.bot.token)).toBe(false);
      expect(bed.azure.requests().length).toBeGreaterThan(0); // it did read APIM to plan
      expect(writes()).toEqual([]);
    } finally {
      bed.azure.github.setContext({ ref: 'refs/heads/main', eventName: 'push' });
    }
  });

  test('push: deploys, a later step reads steps.apim.outputs.commit-sha, the post step runs; a rerun writes nothing', async () => {
    const sha = await bed.gogs.commit({ 'README.md': 'APIM policies\n' }, 'Describe the repository');
    bed.azure.clearRequests();
    const deploy = await run('push.yml', 'push');
    expect(deploy.job).toBe('succeeded');
    expect(deploy.exitCode).toBe(0);
    expect(deploy.log).toMatch(/Node\.js for node24 actions: v24\./); // the runtime action.yml declares
    expect(deploy.outputs['commit-sha']).toBe(sha);
    expect(deploy.log).toContain(`Deployed commit ${sha} with ${deploy.outputs.changes} change(s)`);
    expect(Number(deploy.outputs.changes)).toBeGreaterThan(0);
    expect(writes().length).toBeGreaterThan(0);
    expect(deploy.summary).toContain('apim-gogs deploy: succeeded');
    expect(deploy.summary).toContain(sha);
    expectMasked(deploy);
    // The post step ran after the job's last step, with the main step's saved state: it found and
    // removed the credential header a later step left in the checkout.
    expect(deploy.steps.get('Post Deploy policies')).toBe('Success');
    expect(deploy.log).toMatch(/Removed http\.https:\/\/gogs\.invalid\/\.extraheader from \S+apim-policies/);
    const order = ['Main Leave a header in the checkout', 'Post Deploy policies'].map((s) =>
      [...deploy.steps.keys()].indexOf(s),
    );
    expect(order[0]).toBeLessThan(order[1]);

    bed.azure.clearRequests();
    const rerun = await run('push.yml', 'push');
    expect(rerun.job).toBe('succeeded');
    expect(rerun.outputs.changes).toBe('0');
    expect(writes()).toEqual([]);
  });

  test('push of a broken policy: the job fails at validation with a file:line annotation, before any write', async () => {
    await bed.gogs.commit(
      {
        'apis/echo-api/operations/get-echo/policy.xml':
          '<policies>\n  <inbound>\n    <base />\n    <rate-limit calls="5" />\n  </inbound>\n</policies>\n',
      },
      'Broken operation policy',
      'broken',
    );
    bed.azure.clearRequests();
    const r = await run('push.yml', 'push', { vars: { POLICY_REF: 'broken' } });
    expect(r.job).toBe('failed');
    expect(r.exitCode).not.toBe(0);
    expect(r.steps.get('Main Deploy policies')).toBe('Failure');
    // A failed step skips the steps after it; the post step still runs.
    expect(r.steps.has('Main Announce the deployment')).toBe(false);
    expect(r.steps.get('Post Deploy policies')).toBe('Success');
    expect(annotations(r.log)).toContainEqual({
      level: 'error',
      properties: expect.objectContaining({
        file: 'apis/echo-api/operations/get-echo/policy.xml',
        line: '4',
      }),
      message: expect.stringContaining("The required attribute 'renewal-period' is missing."),
    });
    expect(annotations(r.log)).toContainEqual({
      level: 'error',
      properties: {},
      message: expect.stringMatching(/nothing was (deployed|sent to APIM)/),
    });
    expect(writes()).toEqual([]);
  });

  test('environment templates: a placeholder without a value fails the job; the prod values deploy', async () => {
    const echo = (await fixture('apis/echo-api/policy.xml')).replace('calls="20"', 'calls="#{echoRate}#"');
    await bed.gogs.commit(
      {
        'apis/echo-api/policy.xml': echo,
        'environments/prod.yaml': 'echoRate: 55\n',
        'environments/test.yaml': 'other: 1\n',
      },
      'Rate limit per environment',
      'templated',
    );
    bed.azure.clearRequests();
    const missing = await run('push.yml', 'push', {
      vars: { POLICY_REF: 'templated', APIM_ENVIRONMENT: 'test' },
    });
    expect(missing.job).toBe('failed');
    expect(annotations(missing.log)).toContainEqual({
      level: 'error',
      properties: expect.objectContaining({
        file: 'apis/echo-api/policy.xml',
        line: '4',
        title: expect.stringContaining('template/unresolved-placeholder'),
      }),
      message: expect.stringContaining("Environment placeholder '#{echoRate}#' has no value"),
    });
    expect(writes()).toEqual([]);

    const prod = await run('push.yml', 'push', {
      vars: { POLICY_REF: 'templated', APIM_ENVIRONMENT: 'prod' },
    });
    expect(prod.job).toBe('succeeded');
    expect(await liveApiPolicy(bed, 'echo-api')).toMatch(/calls="55"/);
  });

  test('release gate: passes while APIM matches the commit; after a portal edit verify fails the job and the promotion never runs', async () => {
    const sha = await bed.gogs.commit({ 'README.md': 'APIM policies, release 2\n' }, 'Release 2');
    expect((await run('push.yml', 'push')).job).toBe('succeeded');

    const clean = await run('release-gate.yml', 'workflow_dispatch', { payload: { inputs: { ref: sha } } });
    expect(clean.job).toBe('succeeded');
    expect(clean.outputs.drift).toBe('false');
    expect(clean.log).toContain(`Promoting ${sha}`);
    expect(clean.steps.has('Main Show the drift')).toBe(false);

    await editApiPolicyInPortal(
      bed,
      'orders-api',
      '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
    );
    const drift = await run('release-gate.yml', 'workflow_dispatch', { payload: { inputs: { ref: sha } } });
    expect(drift.job).toBe('failed');
    expect(drift.exitCode).not.toBe(0);
    expect(drift.steps.get('Main Verify live APIM')).toBe('Failure');
    expect(drift.outputs.drift).toBe('true');
    expect(drift.steps.has('Main Promote')).toBe(false);
    expect(drift.log).not.toContain(`Promoting ${sha}`);
    // `if: failure()` ran with the failed step's outputs: the drift report names the edited API.
    expect(drift.steps.get('Main Show the drift')).toBe('Success');
    expect(drift.log).toMatch(/Live APIM differs from the commit:[\s\S]*orders-api/);
    expect(drift.summary).toContain('orders-api');
    expectMasked(drift);
  });
});
