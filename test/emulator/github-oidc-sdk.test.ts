import { jest } from '@jest/globals';
import * as core from '@actions/core';
import { ClientAssertionCredential } from '@azure/identity';
import type { ApiManagementClient } from '@azure/arm-apimanagement';
import type { Emulator } from '../../src/emulator/index.js';
import { armCalls, armClient, exchangeAudience, setEnv, startTestEmulator } from './support.js';

/**
 * The whole GitHub path with real libraries: core.getIDToken from @actions/core fetches the ID token,
 * ClientAssertionCredential from @azure/identity exchanges it at the emulated Entra, and the real
 * @azure/arm-apimanagement client deploys with the access token.
 */

const clientId = '0a3a1e36-8a33-4c8b-9d1e-5d2f7b1c0001';
let emu: Emulator;
let client: ApiManagementClient;
let restoreEnv: () => void;

function credentialFor(id: string): ClientAssertionCredential {
  return new ClientAssertionCredential(emu.tenantId, id, () => core.getIDToken(exchangeAudience), {
    authorityHost: emu.authorityHost,
    disableInstanceDiscovery: true,
  });
}

beforeAll(async () => {
  // @actions/core writes ::add-mask:: and ::debug:: commands to stdout; keep the test output readable.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await startTestEmulator();
  restoreEnv = setEnv({
    ACTIONS_ID_TOKEN_REQUEST_URL: emu.github.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: emu.github.requestToken,
  });
  emu.registerApp({
    clientId,
    federatedCredentials: [
      { issuer: emu.github.issuer, subject: emu.github.subject, audiences: [exchangeAudience] },
    ],
  });
  client = armClient(emu, credentialFor(clientId));
});

afterAll(async () => {
  restoreEnv();
  await emu.close();
});

beforeEach(() => {
  emu.clearFaults();
  emu.clearRequests();
});

const rg = (): string => emu.resourceGroup;
const svc = (): string => emu.serviceName;

describe('GitHub OIDC → Entra → ARM with the real SDKs', () => {
  it('issues GitHub-shaped ID tokens', async () => {
    const token = await core.getIDToken(exchangeAudience);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: exchangeAudience,
      sub: 'repo:contoso/apim-policies:ref:refs/heads/main',
      repository: 'contoso/apim-policies',
      ref: 'refs/heads/main',
      event_name: 'push',
    });
    expect(typeof claims.sha).toBe('string');
    expect(typeof claims.run_id).toBe('string');
  });

  it('writes a global policy and reads it back reformatted, with rawxml keeping expressions', async () => {
    const raw =
      '<policies><inbound><set-header name="x" exists-action="override"><value>@(context.Request.Headers.Any(h => h.Key == "a") ? "y" : "n")</value></set-header></inbound><backend><forward-request /></backend><outbound /></policies>';
    const put = await client.policy.createOrUpdate(rg(), svc(), 'policy', { value: raw, format: 'rawxml' });
    expect(put.value).toContain('h =&gt; h.Key == "a"');
    expect(put.value).toContain('\r\n    <set-header');
    const rawBack = await client.policy.get(rg(), svc(), 'policy', { format: 'rawxml' });
    expect(rawBack.format).toBe('rawxml');
    expect(rawBack.value).toContain('h => h.Key == "a"');
    const head = await client.policy.getEntityTag(rg(), svc(), 'policy');
    expect(head.eTag).toBe(put.eTag);
  });

  it('honours If-Match: a stale ETag gets 412, the current one succeeds, DELETE needs it', async () => {
    const before = await client.policy.getEntityTag(rg(), svc(), 'policy');
    await client.policy.createOrUpdate(
      rg(),
      svc(),
      'policy',
      { value: '<policies><inbound /></policies>' },
      { ifMatch: before.eTag },
    );
    await expect(
      client.policy.createOrUpdate(
        rg(),
        svc(),
        'policy',
        { value: '<policies><inbound /></policies>' },
        { ifMatch: before.eTag },
      ),
    ).rejects.toMatchObject({ statusCode: 412, code: 'PreconditionFailed' });
    const now = await client.policy.getEntityTag(rg(), svc(), 'policy');
    await client.policy.delete(rg(), svc(), 'policy', now.eTag as string);
    await expect(client.policy.get(rg(), svc(), 'policy')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('rejects an invalid policy with APIM-shaped details naming element, line and column', async () => {
    const bad = '<policies>\r\n  <inbound>\r\n    <not-a-policy />\r\n  </inbound>\r\n</policies>';
    await expect(client.policy.createOrUpdate(rg(), svc(), 'policy', { value: bad })).rejects.toMatchObject({
      statusCode: 400,
      code: 'ValidationError',
      details: {
        error: {
          details: [
            { message: expect.stringMatching(/^Error in element 'not-a-policy' on line 3, column 6: /) },
          ],
        },
      },
    });
  });

  it('runs a named value and a fragment through their long-running operations to Succeeded', async () => {
    const nv = await client.namedValue.beginCreateOrUpdateAndWait(
      rg(),
      svc(),
      'backend-key',
      { displayName: 'backend-key', value: 's3cret', secret: true },
      { updateIntervalInMs: 1 },
    );
    expect(nv.provisioningState).toBeUndefined();
    expect(nv.value).toBeUndefined(); // a secret never comes back on GET
    expect((await client.namedValue.listValue(rg(), svc(), 'backend-key')).value).toBe('s3cret');
    const fragment = await client.policyFragment.beginCreateOrUpdateAndWait(
      rg(),
      svc(),
      'auth-header',
      {
        format: 'rawxml',
        value:
          '<fragment><set-header name="k" exists-action="override"><value>{{backend-key}}</value></set-header></fragment>',
      },
      { updateIntervalInMs: 1 },
    );
    expect(fragment.value).toContain('<set-header name="k"');
    const calls = armCalls(emu);
    expect(calls.filter((c) => c.includes('tenant/operationResults/')).length).toBeGreaterThanOrEqual(4);
    expect(calls).toContain('PUT namedValues/backend-key 201');
  });

  it('ends a poller in failure when the operation ends Failed, leaving nothing written', async () => {
    emu.addFault({ kind: 'lroFailed', method: 'PUT', path: '/namedValues/doomed' });
    await expect(
      client.namedValue.beginCreateOrUpdateAndWait(
        rg(),
        svc(),
        'doomed',
        { displayName: 'doomed', value: 'v' },
        { updateIntervalInMs: 1 },
      ),
    ).rejects.toThrow(/failed/i);
    await expect(client.namedValue.get(rg(), svc(), 'doomed')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lets the SDK retry through a 429 with Retry-After', async () => {
    await client.policy.createOrUpdate(rg(), svc(), 'policy', { value: '<policies><inbound /></policies>' });
    emu.clearRequests();
    emu.addFault({ kind: 'throttle', method: 'GET', path: '/policies/policy', retryAfterSeconds: 0 });
    await client.policy.get(rg(), svc(), 'policy');
    expect(armCalls(emu)).toEqual(['GET policies/policy 429', 'GET policies/policy 200']);
  });

  it('surfaces a 429 without Retry-After to the caller, as the SDK does not retry it', async () => {
    emu.addFault({ kind: 'throttle', method: 'HEAD', path: '/policies/policy' });
    await expect(client.policy.getEntityTag(rg(), svc(), 'policy')).rejects.toMatchObject({
      statusCode: 429,
    });
    await client.policy.getEntityTag(rg(), svc(), 'policy');
    expect(armCalls(emu)).toEqual(['HEAD policies/policy 429', 'HEAD policies/policy 200']);
  });

  it('retries through a 503, a 500 and a dropped connection', async () => {
    emu.addFault({
      kind: 'error',
      status: 503,
      method: 'GET',
      path: '/policies/policy',
      retryAfterSeconds: 0,
    });
    emu.addFault({ kind: 'drop', method: 'GET', path: '/policies/policy', nth: 2 });
    emu.addFault({ kind: 'error', status: 500, method: 'GET', path: '/policies/policy', nth: 3 });
    const got = await client.policy.get(rg(), svc(), 'policy');
    expect(got.value).toContain('<policies>');
    expect(armCalls(emu)).toEqual([
      'GET policies/policy 503',
      'GET policies/policy 0',
      'GET policies/policy 500',
      'GET policies/policy 200',
    ]);
  });

  it('lets a concurrent writer change the entity between our read and our write (412)', async () => {
    const { eTag } = await client.policy.getEntityTag(rg(), svc(), 'policy');
    emu.addFault({ kind: 'concurrentWrite', method: 'PUT', path: '/policies/policy' });
    await expect(
      client.policy.createOrUpdate(
        rg(),
        svc(),
        'policy',
        { value: '<policies><inbound /></policies>' },
        { ifMatch: eTag },
      ),
    ).rejects.toMatchObject({ statusCode: 412 });
  });

  it('answers 409 PessimisticConcurrencyConflict on demand', async () => {
    emu.addFault({ kind: 'conflict', method: 'PUT', path: '/backends/' });
    await expect(
      client.backend.createOrUpdate(rg(), svc(), 'b1', { url: 'https://backend.example', protocol: 'http' }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'PessimisticConcurrencyConflict' });
    const created = await client.backend.createOrUpdate(rg(), svc(), 'b1', {
      url: 'https://backend.example',
      protocol: 'http',
    });
    expect(created.url).toBe('https://backend.example');
  });

  it('puts ARM rate-limit headers and request ids on answers', async () => {
    let headers: Record<string, string> = {};
    await client.policy.get(rg(), svc(), 'policy', { onResponse: (r) => (headers = r.headers.toJSON()) });
    expect(Number(headers['x-ms-ratelimit-remaining-subscription-reads'])).toBeGreaterThan(0);
    expect(headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = emu.requests().filter((r) => r.service === 'arm');
    expect(entry.requestId).toBe(headers['x-ms-request-id']);
  });

  it('fails the exchange with a message naming the subject when no federated credential matches it', async () => {
    const other = '0a3a1e36-8a33-4c8b-9d1e-5d2f7b1c0002';
    emu.registerApp({
      clientId: other,
      federatedCredentials: [
        {
          issuer: emu.github.issuer,
          subject: 'repo:contoso/apim-policies:environment:prod',
          audiences: [exchangeAudience],
        },
      ],
    });
    const err = await credentialFor(other)
      .getToken('https://management.azure.com/.default')
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(err?.message).toMatch(/AADSTS700213/);
    expect(err?.message).toContain(
      "presented assertion subject 'repo:contoso/apim-policies:ref:refs/heads/main'",
    );
    expect(err?.message).toContain('repo:contoso/apim-policies:environment:prod');
  });

  it('names the issuer or the audience when those do not match', async () => {
    const byIssuer = '0a3a1e36-8a33-4c8b-9d1e-5d2f7b1c0003';
    const byAudience = '0a3a1e36-8a33-4c8b-9d1e-5d2f7b1c0004';
    emu.registerApp({
      clientId: byIssuer,
      federatedCredentials: [
        { issuer: 'https://issuer.example', subject: emu.github.subject, audiences: [exchangeAudience] },
      ],
    });
    emu.registerApp({
      clientId: byAudience,
      federatedCredentials: [
        { issuer: emu.github.issuer, subject: emu.github.subject, audiences: ['api://Other'] },
      ],
    });
    const issuerErr = await credentialFor(byIssuer)
      .getToken('https://management.azure.com/.default')
      .catch((e: Error) => e);
    expect(String(issuerErr)).toMatch(
      /AADSTS700211.*issuer 'https:\/\/token\.actions\.githubusercontent\.com'/,
    );
    const audienceErr = await credentialFor(byAudience)
      .getToken('https://management.azure.com/.default')
      .catch((e: Error) => e);
    expect(String(audienceErr)).toMatch(/AADSTS700212.*audience 'api:\/\/AzureADTokenExchange'/);
  });

  it('refuses a principal without a role on the service with 403 AuthorizationFailed', async () => {
    const noRole = '0a3a1e36-8a33-4c8b-9d1e-5d2f7b1c0005';
    emu.registerApp({
      clientId: noRole,
      roleOnService: false,
      federatedCredentials: [
        { issuer: emu.github.issuer, subject: emu.github.subject, audiences: [exchangeAudience] },
      ],
    });
    await expect(
      armClient(emu, credentialFor(noRole)).policy.get(rg(), svc(), 'policy'),
    ).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
      message: expect.stringContaining("'Microsoft.ApiManagement/service/policies/read'"),
    });
  });
});
