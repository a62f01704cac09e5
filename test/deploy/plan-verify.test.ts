import {
  blame,
  planDeployment,
  applyPlan,
  renderPlanMarkdown,
  verifyDeployment,
  renderDriftText,
  renderBlameText,
} from '../../src/deploy/index.js';
import type { ApimConnection } from '../../src/deploy/index.js';
import { commitA, fastRetry, globalPolicy, makeRepo, repoA, startApimBed, type ApimBed } from './support.js';
import type { PolicyRepository } from '../../src/policy/repository.js';

let bed: ApimBed;
let conn: ApimConnection;
let A: PolicyRepository;
const source = {
  commit: commitA,
  ref: 'refs/heads/main',
  repository: 'https://gogs.test/org/policies',
  runUrl: 'https://ci.test/runs/42',
};

beforeAll(async () => {
  bed = await startApimBed();
  conn = bed.connect();
  A = await makeRepo(repoA);
  const plan = await planDeployment({ repository: A, connection: conn, source, environment: 'test' });
  expect(
    (await applyPlan({ plan, connection: conn, identity: await bed.identity(), retry: fastRetry })).outcome,
  ).toBe('succeeded');
});
afterAll(async () => bed?.close());

/** A change made by hand (portal, another tool): the SDK writing raw XML. */
async function writeGlobalByHand(xml: string): Promise<void> {
  await conn.client.policy.createOrUpdate(
    conn.resourceGroup,
    conn.serviceName,
    'policy',
    { value: xml, format: 'rawxml' },
    { ifMatch: '*' },
  );
}

describe('plan and verify against APIM', () => {
  it('sees no change when the live policy differs only in formatting, attribute order, CRLF and escaping', async () => {
    await writeGlobalByHand(
      '<policies>\r\n<inbound>\r\n\t<set-header exists-action="override"   name="x-env">\r\n\t\t<value>{{env-name}}</value>\r\n\t</set-header>\r\n</inbound>' +
        '\r\n<backend><forward-request></forward-request></backend>\r\n<outbound></outbound>\r\n<on-error/>\r\n</policies>',
    );
    const plan = await planDeployment({ repository: A, connection: conn, source });
    expect(plan.entries.find((e) => e.key === 'policies/policy')?.action).toBe('unchanged');
    const v = await verifyDeployment({ repository: A, connection: conn, source });
    expect(v).toMatchObject({ drift: false, exitCode: 0, checked: 4 });
  });

  it('sees a real change as an update with a readable diff, and verify reports drift', async () => {
    await writeGlobalByHand(
      globalPolicy(
        '<set-header name="x-env" exists-action="override"><value>hand-edited</value></set-header>',
      ),
    );
    const plan = await planDeployment({ repository: A, connection: conn, source });
    const entry = plan.entries.find((e) => e.key === 'policies/policy')!;
    expect(entry.action).toBe('update');
    expect(entry.etag).toBeTruthy();
    expect(entry.diff?.split('\n').filter((l) => /^[-+]/.test(l))).toEqual([
      '-         hand-edited',
      '+         {{env-name}}',
    ]);
    const md = renderPlanMarkdown(plan);
    expect(md).toContain('**1** to update');
    // The diff is escaped text in <pre> (Gogs strips tags it does not know from a fenced block in <details>).
    expect(md).toContain('<pre>');
    expect(md).toContain('+         {{env-name}}');

    const v = await verifyDeployment({ repository: A, connection: conn, source });
    expect(v.drift).toBe(true);
    expect(v.exitCode).toBe(1);
    expect(v.entries).toEqual([
      expect.objectContaining({ key: 'policies/policy', drift: 'changed', file: 'policy.xml' }),
    ]);
    expect(renderDriftText(v)).toContain('CHANGED policies/policy (policy.xml)');
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('reports a deleted resource as missing', async () => {
    const nv = await conn.client.namedValue.getEntityTag(conn.resourceGroup, conn.serviceName, 'env-name');
    await conn.client.namedValue.delete(conn.resourceGroup, conn.serviceName, 'env-name', nv.eTag!);
    const v = await verifyDeployment({ repository: A, connection: conn, source });
    expect(v.entries.map((e) => [e.key, e.drift])).toEqual(
      expect.arrayContaining([
        ['namedValues/env-name', 'missing'],
        ['policies/policy', 'changed'],
      ]),
    );
  });

  it('blame answers commit, run, identity and author from APIM alone', async () => {
    const identity = await bed.identity();
    const lookupAuthor = async (sha: string) =>
      sha === commitA ? { name: 'Ada', email: 'ada@example.test', message: 'Tighten CORS' } : undefined;
    const fragment = await blame({
      connection: conn,
      resource: 'policy fragments/cors/policy.xml',
      lookupAuthor,
    });
    expect(fragment).toMatchObject({
      key: 'policyFragments/cors',
      managed: true,
      source: 'resource',
      provenance: {
        commit: commitA,
        ref: 'refs/heads/main',
        run: 'https://ci.test/runs/42',
        repository: source.repository,
        oid: identity.oid,
        appid: bed.clientId,
      },
      author: { name: 'Ada' },
    });
    expect(renderBlameText(fragment)).toContain('author:     Ada <ada@example.test>');
    const backend = await blame({ connection: conn, resource: 'backends/orders' });
    expect(backend.provenance).toMatchObject({
      commit: commitA,
      run: 'https://ci.test/runs/42',
      oid: identity.oid,
    });
    // The hand-edited global policy carries no provenance any more.
    expect(await blame({ connection: conn, resource: 'policies/policy' })).toMatchObject({
      exists: true,
      managed: false,
    });
    expect(await blame({ connection: conn, resource: 'namedValues/nothing' })).toMatchObject({
      exists: false,
    });
  });

  it('blame of a named value takes run and identity from the service-level deployment record', async () => {
    const repo = await makeRepo({
      ...repoA,
      'named values/region/namedValueInformation.json': JSON.stringify({
        properties: { displayName: 'region', value: 'north', secret: false },
      }),
    });
    const plan = await planDeployment({ repository: repo, connection: conn, source, environment: 'test' });
    await applyPlan({ plan, connection: conn, identity: await bed.identity(), retry: fastRetry });
    const r = await blame({ connection: conn, resource: 'namedValues/region', environment: 'test' });
    expect(r).toMatchObject({
      managed: true,
      source: 'deployment-record',
      provenance: { commit: commitA, run: 'https://ci.test/runs/42', environment: 'test' },
    });
  });
});
