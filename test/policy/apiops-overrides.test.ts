import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { desiredState } from '../../src/deploy/desired.js';
import { mergeOverride } from '../../src/policy/apiops-config.js';
import { loadEnvironmentRepository } from '../../src/policy/environment.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { validateRepository } from '../../src/validate/index.js';
import { sharedDir } from '../support/shared.js';

/** A policy that sets a header; the global one has no <base /> (there is no parent). */
const policy = (marker: string, base = '<base />') =>
  `<policies><inbound>${base}<set-header name="x-where" exists-action="override"><value>${marker}</value></set-header></inbound><backend>${base || '<forward-request />'}</backend><outbound>${base}</outbound><on-error>${base}</on-error></policies>`;
const globalPolicy = (marker: string) => policy(marker, '');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-apiops-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(rel: string, text: string | object): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), typeof text === 'string' ? text : JSON.stringify(text, null, 2));
}

/** An APIOps repository: artifacts in apimartifacts/, the configuration file at the root. */
async function apiopsRepository(): Promise<void> {
  await put('apimartifacts/policy.xml', globalPolicy('global-dev'));
  await put('apimartifacts/apis/orders/policy.xml', policy('orders-dev'));
  await put('apimartifacts/apis/orders;rev=2/policy.xml', policy('orders-rev2-dev'));
  await put('apimartifacts/apis/orders/operations/get-order/policy.xml', policy('get-order-dev'));
  await put('apimartifacts/products/gold/policy.xml', policy('gold-dev'));
  await put(
    'apimartifacts/policy fragments/audit/policy.xml',
    '<fragment><set-variable name="a" value="dev" /></fragment>',
  );
  await put('apimartifacts/policy fragments/audit/policyFragmentInformation.json', {
    properties: { description: 'dev audit' },
  });
  await put('apimartifacts/named values/region/namedValueInformation.json', {
    properties: { displayName: 'region', value: 'westeurope-dev', tags: ['geo'], secret: false },
  });
  await put('apimartifacts/backends/orders-backend/backendInformation.json', {
    properties: {
      url: 'https://orders.dev.example',
      protocol: 'http',
      credentials: { header: { 'x-env': ['dev'] }, query: { code: ['{{orders-code}}'] } },
    },
  });
}

const PROD = `apimServiceName: apim-prod
namedValues:
  - name: Region
    properties:
      value: "{#prodRegion#}"
backends:
  - name: orders-backend
    properties:
      url: https://orders.prod.example
      credentials:
        header:
          x-env: [prod]
policyFragments:
  - name: audit
    properties:
      description: prod audit
servicePolicies:
  - name: policy
    properties:
      format: rawxml
      value: '${globalPolicy('global-prod')}'
apis:
  - name: orders
    properties:
      displayName: Orders (prod)
    diagnostics:
      - name: applicationinsights
    policies:
      - name: policy
        properties:
          value: '${policy('orders-prod')}'
    operations:
      - name: GET-ORDER
        policies:
          - name: policy
            properties:
              value: '${policy('get-order-prod')}'
products:
  - name: gold
    policies:
      - name: policy
        properties:
          value: '${policy('gold-prod')}'
loggers:
  - name: appinsights
    properties:
      loggerType: applicationInsights
  - name: eventhub
namedValues_unused: []
`;

test("configuration.<env>.yaml overrides named values, backends, fragments and policies at every scope, as APIOps' publisher merges them", async () => {
  await apiopsRepository();
  await put('configuration.prod.yaml', PROD);
  const env = await loadEnvironmentRepository(dir, {
    artifactsPath: 'apimartifacts',
    environment: 'prod',
    vars: { prodRegion: 'westeurope' },
  });
  const desired = desiredState(env.repository, env.templateValues);
  expect(desired.diagnostics).toEqual([]);
  const byKey = new Map(desired.resources.map((r) => [r.ref.key, r.properties]));
  // Names match case-insensitively (Region, GET-ORDER); a token comes from the variables.
  expect(byKey.get('namedValues/region')).toEqual({
    displayName: 'region',
    secret: false,
    value: 'westeurope',
    tags: ['geo'],
  });
  // Objects merge key by key, lists replace: query credentials stay, the header list is replaced.
  expect(byKey.get('backends/orders-backend')).toEqual({
    url: 'https://orders.prod.example',
    protocol: 'http',
    credentials: { header: { 'x-env': ['prod'] }, query: { code: ['{{orders-code}}'] } },
  });
  expect(byKey.get('policyFragments/audit')?.description).toBe('prod audit');
  expect(byKey.get('policies/policy')?.value).toContain('global-prod');
  expect(byKey.get('apis/orders/policies/policy')?.value).toContain('orders-prod');
  // An API entry applies to the API's revisions too (the publisher looks revisions up by root name).
  expect(byKey.get('apis/orders%3Brev%3D2/policies/policy')?.value).toContain('orders-prod');
  expect(byKey.get('apis/orders/operations/get-order/policies/policy')?.value).toContain('get-order-prod');
  expect(byKey.get('products/gold/policies/policy')?.value).toContain('gold-prod');
  // What apim-gogs does not manage is said once, not silently dropped.
  expect(env.apiops?.warnings).toHaveLength(1);
  expect(env.apiops?.warnings[0]).toMatch(
    /ignored: apimServiceName, apis\[\]\.properties, apis\[\]\.diagnostics, loggers \(2\), namedValues_unused/,
  );
  // The overridden repository is what validate checks.
  const result = await validateRepository({
    root: dir,
    repository: env.repository,
    templateValues: env.templateValues,
  });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

test('overrides that name nothing in the repository are reported, and a missing token names its line', async () => {
  await apiopsRepository();
  await put('configuration.test.yaml', 'namedValues:\n  - name: nope\n    properties:\n      value: x\n');
  const env = await loadEnvironmentRepository(dir, { artifactsPath: 'apimartifacts', environment: 'test' });
  expect(env.apiops?.warnings).toEqual([expect.stringMatching(/namedValues 'nope' \(line 2\)/)]);

  await put('configuration.prod.yaml', PROD);
  const err = await loadEnvironmentRepository(dir, {
    artifactsPath: 'apimartifacts',
    environment: 'prod',
  }).catch((e: unknown) => e as ConfigurationError);
  expect(err).toBeInstanceOf(ConfigurationError);
  expect((err as ConfigurationError).message).toMatch(
    /configuration\.prod\.yaml:5: the token \{#prodRegion#\} has no value/,
  );
});

test('environments/<env>.yaml and configuration.<env>.yaml setting one value differently is an error; equal is fine', async () => {
  await put('backends/b1/backendInformation.json', {
    properties: { url: '#{backendUrl}#', protocol: 'http' },
  });
  await put('environments/prod.yaml', 'backendUrl: https://a.example\n');
  await put(
    'configuration.prod.yaml',
    'backends:\n  - name: b1\n    properties:\n      url: https://b.example\n',
  );
  const err = await loadEnvironmentRepository(dir, { environment: 'prod' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigurationError);
  expect((err as Error).message).toMatch(
    /backend 'b1' url: backends\/b1\/backendInformation.json gives 'https:\/\/a.example' through #\{backendUrl\}#, configuration.prod.yaml:2 gives 'https:\/\/b.example'/,
  );

  await put(
    'configuration.prod.yaml',
    'backends:\n  - name: b1\n    properties:\n      url: https://a.example\n',
  );
  const env = await loadEnvironmentRepository(dir, { environment: 'prod' });
  expect(desiredState(env.repository, env.templateValues).resources[0].properties.url).toBe(
    'https://a.example',
  );

  // A policy whose placeholders the environment file fills, replaced whole by the configuration.
  await put('policy.xml', globalPolicy('#{region}#'));
  await put('environments/prod.yaml', 'backendUrl: https://a.example\nregion: eu\n');
  await put(
    'configuration.prod.yaml',
    `servicePolicies:\n  - name: policy\n    properties:\n      value: '${globalPolicy('us')}'\n`,
  );
  await expect(loadEnvironmentRepository(dir, { environment: 'prod' })).rejects.toThrow(
    /replaces the whole policy/,
  );
});

test('the configuration file may sit in the artifacts folder; a secret given a value by it is refused like one in a file', async () => {
  await put('apim/named values/api-key/namedValueInformation.json', {
    properties: { displayName: 'api-key', secret: true },
  });
  await put(
    'apim/configuration.prod.yaml',
    'namedValues:\n  - name: api-key\n    properties:\n      value: "{#apiKey#}"\n',
  );
  const env = await loadEnvironmentRepository(dir, {
    artifactsPath: 'apim',
    environment: 'prod',
    vars: { apiKey: 'k' },
  });
  expect(env.apiops?.file).toBe('apim/configuration.prod.yaml');
  expect(desiredState(env.repository, env.templateValues).diagnostics.map((d) => d.ruleId)).toEqual([
    'deploy/secret-in-repository',
  ]);
});

test('the merge is the publisher merge: nested objects merge, scalars, lists and null replace', () => {
  expect(
    mergeOverride({ a: 1, o: { x: 1, y: [1, 2] }, keep: 'k' }, { a: 2, o: { y: [3], z: null }, added: true }),
  ).toEqual({ a: 2, o: { x: 1, y: [3], z: null }, keep: 'k', added: true });
});

const sample = path.join(sharedDir, 'reference', 'apiops-sample');
(existsSync(sample) ? test : test.skip)(
  "the APIOps sample's configuration.prod.yaml loads; what apim-gogs does not manage is listed once",
  async () => {
    const env = await loadEnvironmentRepository(sample, {
      artifactsPath: 'SampleArtifacts',
      environment: 'prod',
    });
    expect(env.apiops?.file).toBe('configuration.prod.yaml');
    expect(env.apiops?.warnings[0]).toMatch(
      /ignored: .*loggers.*diagnostics.*gateways.*versionSets.*workspaces/,
    );
    const result = await validateRepository({
      root: sample,
      repository: env.repository,
      templateValues: env.templateValues,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  },
);
