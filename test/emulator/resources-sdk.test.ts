import type { ApiManagementClient } from '@azure/arm-apimanagement';
import type { Emulator } from '../../src/emulator/index.js';
import { armCalls, armClient, githubCredential, startTestEmulator } from './support.js';

/** Every resource family through the real @azure/arm-apimanagement client. */

let emu: Emulator;
let client: ApiManagementClient;
let rg: string;
let svc: string;
const poll = { updateIntervalInMs: 1 };

beforeAll(async () => {
  emu = await startTestEmulator();
  client = armClient(emu, githubCredential(emu));
  rg = emu.resourceGroup;
  svc = emu.serviceName;
});

afterAll(() => emu.close());

describe('APIs, operations, revisions and releases', () => {
  it('creates an API through its long-running PUT and adds operations and policies below it', async () => {
    const api = await client.api.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'orders',
      { displayName: 'Orders', path: 'orders', serviceUrl: 'https://orders.internal', protocols: ['https'] },
      poll,
    );
    expect(api).toMatchObject({ name: 'orders', apiRevision: '1', isCurrent: true, path: 'orders' });
    const op = await client.apiOperation.createOrUpdate(rg, svc, 'orders', 'get-order', {
      displayName: 'Get order',
      method: 'GET',
      urlTemplate: '/orders/{id}',
      templateParameters: [{ name: 'id', type: 'string', required: true }],
    });
    expect(op.urlTemplate).toBe('/orders/{id}');
    await client.apiOperationPolicy.createOrUpdate(rg, svc, 'orders', 'get-order', 'policy', {
      value:
        '<policies><inbound><base /><rewrite-uri template="/v2/orders/{id}" /></inbound><backend><base /></backend><outbound><base /></outbound></policies>',
    });
    const opPolicy = await client.apiOperationPolicy.get(rg, svc, 'orders', 'get-order', 'policy', {
      format: 'rawxml',
    });
    expect(opPolicy.value).toContain('<rewrite-uri template="/v2/orders/{id}" />');
    expect((await client.apiOperation.listByApi(rg, svc, 'orders').byPage().next()).value).toHaveLength(1);
  });

  it('loses the API policy text through apiPolicy.get (SDK bug #31566) but keeps it in the raw body', async () => {
    await client.apiPolicy.createOrUpdate(rg, svc, 'orders', 'policy', {
      value: '<policies><inbound><base /></inbound></policies>',
      format: 'rawxml',
    });
    let raw = '';
    const parsed = await client.apiPolicy.get(rg, svc, 'orders', 'policy', {
      format: 'rawxml',
      onResponse: (r) => (raw = r.bodyAsText ?? ''),
    });
    expect(JSON.parse(raw).properties.value).toBe(
      '<policies>\r\n  <inbound>\r\n    <base />\r\n  </inbound>\r\n</policies>',
    );
    // Documented here so that a fixed SDK shows up as a failing test rather than silently.
    expect(parsed.value).not.toBe(JSON.parse(raw).properties.value);
  });

  it('refuses a second API on the same path and a policy below an unknown API', async () => {
    await expect(
      client.api.beginCreateOrUpdateAndWait(
        rg,
        svc,
        'orders2',
        { displayName: 'Orders 2', path: 'orders' },
        poll,
      ),
    ).rejects.toMatchObject({ statusCode: 409 });
    await expect(
      client.apiPolicy.createOrUpdate(rg, svc, 'nope', 'policy', { value: '<policies />' }),
    ).rejects.toMatchObject({ statusCode: 404, message: 'Api not found.' });
  });

  it('makes a revision, lists revisions and releases it as current', async () => {
    await client.api.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'orders;rev=2',
      { path: 'orders', sourceApiId: `${emu.serviceId}/apis/orders`, apiRevisionDescription: 'v2' },
      poll,
    );
    const revisions = [];
    for await (const r of client.apiRevision.listByService(rg, svc, 'orders')) revisions.push(r);
    expect(revisions.map((r) => [r.apiRevision, r.isCurrent])).toEqual([
      ['1', true],
      ['2', false],
    ]);
    const release = await client.apiRelease.createOrUpdate(rg, svc, 'orders', 'release-2', {
      apiId: `${emu.serviceId}/apis/orders;rev=2`,
      notes: 'go',
    });
    expect(release.notes).toBe('go');
    expect((await client.api.get(rg, svc, 'orders')).apiRevision).toBe('2');
  });

  it('deletes an API through its long-running DELETE', async () => {
    await client.api.beginCreateOrUpdateAndWait(rg, svc, 'temp', { displayName: 'Temp', path: 'temp' }, poll);
    emu.clearRequests();
    await client.api.beginDeleteAndWait(rg, svc, 'temp', '*', poll);
    await expect(client.api.get(rg, svc, 'temp')).rejects.toMatchObject({ statusCode: 404 });
    expect(armCalls(emu)[0]).toBe('DELETE apis/temp 202');
  });
});

describe('products, tags, backends, named values and fragments', () => {
  it('creates a product, links an API, sets its policy', async () => {
    await client.product.createOrUpdate(rg, svc, 'gold', { displayName: 'Gold', state: 'published' });
    await client.productApi.createOrUpdate(rg, svc, 'gold', 'orders');
    const linked = [];
    for await (const a of client.productApi.listByProduct(rg, svc, 'gold')) linked.push(a.name);
    expect(linked).toEqual(['orders']);
    const p = await client.productPolicy.createOrUpdate(rg, svc, 'gold', 'policy', {
      value: '<policies><inbound><base /><rate-limit calls="10" renewal-period="60" /></inbound></policies>',
    });
    expect(p.value).toContain('<rate-limit calls="10" renewal-period="60" />');
  });

  it('refuses rate-limit at global scope and a section it does not belong to', async () => {
    const err = await client.policy
      .createOrUpdate(rg, svc, 'policy', {
        value:
          '<policies>\n<inbound>\n<rate-limit calls="1" renewal-period="1" />\n</inbound>\n<outbound>\n<rewrite-uri template="/" />\n</outbound>\n</policies>',
      })
      .catch((e: unknown) => e);
    expect(JSON.stringify(err)).toContain("Error in element 'rate-limit' on line 3, column 2");
    expect(JSON.stringify(err)).toContain(
      "Error in element 'rewrite-uri' on line 6, column 2: Policy is not allowed in 'outbound' section",
    );
  });

  it('creates tags and assigns them to an API, an operation and a product', async () => {
    await client.tag.createOrUpdate(rg, svc, 'team-a', { displayName: 'Team A' });
    const assigned = await client.tag.assignToApi(rg, svc, 'orders', 'team-a');
    expect(assigned.id).toBe(`${emu.serviceId}/tags/team-a`);
    await client.tag.assignToOperation(rg, svc, 'orders', 'get-order', 'team-a');
    await client.tag.assignToProduct(rg, svc, 'gold', 'team-a');
    const tags = [];
    for await (const t of client.tag.listByApi(rg, svc, 'orders')) tags.push(t.displayName);
    expect(tags).toEqual(['Team A']);
    await expect(client.tag.assignToApi(rg, svc, 'orders', 'missing')).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('updates a backend and a named value with PATCH (If-Match required)', async () => {
    const b = await client.backend.createOrUpdate(rg, svc, 'orders-backend', {
      url: 'https://a.internal',
      protocol: 'http',
    });
    const updated = await client.backend.update(rg, svc, 'orders-backend', b.eTag as string, {
      url: 'https://b.internal',
    });
    expect(updated.url).toBe('https://b.internal');
    await client.namedValue.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'region',
      { displayName: 'region', value: 'westeurope' },
      poll,
    );
    const { eTag } = await client.namedValue.getEntityTag(rg, svc, 'region');
    const nv = await client.namedValue.beginUpdateAndWait(
      rg,
      svc,
      'region',
      eTag as string,
      { value: 'northeurope' },
      poll,
    );
    expect(nv.value).toBe('northeurope');
    await expect(
      client.namedValue.beginUpdateAndWait(rg, svc, 'region', eTag as string, { value: 'x' }, poll),
    ).rejects.toMatchObject({ statusCode: 412 });
  });

  it('keeps Key Vault named values as references', async () => {
    const kv = await client.namedValue.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'kv',
      { displayName: 'kv', secret: true, keyVault: { secretIdentifier: 'https://vault.example/secrets/s' } },
      poll,
    );
    expect(kv.keyVault?.secretIdentifier).toBe('https://vault.example/secrets/s');
    expect(kv.value).toBeUndefined();
  });

  it('validates references: unknown named value and fragment; lists and guards fragment references', async () => {
    await expect(
      client.apiPolicy.createOrUpdate(rg, svc, 'orders', 'policy', {
        value:
          '<policies><inbound><set-header name="x"><value>{{nope}}</value></set-header></inbound></policies>',
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      client.apiPolicy.createOrUpdate(rg, svc, 'orders', 'policy', {
        value: '<policies><inbound><include-fragment fragment-id="cors" /></inbound></policies>',
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await client.policyFragment.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'cors',
      { value: '<fragment><cors><allowed-origins><origin>*</origin></allowed-origins></cors></fragment>' },
      poll,
    );
    await client.apiPolicy.createOrUpdate(rg, svc, 'orders', 'policy', {
      value: '<policies><inbound><include-fragment fragment-id="cors" /></inbound></policies>',
    });
    const refs = await client.policyFragment.listReferences(rg, svc, 'cors');
    expect(refs.value?.map((r) => r.id)).toEqual([`${emu.serviceId}/apis/orders/policies/policy`]);
    await expect(client.policyFragment.delete(rg, svc, 'cors', '*')).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('pages lists through nextLink', async () => {
    for (const id of ['p1', 'p2', 'p3'])
      await client.product.createOrUpdate(rg, svc, id, { displayName: id });
    const pages = [];
    for await (const page of client.product.listByService(rg, svc, { top: 2 }).byPage())
      pages.push(page.length);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(4); // gold + p1..p3
    expect(pages.length).toBeGreaterThan(1);
  });
});

describe('ARM front door', () => {
  const base = (): string => `${emu.armEndpoint}${emu.serviceId}/policies/policy`;

  it('answers 401 in ARM shape without a token', async () => {
    const res = await fetch(`${base()}?api-version=2024-05-01`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
    expect(await res.json()).toEqual({
      error: {
        code: 'AuthenticationFailed',
        message: "Authentication failed. The 'Authorization' header is missing.",
      },
    });
  });

  it('answers ARM errors for a wrong api-version, subscription, resource group and service', async () => {
    const token = (await githubCredential(emu).getToken('https://management.azure.com/.default'))?.token;
    const get = async (url: string): Promise<[number, string]> => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
    };
    expect(await get(base())).toEqual([400, 'MissingApiVersionParameter']);
    expect(await get(`${base()}?api-version=2099-01-01`)).toEqual([400, 'NoRegisteredProviderFound']);
    const other = (from: string, to: string): string =>
      `${emu.armEndpoint}${emu.serviceId.replace(from, to)}/policies/policy?api-version=2024-05-01`;
    expect(await get(other(emu.subscriptionId, '11111111-1111-1111-1111-111111111111'))).toEqual([
      404,
      'SubscriptionNotFound',
    ]);
    expect(await get(other(`/resourceGroups/${rg}/`, '/resourceGroups/other/'))).toEqual([
      404,
      'ResourceGroupNotFound',
    ]);
    expect(await get(other(`/service/${svc}`, '/service/other'))).toEqual([404, 'ResourceNotFound']);
  });
});
