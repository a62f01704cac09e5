import { applyPlan, planDeployment, verifyDeployment } from '../../src/deploy/index.js';
import { fastRetry, makeRepo, policy, startApimBed, type ApimBed } from './support.js';

/** API, operation and product policies (apiPolicy.get loses the text in the SDK; we read raw), filters, prune. */
const seed = {
  apis: {
    echo: {
      displayName: 'Echo',
      path: 'echo',
      protocols: ['https'],
      operations: {
        'get-item': {
          displayName: 'Get item',
          method: 'GET',
          urlTemplate: '/items/{id}',
          templateParameters: [{ name: 'id', type: 'string', required: true }],
        },
      },
    },
    orders: { displayName: 'Orders', path: 'orders', protocols: ['https'] },
  },
  products: { starter: { displayName: 'Starter' } },
};

const files = {
  'apis/echo/policy.xml': policy('<rate-limit calls="10" renewal-period="60" />'),
  'apis/echo/operations/get-item/policy.xml': policy(
    '<set-query-parameter name="v" exists-action="override"><value>@(context.Request.MatchedParameters["id"])</value></set-query-parameter>',
  ),
  'apis/orders/policy.xml': policy('<rate-limit calls="5" renewal-period="60" />'),
  'products/starter/policy.xml': policy('<quota calls="100" renewal-period="3600" />'),
};

let bed: ApimBed;
beforeEach(async () => {
  bed = await startApimBed({ seed });
});
afterEach(async () => bed?.close());

const source = { commit: 'c'.repeat(40) };

it('deploys API, operation and product policies, then a rerun plans no change and writes nothing', async () => {
  const repo = await makeRepo(files);
  const conn = bed.connect();
  const plan = await planDeployment({ repository: repo, connection: conn, source, environment: 'test' });
  expect(plan.entries.map((e) => `${e.action} ${e.key}`).sort()).toEqual([
    'create apis/echo/operations/get-item/policies/policy',
    'create apis/echo/policies/policy',
    'create apis/orders/policies/policy',
    'create products/starter/policies/policy',
  ]);
  expect(
    (await applyPlan({ plan, connection: conn, identity: await bed.identity(), retry: fastRetry })).outcome,
  ).toBe('succeeded');
  bed.emu.clearRequests();
  const again = await planDeployment({ repository: repo, connection: conn, source, environment: 'test' });
  expect(again.summary).toEqual({ create: 0, update: 0, delete: 0, unchanged: 4 });
  expect((await applyPlan({ plan: again, connection: conn, identity: {} })).writes).toBe(0);
  expect(bed.emu.requests().filter((r) => r.method !== 'GET' && r.service === 'arm')).toEqual([]);
});

it('limits the deployment to the filtered APIs and products', async () => {
  const repo = await makeRepo(files);
  const plan = await planDeployment({
    repository: repo,
    connection: bed.connect(),
    source,
    filters: { apis: ['orders'], products: ['none'] },
  });
  expect(plan.entries.map((e) => e.key)).toEqual(['apis/orders/policies/policy']);
});

it('prunes only what apim-gogs deployed, and only when asked; a failed prune is rolled back', async () => {
  const conn = bed.connect();
  const full = await makeRepo(files);
  await applyPlan({
    plan: await planDeployment({ repository: full, connection: conn, source, environment: 'test' }),
    connection: conn,
    identity: {},
    retry: fastRetry,
  });
  // A policy set by hand on another product: not ours, never pruned.
  await conn.client.productPolicy.createOrUpdate(
    conn.resourceGroup,
    conn.serviceName,
    'starter',
    'policy',
    { value: policy('<quota calls="1" renewal-period="60" />'), format: 'rawxml' },
    { ifMatch: '*' },
  );

  const {
    ['apis/echo/operations/get-item/policy.xml']: _op,
    ['products/starter/policy.xml']: _p,
    ...rest
  } = files;
  const smaller = await makeRepo(rest);
  const noPrune = await planDeployment({
    repository: smaller,
    connection: conn,
    source,
    environment: 'test',
  });
  expect(noPrune.summary.delete).toBe(0);
  const prune = await planDeployment({
    repository: smaller,
    connection: conn,
    source,
    environment: 'test',
    prune: true,
  });
  expect(prune.entries.filter((e) => e.action === 'delete').map((e) => e.key)).toEqual([
    'apis/echo/operations/get-item/policies/policy',
  ]);

  bed.emu.addFault({
    kind: 'error',
    status: 500,
    method: 'DELETE',
    path: '/operations/get-item/policies/policy',
    times: 0,
  });
  const failed = await applyPlan({ plan: prune, connection: conn, identity: {}, retry: fastRetry });
  expect(failed.outcome).toBe('rolled-back');
  bed.emu.clearFaults();

  const retry = await planDeployment({
    repository: smaller,
    connection: conn,
    source,
    environment: 'test',
    prune: true,
  });
  const done = await applyPlan({ plan: retry, connection: conn, identity: {}, retry: fastRetry });
  expect(done.outcome).toBe('succeeded');
  expect(done.applied.map((a) => `${a.action} ${a.key}`)).toEqual([
    'delete apis/echo/operations/get-item/policies/policy',
  ]);
  const after = await planDeployment({ repository: smaller, connection: conn, source, prune: true });
  expect(after.summary).toEqual({ create: 0, update: 0, delete: 0, unchanged: 2 });
});

it('a policy APIM refuses fails with APIM validation message and leaves everything as it was', async () => {
  const conn = bed.connect();
  const repo = await makeRepo({
    ...files,
    'apis/orders/policy.xml': policy(
      '<set-header name="x" exists-action="override"><value>{{no-such-value}}</value></set-header>',
    ),
  });
  const plan = await planDeployment({ repository: repo, connection: conn, source, environment: 'test' });
  const result = await applyPlan({ plan, connection: conn, identity: {}, retry: fastRetry });
  expect(result.outcome).toBe('rolled-back');
  expect(result.failure).toMatchObject({
    key: 'apis/orders/policies/policy',
    status: 400,
    code: 'ValidationError',
  });
  const after = await planDeployment({
    repository: await makeRepo({}),
    connection: conn,
    source,
    prune: true,
  });
  expect(after.entries).toEqual([]);
});

it('re-creates a pruned resource when a later delete fails, and verify --include-extra reports leftovers', async () => {
  const conn = bed.connect();
  await applyPlan({
    plan: await planDeployment({
      repository: await makeRepo(files),
      connection: conn,
      source,
      environment: 'test',
    }),
    connection: conn,
    identity: {},
    retry: fastRetry,
  });
  const { ['apis/echo/policy.xml']: _a, ['apis/orders/policy.xml']: _b, ...rest } = files;
  const smaller = await makeRepo(rest);
  const extra = await verifyDeployment({ repository: smaller, connection: conn, source, includeExtra: true });
  expect(extra.entries.map((e) => [e.key, e.drift])).toEqual([
    ['apis/echo/policies/policy', 'extra'],
    ['apis/orders/policies/policy', 'extra'],
  ]);
  const plan = await planDeployment({
    repository: smaller,
    connection: conn,
    source,
    environment: 'test',
    prune: true,
  });
  bed.emu.addFault({
    kind: 'error',
    status: 500,
    method: 'DELETE',
    path: '/apis/orders/policies/policy',
    times: 0,
  });
  const result = await applyPlan({ plan, connection: conn, identity: {}, concurrency: 1, retry: fastRetry });
  expect(result.outcome).toBe('rolled-back');
  expect(result.restored).toEqual(['apis/echo/policies/policy']);
  bed.emu.clearFaults();
  const after = await verifyDeployment({ repository: await makeRepo(files), connection: conn, source });
  expect(after.drift).toBe(false);
});
