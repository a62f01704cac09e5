import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyPlan, planDeployment, policiesEqual, verifyDeployment } from '../../src/deploy/index.js';
import { extractInstance } from '../../src/deploy/extract/index.js';
import { readApiOpsFolder } from '../../src/emulator/seed-apiops.js';
import { loadArtifacts } from '../../src/policy/artifacts.js';
import { hasShared, sharedDir } from '../support/shared.js';
import { commitA, fastRetry, globalPolicy, policy, startApimBed, type ApimBed } from './support.js';

/** Every file under `dir`, relative, sorted, with its content. */
async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else out.set(child, await readFile(path.join(dir, child), 'utf8'));
    }
  };
  await walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * An instance with the APIs and products of an APIOps folder and nothing else (apim-gogs deploys
 * policies, fragments, named values and backends, not APIs): what "an empty instance" is here.
 */
function apisAndProducts(folder: string) {
  const { apis, products } = readApiOpsFolder(folder);
  for (const a of Object.values(apis ?? {})) {
    delete a.policy;
    for (const o of Object.values(a.operations ?? {})) delete o.policy;
  }
  for (const p of Object.values(products ?? {})) delete p.policy;
  return { apis, products };
}

const source = { commit: commitA, ref: 'refs/heads/main', repository: 'https://gogs.test/org/policies' };
const temps: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-extract-'));
  temps.push(d);
  return d;
};
afterAll(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true });
});

/** An instance as a team has it: APIs with operations and revisions, products, every managed kind. */
const SEED = {
  policy: {
    value: globalPolicy(
      '<set-header name="x-env" exists-action="override"><value>{{env-name}}</value></set-header>',
    ),
    format: 'rawxml',
  },
  namedValues: {
    'env-name': { displayName: 'env-name', value: 'prod', secret: false, tags: ['env'] },
    'orders-key': { displayName: 'orders-key', value: 's3cr3t-value-never-written', secret: true },
    'kv-key': {
      displayName: 'kv-key',
      secret: true,
      keyVault: { secretIdentifier: 'https://vault.example/secrets/kv-key' },
    },
  },
  backends: { orders: { url: 'https://orders.example', protocol: 'http', description: 'Orders' } },
  policyFragments: {
    cors: {
      value:
        '<fragment>\n  <cors allow-credentials="false">\n    <allowed-origins><origin>https://app.example</origin></allowed-origins>\n    <allowed-methods><method>GET</method></allowed-methods>\n  </cors>\n</fragment>',
      format: 'rawxml',
      description: 'CORS for the app',
    },
  },
  apis: {
    orders: {
      displayName: 'Orders',
      path: 'orders',
      protocols: ['https'],
      policy: { value: policy('<include-fragment fragment-id="cors" />'), format: 'rawxml' },
      operations: {
        'get-order': {
          displayName: 'Get order',
          method: 'GET',
          urlTemplate: '/orders/{id}',
          templateParameters: [{ name: 'id', type: 'string', required: true }],
          policy: { value: policy('<set-backend-service backend-id="orders" />'), format: 'rawxml' },
        },
        'list-orders': { displayName: 'List orders', method: 'GET', urlTemplate: '/orders' },
      },
    },
    billing: { displayName: 'Billing', path: 'billing', protocols: ['https'] },
  },
  products: {
    gold: {
      displayName: 'Gold',
      subscriptionRequired: true,
      state: 'published',
      apis: ['orders'],
      policy: { value: policy('<rate-limit calls="100" renewal-period="60" />'), format: 'rawxml' },
    },
  },
};

describe('extract round trip against the emulator', () => {
  let bed: ApimBed;
  beforeAll(async () => {
    bed = await startApimBed({ seed: SEED });
  });
  afterAll(async () => bed?.close());

  it('writes the APIOps layout without secrets or provenance, and a plan of it against the same instance has zero changes', async () => {
    const conn = bed.connect();
    // First a deployment by apim-gogs, so live resources carry its provenance stamp.
    const seeded = await tempDir();
    await extractInstance({ connection: conn, root: seeded });
    const first = await planDeployment({ repository: await loadArtifacts(seeded), connection: conn, source });
    const deployed = await applyPlan({
      plan: first,
      connection: conn,
      identity: await bed.identity(),
      retry: fastRetry,
    });
    expect(deployed.exitCode).toBe(0);

    const root = await tempDir();
    const result = await extractInstance({ connection: conn, root, artifactsPath: 'apimartifacts' });
    const files = await tree(path.join(root, 'apimartifacts'));
    expect([...files.keys()]).toEqual([
      'apis/billing/apiInformation.json',
      'apis/orders/apiInformation.json',
      'apis/orders/operations/get-order/policy.xml',
      'apis/orders/policy.xml',
      'backends/orders/backendInformation.json',
      'named values/env-name/namedValueInformation.json',
      'named values/kv-key/namedValueInformation.json',
      'named values/orders-key/namedValueInformation.json',
      'policy fragments/cors/policy.xml',
      'policy fragments/cors/policyFragmentInformation.json',
      'policy.xml',
      'products/gold/apis/orders/productApiInformation.json',
      'products/gold/policy.xml',
      'products/gold/productInformation.json',
    ]);
    expect(result.files.every((f) => f.startsWith('apimartifacts/'))).toBe(true);
    const all = [...files.values()].join('\n');
    expect(all).not.toContain('s3cr3t-value-never-written');
    expect(all).not.toContain('apim-gogs:');
    expect(all).not.toContain('apim-gogs-commit-');
    expect(result.secretsWithoutKeyVault).toEqual(['orders-key']);
    expect(JSON.parse(files.get('named values/kv-key/namedValueInformation.json')!)).toEqual({
      properties: {
        displayName: 'kv-key',
        keyVault: { secretIdentifier: 'https://vault.example/secrets/kv-key' },
        secret: true,
      },
    });
    expect(JSON.parse(files.get('backends/orders/backendInformation.json')!).properties.description).toBe(
      'Orders',
    );

    const repository = await loadArtifacts(root, 'apimartifacts');
    const plan = await planDeployment({ repository, connection: conn, source });
    expect(plan.summary).toMatchObject({ create: 0, update: 0, delete: 0 });
    // 1 global + 1 API + 1 operation + 1 product policy, 1 fragment, 2 named values (the secret one
    // without a Key Vault reference is left unmanaged), 1 backend.
    expect(plan.summary.unchanged).toBe(8);
  });

  it('extract -> deploy to an empty instance -> extract gives identical files', async () => {
    const first = await tempDir();
    await extractInstance({ connection: bed.connect(), root: first });
    const empty = await startApimBed({ seed: apisAndProducts(first) });
    try {
      const conn = empty.connect();
      const repository = await loadArtifacts(first);
      const plan = await planDeployment({ repository, connection: conn, source });
      expect(plan.summary.create).toBeGreaterThanOrEqual(7);
      const applied = await applyPlan({
        plan,
        connection: conn,
        identity: await empty.identity(),
        retry: fastRetry,
      });
      expect(applied.exitCode).toBe(0);
      const second = await tempDir();
      await extractInstance({ connection: conn, root: second });
      const a = await tree(first);
      const b = await tree(second);
      // The secret without a Key Vault reference cannot be deployed from a repository (its value is
      // not there), so the second instance does not have it; every other file is identical.
      a.delete('named values/orders-key/namedValueInformation.json');
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [file, text] of a) expect({ file, text: b.get(file) }).toEqual({ file, text });
    } finally {
      await empty.close();
    }
  });
});

const sample = path.join(sharedDir, 'reference', 'apiops-sample', 'SampleArtifacts');
(hasShared && existsSync(sample) ? describe : describe.skip)('the APIOps sample (../shared)', () => {
  let bed: ApimBed;
  beforeAll(async () => {
    bed = await startApimBed({ seed: sample });
  });
  afterAll(async () => bed?.close());

  it('an instance seeded from the sample extracts back to its layout for every kind apim-gogs manages', async () => {
    const root = await tempDir();
    await extractInstance({ connection: bed.connect(), root });
    const original = await loadArtifacts(sample);
    const extracted = await loadArtifacts(root);
    const key = (p: {
      scope: string;
      apiId?: string;
      operationId?: string;
      productId?: string;
      fragmentId?: string;
    }) => [p.scope, p.apiId, p.operationId, p.productId, p.fragmentId].filter(Boolean).join('/');
    expect(extracted.policies.map(key).sort()).toEqual(original.policies.map(key).sort());
    for (const p of original.policies) {
      const back = extracted.policies.find((x) => key(x) === key(p))!;
      expect({ file: p.file, same: policiesEqual(p.text, back.text) }).toEqual({ file: p.file, same: true });
    }
    const props = (list: { id: string; properties: Record<string, unknown> }[]) =>
      Object.fromEntries(list.map((x) => [x.id, x.properties]));
    expect(props(extracted.namedValues)).toEqual(props(original.namedValues));
    expect(props(extracted.backends)).toEqual(props(original.backends));
    expect(props(extracted.fragments)).toEqual(props(original.fragments));
  });

  it('plan, deploy and verify work on the sample (artifacts-path SampleArtifacts) against an instance with its APIs and products', async () => {
    const repository = await loadArtifacts(path.dirname(sample), 'SampleArtifacts');
    const target = await startApimBed({ seed: apisAndProducts(sample) });
    try {
      const conn = target.connect();
      const plan = await planDeployment({ repository, connection: conn, source });
      expect(plan.summary.create + plan.summary.update).toBeGreaterThan(0);
      const applied = await applyPlan({
        plan,
        connection: conn,
        identity: await target.identity(),
        retry: fastRetry,
      });
      expect(applied.exitCode).toBe(0);
      const verified = await verifyDeployment({ repository, connection: conn, source });
      expect(verified).toMatchObject({ drift: false, exitCode: 0 });
    } finally {
      await target.close();
    }
  });
});
