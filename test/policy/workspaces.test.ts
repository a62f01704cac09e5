import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { desiredState } from '../../src/deploy/desired.js';
import { loadArtifacts } from '../../src/policy/artifacts.js';
import { validateRepository } from '../../src/validate/index.js';

const sections = (inbound: string, base = '<base />') =>
  `<policies>\n  <inbound>\n    ${base}\n    ${inbound}\n  </inbound>\n  <backend>\n    ${base || '<forward-request />'}\n  </backend>\n  <outbound>\n    ${base}\n  </outbound>\n  <on-error>\n    ${base}\n  </on-error>\n</policies>\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-workspaces-'));
  const files: Record<string, string> = {
    'policy.xml': sections(
      '<set-header name="x-global" exists-action="override"><value>1</value></set-header>',
      '',
    ),
    // A service API and a workspace API with the same id: two different resources.
    'apis/orders/policy.xml': sections('<rate-limit calls="10" renewal-period="60" />'),
    'workspaces/team-a/policy.xml': sections('<rate-limit calls="100" renewal-period="60" />'),
    'workspaces/team-a/apis/orders/policy.xml': sections(
      '<set-header name="x-team" exists-action="override"><value>{{team-a-name}}</value></set-header>\n    <include-fragment fragment-id="team-a-cors" />',
    ),
    'workspaces/team-a/apis/orders/operations/get-order/policy.xml': sections(
      '<set-backend-service backend-id="team-a-backend" />',
    ),
    'workspaces/team-a/products/team-a-gold/policy.xml': sections(
      '<quota calls="1000" renewal-period="3600" />',
    ),
    'workspaces/team-a/policy fragments/team-a-cors/policy.xml':
      '<fragment>\n  <cors>\n    <allowed-origins><origin>https://a.example</origin></allowed-origins>\n    <allowed-methods><method>GET</method></allowed-methods>\n  </cors>\n</fragment>\n',
    'workspaces/team-a/policy fragments/team-a-cors/policyFragmentInformation.json':
      '{"properties":{"description":"CORS of team A"}}',
    'workspaces/team-a/named values/team-a-name/namedValueInformation.json':
      '{"properties":{"displayName":"team-a-name","value":"Team A","secret":false}}',
    'workspaces/team-a/backends/team-a-backend/backendInformation.json':
      '{"properties":{"url":"https://a.example","protocol":"http"}}',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('workspaces/<ws>/… is read with the workspace and the scope each file has there', async () => {
  const repo = await loadArtifacts(dir);
  const placed = repo.policies.map((p) => [
    p.file,
    p.scope,
    p.workspaceId ?? '-',
    p.apiId ?? p.productId ?? p.fragmentId ?? '',
  ]);
  expect(placed).toEqual([
    ['apis/orders/policy.xml', 'api', '-', 'orders'],
    ['policy.xml', 'global', '-', ''],
    ['workspaces/team-a/apis/orders/operations/get-order/policy.xml', 'operation', 'team-a', 'orders'],
    ['workspaces/team-a/apis/orders/policy.xml', 'api', 'team-a', 'orders'],
    ['workspaces/team-a/policy fragments/team-a-cors/policy.xml', 'fragment', 'team-a', 'team-a-cors'],
    ['workspaces/team-a/policy.xml', 'workspace', 'team-a', ''],
    ['workspaces/team-a/products/team-a-gold/policy.xml', 'product', 'team-a', 'team-a-gold'],
  ]);
  expect(repo.namedValues.map((n) => [n.id, n.workspaceId])).toEqual([['team-a-name', 'team-a']]);
  expect(repo.backends.map((b) => [b.id, b.workspaceId])).toEqual([['team-a-backend', 'team-a']]);
  expect(repo.fragments.map((f) => [f.id, f.workspaceId])).toEqual([['team-a-cors', 'team-a']]);
});

test('validate: workspace policies may use <base />, references resolve within the workspace, the workspace level is in the chain', async () => {
  const result = await validateRepository({ root: dir });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // The service API and the workspace API of the same id are not "two files for one resource".
  expect(result.diagnostics.filter((d) => /one resource|identity/i.test(d.message))).toEqual([]);
  // The workspace API's effective policy runs global -> workspace -> API: the workspace's rate limit counts.
  const rate = result.diagnostics.filter((d) => d.ruleId === 'rate-limit-required').map((d) => d.file);
  expect(rate).not.toContain('workspaces/team-a/apis/orders/policy.xml');
});

test('workspace resources deploy to the workspace, never to the service-level resource of the same id', async () => {
  const desired = desiredState(await loadArtifacts(dir));
  const keys = desired.resources.map((r) => r.ref.key);
  expect(keys).toEqual(expect.arrayContaining(['apis/orders/policies/policy', 'policies/policy']));
  // Every workspace file has its own key below workspaces/team-a/, the API of the same id included.
  expect(keys.filter((k) => k.startsWith('workspaces/team-a/')).sort()).toEqual(
    expect.arrayContaining([
      'workspaces/team-a/apis/orders/policies/policy',
      'workspaces/team-a/policies/policy',
      'workspaces/team-a/policyFragments/team-a-cors',
      'workspaces/team-a/namedValues/team-a-name',
      'workspaces/team-a/backends/team-a-backend',
      'workspaces/team-a/products/team-a-gold/policies/policy',
    ]),
  );
  expect(keys.filter((k) => !k.startsWith('workspaces/')).sort()).toEqual([
    'apis/orders/policies/policy',
    'policies/policy',
  ]);
  expect(desired.resources.every((r) => r.ref.key.startsWith('workspaces/') === !!r.ref.workspaceId)).toBe(
    true,
  );
  expect(desired.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});
