import { readFile } from 'node:fs/promises';
import { startBed, type Bed } from '../bed/bed.js';
import { node24Binary } from '../bed/paths.js';
import { SimulatedRunner, type ActionRun } from '../support/github-actions-env.js';
import { requestGitHubIdToken } from '../support/github-id-token.js';
import { filesContaining, visibleLog } from '../support/secret-scan.js';

// The bundled action (dist/index.js) with a simulated GitHub runner: real Gogs repository ->
// checkout -> validate -> plan -> deploy to the emulated APIM -> verify, and a pull request check.
let bed: Bed;
beforeAll(async () => {
  bed = await startBed();
});
afterAll(() => bed?.stop());

const writes = () => bed.azure.requests().filter((r) => ['PUT', 'PATCH', 'DELETE'].includes(r.method));
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;

function expectNoSecrets(run: ActionRun) {
  for (const text of [visibleLog(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs)]) {
    expect(text.includes(bed.gogs.bot.token)).toBe(false);
    expect(text).not.toMatch(JWT); // no OIDC or access token, whole or in part
  }
}

async function runAction(mode: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  const runner = await SimulatedRunner.create();
  // node24 is what GitHub starts the action with; this machine's node where it cannot be installed.
  return runner.run('dist/index.js', { ...bed.inputs(), mode, ...extra }, bed.runnerEnv(), node24Binary);
}

test('a pull request check plans, comments on the Gogs pull request, and writes nothing to APIM', async () => {
  // main already has a finding the pull request does not touch: no <base /> in the product's outbound.
  const starter = await readFile('test/fixtures/policy-repo/products/starter/policy.xml', 'utf8');
  await bed.gogs.commit(
    {
      'products/starter/policy.xml': starter.replace(/<outbound>\s*<base \/>\s*<\/outbound>/, '<outbound />'),
    },
    'Starter product: no outbound base',
  );
  await bed.gogs.commit(
    {
      'apis/echo-api/policy.xml': (
        await readFile('test/fixtures/policy-repo/apis/echo-api/policy.xml', 'utf8')
      ).replace('calls="20"', 'calls="40"'),
    },
    'Raise the echo rate limit',
    'raise-limit',
  );
  const pr = await bed.gogs.openPullRequest('raise-limit', 'main', 'Raise the echo rate limit');
  bed.azure.github.setContext({ ref: 'refs/pull/1/merge', eventName: 'pull_request' });
  bed.azure.clearRequests();
  const first = await runAction('plan', { ref: 'raise-limit', 'pull-request': String(pr) });
  expect(first.stderr).toBe('');
  expect(first.exitCode).toBe(0);
  expect(Number(first.outputs.changes)).toBeGreaterThan(0);
  expect(writes()).toEqual([]);
  expectNoSecrets(first);
  // The whole repository is checked, but only the files the pull request changes are annotated.
  expect(first.stdout).toMatch(/::warning [^\n]*file=apis\/echo-api\/policy\.xml/);
  expect(first.stdout).not.toMatch(/::warning [^\n]*file=products\/starter\/policy\.xml/);
  expect(first.stdout).toContain(
    '1 finding(s) in files this pull request does not change are not annotated.',
  );
  expect(first.stdout).toMatch(/products\/starter\/policy\.xml\n\s+\d+:\d+\s+warning/); // still in the report

  const again = await runAction('plan', { ref: 'raise-limit', 'pull-request': String(pr) });
  expect(again.exitCode).toBe(0);
  const comments = (await bed.gogs.api('GET', `repos/${bed.gogs.repository}/issues/${pr}/comments`)) as {
    body: string;
  }[];
  expect(comments).toHaveLength(1); // updated in place, not repeated
  expect(comments[0].body).toContain('apim-gogs');
  expect(comments[0].body).toMatch(/echo-api/);
  expect(writes()).toEqual([]);
  bed.azure.github.setContext({ ref: 'refs/heads/main', eventName: 'push' });
});

test('deploys the commit to APIM, then verify passes; a rerun writes nothing; live drift fails verify', async () => {
  const sha = await bed.gogs.commit({ 'README.md': 'APIM policies\n' }, 'Describe the repository');
  bed.azure.clearRequests();
  const deploy = await runAction('deploy');
  expect(deploy.stderr).toBe('');
  expect(deploy.exitCode).toBe(0);
  expect(deploy.outputs['commit-sha']).toBe(sha);
  expect(Number(deploy.outputs.changes)).toBeGreaterThan(0);
  expect(writes().length).toBeGreaterThan(0);
  const record = JSON.parse(await readFile(deploy.outputs.record, 'utf8'));
  expect(JSON.stringify(record)).toContain(sha);
  expect(deploy.summary).toContain(sha);
  expectNoSecrets(deploy);
  expect(await filesContaining(deploy.workspace, [bed.gogs.bot.token])).toEqual([]);
  // The plan and the deployment record (in the runner's temp folder) hold no token of any kind either.
  for (const file of [deploy.outputs.plan, deploy.outputs.record]) {
    const text = await readFile(file, 'utf8');
    expect(text.includes(bed.gogs.bot.token)).toBe(false);
    expect(text).not.toMatch(JWT);
  }

  const verify = await runAction('verify');
  expect(verify.exitCode).toBe(0);
  expect(verify.outputs.drift).toBe('false');

  bed.azure.clearRequests();
  const rerun = await runAction('deploy');
  expect(rerun.exitCode).toBe(0);
  expect(rerun.outputs.changes).toBe('0');
  expect(writes()).toEqual([]);

  // Someone edits the API policy in the portal: the release gate notices.
  const url = `${bed.azure.armEndpoint}${bed.azure.serviceId}/apis/orders-api/policies/policy?api-version=2024-05-01`;
  const token = await adminToken();
  const res = await fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '*' },
    body: JSON.stringify({
      properties: {
        format: 'rawxml',
        value:
          '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>',
      },
    }),
  });
  expect(res.status).toBeLessThan(300);
  const drift = await runAction('verify');
  expect(drift.exitCode).toBe(1);
  expect(drift.outputs.drift).toBe('true');
  expect(drift.stdout).toContain('orders-api');
});

test('validation errors stop a deployment before any write, with file and line annotations', async () => {
  await bed.gogs.commit(
    {
      'apis/echo-api/operations/get-echo/policy.xml':
        '<policies>\n  <inbound>\n    <base />\n    <rate-limit calls="5" />\n  </inbound>\n</policies>\n',
    },
    'Broken operation policy',
    'broken',
  );
  bed.azure.clearRequests();
  const run = await runAction('deploy', { ref: 'broken' });
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toMatch(
    /::error (title=[^,]+,)?file=apis\/echo-api\/operations\/get-echo\/policy\.xml,line=4/,
  );
  expect(run.stdout).toContain('nothing was deployed');
  expect(writes()).toEqual([]);
});

test('environment templates: rendered per environment; a placeholder without a value stops before any write', async () => {
  const echo = (await readFile('test/fixtures/policy-repo/apis/echo-api/policy.xml', 'utf8')).replace(
    'calls="20"',
    'calls="#{echoRate}#"',
  );
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
  const missing = await runAction('deploy', { ref: 'templated', environment: 'test' });
  expect(missing.exitCode).toBe(1);
  expect(missing.stdout).toMatch(
    /::error title=template\/unresolved-placeholder[^:]*,file=apis\/echo-api\/policy\.xml,line=4,[^:]*::Environment placeholder '#\{echoRate\}#' has no value/,
  );
  // Reported once, as the placeholder it is, not again as a bad 'calls' value.
  expect(missing.stdout).not.toMatch(/policy-attribute[^\n]*echoRate/);
  expect(writes()).toEqual([]);

  const prod = await runAction('deploy', { ref: 'templated', environment: 'prod' });
  expect(prod.exitCode).toBe(0);
  const url = `${bed.azure.armEndpoint}${bed.azure.serviceId}/apis/echo-api/policies/policy?api-version=2024-05-01&format=rawxml`;
  const live = (await (
    await fetch(url, { headers: { authorization: `Bearer ${await adminToken()}` } })
  ).json()) as {
    properties: { value: string };
  };
  expect(live.properties.value).toMatch(/calls="55"/);
});

/** An access token for a second, human-like principal, as a portal edit would carry. */
async function adminToken(): Promise<string> {
  const { ClientAssertionCredential } = await import('@azure/identity');
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = bed.azure.github.requestUrl;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = bed.azure.github.requestToken;
  const idToken = () => requestGitHubIdToken('api://AzureADTokenExchange');
  const cred = new ClientAssertionCredential(bed.azure.tenantId, bed.clientId, idToken, {
    authorityHost: bed.azure.authorityHost,
    disableInstanceDiscovery: true,
  });
  return (await cred.getToken('https://management.azure.com/.default'))!.token;
}
