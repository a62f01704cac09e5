import { applyPlan, blame, planDeployment, verifyDeployment } from '../../src/deploy/index.js';
import type { ApimConnection } from '../../src/deploy/index.js';
import { readResource, refFor } from '../../src/deploy/resources.js';
import type { Seed } from '../../src/emulator/seed.js';
import { commitA, commitB, fastRetry, makeRepo, policy, startApimBed, type ApimBed } from './support.js';

/**
 * APIM workspaces through plan, deploy, verify, blame, prune and rollback, against the emulator
 * through the real SDK's workspace operation groups. The service has an API `orders` too: a workspace
 * API of the same id is another resource, and must never be touched by a workspace deployment.
 */

const seed: Seed = {
  apis: { orders: { displayName: 'Orders (service)', path: 'orders' } },
  workspaces: {
    sales: {
      displayName: 'Sales',
      apis: {
        orders: {
          displayName: 'Orders (sales)',
          path: 'sales/orders',
          operations: { list: { displayName: 'List', method: 'GET', urlTemplate: '/' } },
        },
      },
      products: { gold: { displayName: 'Gold' } },
    },
  },
};

const fragment = (origin: string): string =>
  `<fragment>\n  <cors allow-credentials="false">\n    <allowed-origins><origin>${origin}</origin></allowed-origins>\n    <allowed-methods><method>GET</method></allowed-methods>\n  </cors>\n</fragment>\n`;
const info = (properties: Record<string, unknown>): string => JSON.stringify({ properties });
const ws = 'workspaces/sales';

/** Commit A: a workspace policy, API, operation and product policies, a named value, a backend, a fragment. */
const repoA: Record<string, string> = {
  [`${ws}/policy.xml`]: policy(
    '<set-header name="x-ws" exists-action="override"><value>sales</value></set-header>',
  ),
  [`${ws}/apis/orders/policy.xml`]: policy(
    '<set-header name="x-env" exists-action="override"><value>{{sales-env}}</value></set-header>\n    <include-fragment fragment-id="sales-cors" />',
  ),
  [`${ws}/apis/orders/operations/list/policy.xml`]: policy('<set-backend-service backend-id="sales-api" />'),
  [`${ws}/products/gold/policy.xml`]: policy('<rate-limit calls="100" renewal-period="60" />'),
  [`${ws}/named values/sales-env/namedValueInformation.json`]: info({
    displayName: 'sales-env',
    value: 'old',
    secret: false,
  }),
  [`${ws}/backends/sales-api/backendInformation.json`]: info({
    url: 'https://sales-old.example',
    protocol: 'http',
  }),
  [`${ws}/policy fragments/sales-cors/policy.xml`]: fragment('https://old.example'),
};

/** Commit B: the named value, backend and API policy change. */
const repoB: Record<string, string> = {
  ...repoA,
  [`${ws}/named values/sales-env/namedValueInformation.json`]: info({
    displayName: 'sales-env',
    value: 'new',
    secret: false,
  }),
  [`${ws}/backends/sales-api/backendInformation.json`]: info({
    url: 'https://sales-new.example',
    protocol: 'http',
  }),
  [`${ws}/apis/orders/policy.xml`]: policy(
    '<set-header name="x-env" exists-action="override"><value>{{sales-env}}-b</value></set-header>\n    <include-fragment fragment-id="sales-cors" />',
  ),
};

const source = (commit: string) => ({
  commit,
  ref: 'refs/heads/main',
  repository: 'https://gogs.test/org/policies',
  runUrl: 'https://ci.test/runs/7',
});

async function deploy(bed: ApimBed, files: Record<string, string>, commit: string, prune = false) {
  const conn = bed.connect();
  const plan = await planDeployment({
    repository: await makeRepo(files),
    connection: conn,
    source: source(commit),
    environment: 'test',
    prune,
  });
  const result = await applyPlan({
    plan,
    connection: conn,
    identity: await bed.identity(),
    retry: fastRetry,
  });
  return { plan, result };
}

const changes = (plan: { entries: { action: string; key: string }[] }): string[] =>
  plan.entries.filter((e) => e.action !== 'unchanged').map((e) => `${e.action} ${e.key}`);

describe('workspaces: plan, deploy, verify, blame', () => {
  let bed: ApimBed;
  let conn: ApimConnection;
  beforeAll(async () => {
    bed = await startApimBed({ seed });
    conn = bed.connect();
  });
  afterAll(async () => bed?.close());

  it('deploys every workspace kind to the workspace, never to the service resource of the same id', async () => {
    const { plan, result } = await deploy(bed, repoA, commitA);
    expect(plan.warnings.join('\n')).not.toContain('not deployed');
    expect(changes(plan).sort()).toEqual(
      [
        'create workspaces/sales/namedValues/sales-env',
        'create workspaces/sales/backends/sales-api',
        'create workspaces/sales/policyFragments/sales-cors',
        'create workspaces/sales/policies/policy',
        'create workspaces/sales/products/gold/policies/policy',
        'create workspaces/sales/apis/orders/policies/policy',
        'create workspaces/sales/apis/orders/operations/list/policies/policy',
      ].sort(),
    );
    expect(result.outcome).toBe('succeeded');
    const live = await readResource(conn, refFor('apiPolicy', { apiId: 'orders', workspaceId: 'sales' }));
    expect(String(live.properties?.value)).toContain('{{sales-env}}');
    expect((await readResource(conn, refFor('apiPolicy', { apiId: 'orders' }))).exists).toBe(false);
    expect((await readResource(conn, refFor('namedValue', { name: 'sales-env' }))).exists).toBe(false);
    // Each ARM write went below the workspace.
    const writes = bed.emu
      .requests()
      .filter((r) => r.service === 'arm' && r.method === 'PUT' && !r.path.includes('apim-gogs-deployment'))
      .map((r) => r.path.replace(/^.*\/service\/[^/]+\//, '').split('?')[0]);
    expect(writes.length).toBeGreaterThanOrEqual(7);
    expect(writes.every((p) => p.startsWith('workspaces/sales/'))).toBe(true);
  });

  it('verify is clean, also when the repository spells the workspace and ids in another case', async () => {
    expect(
      await verifyDeployment({
        repository: await makeRepo(repoA),
        connection: conn,
        source: source(commitA),
      }),
    ).toMatchObject({ drift: false, exitCode: 0, checked: 7 });
    const shouted = Object.fromEntries(
      Object.entries(repoA).map(([k, v]) => [
        k.replace('workspaces/sales/', 'workspaces/SALES/').replace('apis/orders', 'apis/Orders'),
        v,
      ]),
    );
    const plan = await planDeployment({
      repository: await makeRepo(shouted),
      connection: conn,
      source: source(commitA),
    });
    expect(changes(plan)).toEqual([]);
  });

  it('blame answers the commit of a workspace resource, by key and by APIOps path', async () => {
    const identity = await bed.identity();
    const byKey = await blame({ connection: conn, resource: 'workspaces/sales/apis/orders/policies/policy' });
    expect(byKey).toMatchObject({
      key: 'workspaces/sales/apis/orders/policies/policy',
      exists: true,
      managed: true,
      provenance: { commit: commitA, run: 'https://ci.test/runs/7', oid: identity.oid },
    });
    const byPath = await blame({
      connection: conn,
      resource: 'workspaces/sales/backends/sales-api/backendInformation.json',
    });
    expect(byPath).toMatchObject({
      key: 'workspaces/sales/backends/sales-api',
      managed: true,
      provenance: { commit: commitA },
    });
    // The service API of the same id was never deployed.
    expect(await blame({ connection: conn, resource: 'apis/orders/policies/policy' })).toMatchObject({
      exists: false,
    });
  });

  it('a portal edit inside the workspace is drift, named by its workspace key', async () => {
    await conn.client.workspaceApiPolicy.createOrUpdate(
      conn.resourceGroup,
      conn.serviceName,
      'sales',
      'orders',
      'policy',
      {
        value: policy(
          '<set-header name="x-env" exists-action="override"><value>by-hand</value></set-header>',
        ),
        format: 'rawxml',
      },
      { ifMatch: '*' },
    );
    const v = await verifyDeployment({
      repository: await makeRepo(repoA),
      connection: conn,
      source: source(commitA),
    });
    expect(v.drift).toBe(true);
    expect(v.entries.map((e) => [e.key, e.drift])).toEqual([
      ['workspaces/sales/apis/orders/policies/policy', 'changed'],
    ]);
    expect(v.entries[0].diff).toContain('by-hand');
    expect(await blame({ connection: conn, resource: `${ws}/apis/orders/policy.xml` })).toMatchObject({
      managed: false,
    });
  });

  it('prune deletes a workspace resource apim-gogs deployed that the repository no longer has', async () => {
    const without = { ...repoA };
    delete without[`${ws}/backends/sales-api/backendInformation.json`];
    delete without[`${ws}/apis/orders/operations/list/policy.xml`];
    const { plan, result } = await deploy(bed, without, commitB, true);
    expect(
      changes(plan)
        .filter((c) => c.startsWith('delete'))
        .sort(),
    ).toEqual([
      'delete workspaces/sales/apis/orders/operations/list/policies/policy',
      'delete workspaces/sales/backends/sales-api',
    ]);
    expect(result.outcome).toBe('succeeded');
    expect(
      (await readResource(conn, refFor('backend', { name: 'sales-api', workspaceId: 'sales' }))).exists,
    ).toBe(false);
  });
});

describe('workspaces: rollback', () => {
  it('a failure at the last workspace write restores the workspace named value and backend', async () => {
    const bed = await startApimBed({ seed });
    try {
      expect((await deploy(bed, repoA, commitA)).result.outcome).toBe('succeeded');
      bed.emu.addFault({
        kind: 'error',
        status: 500,
        method: 'PUT',
        path: '/workspaces/sales/apis/orders/policies/policy',
        times: 0,
      });
      const { plan, result } = await deploy(bed, repoB, commitB);
      bed.emu.clearFaults();
      expect(plan.summary).toMatchObject({ update: 3 });
      expect(result.outcome).toBe('rolled-back');
      expect(result.failure?.key).toBe('workspaces/sales/apis/orders/policies/policy');
      expect(result.notRestored).toEqual([]);
      const conn = bed.connect();
      const nv = await readResource(conn, refFor('namedValue', { name: 'sales-env', workspaceId: 'sales' }));
      expect(nv.properties?.value).toBe('old');
      const atA = await planDeployment({
        repository: await makeRepo(repoA),
        connection: conn,
        source: source(commitA),
      });
      expect(changes(atA)).toEqual([]);
    } finally {
      await bed.close();
    }
  });

  it("a workspace secret moved to Key Vault gets its value back on rollback (read by the workspace's listValue)", async () => {
    const sales = seed.workspaces!.sales;
    const bed = await startApimBed({
      seed: {
        ...seed,
        workspaces: {
          sales: {
            ...sales,
            namedValues: { 'sales-secret': { displayName: 'sales-secret', value: 'hunter2', secret: true } },
          },
        },
      },
    });
    try {
      expect((await deploy(bed, repoA, commitA)).result.outcome).toBe('succeeded');
      bed.emu.addFault({
        kind: 'error',
        status: 500,
        method: 'PUT',
        path: '/workspaces/sales/apis/orders/policies/policy',
        times: 0,
      });
      const toKeyVault = {
        ...repoB,
        [`${ws}/named values/sales-secret/namedValueInformation.json`]: info({
          displayName: 'sales-secret',
          secret: true,
          keyVault: { secretIdentifier: 'https://vault.example/secrets/sales' },
        }),
      };
      const { plan, result } = await deploy(bed, toKeyVault, commitB);
      bed.emu.clearFaults();
      expect(changes(plan)).toContain('update workspaces/sales/namedValues/sales-secret');
      // The value was kept before the write, from the workspace's own listValue.
      expect(
        bed.emu
          .requests()
          .some(
            (r) =>
              r.method === 'POST' && /\/workspaces\/sales\/namedValues\/sales-secret\/listValue/.test(r.path),
          ),
      ).toBe(true);
      expect(result.outcome).toBe('rolled-back');
      expect(result.notRestored).toEqual([]);
      const conn = bed.connect();
      const live = await readResource(
        conn,
        refFor('namedValue', { name: 'sales-secret', workspaceId: 'sales' }),
      );
      expect(live.properties?.keyVault).toBeUndefined();
      const value = await conn.client.workspaceNamedValue.listValue(
        conn.resourceGroup,
        conn.serviceName,
        'sales',
        'sales-secret',
      );
      expect(value.value).toBe('hunter2');
    } finally {
      await bed.close();
    }
  });

  it('a workspace that does not exist is a 404 from APIM, and nothing is written', async () => {
    const bed = await startApimBed({ seed });
    try {
      const conn = bed.connect();
      await expect(
        conn.client.workspacePolicy.createOrUpdate(
          conn.resourceGroup,
          conn.serviceName,
          'nowhere',
          'policy',
          {
            value: policy(''),
            format: 'rawxml',
          },
        ),
      ).rejects.toMatchObject({ statusCode: 404 });
      const moved = Object.fromEntries(
        Object.entries(repoA).map(([k, v]) => [k.replace('/sales/', '/nowhere/'), v]),
      );
      const { result } = await deploy(bed, moved, commitA);
      expect(result.outcome).not.toBe('succeeded');
      expect((await readResource(conn, refFor('globalPolicy', { workspaceId: 'nowhere' }))).exists).toBe(
        false,
      );
    } finally {
      await bed.close();
    }
  });
});
