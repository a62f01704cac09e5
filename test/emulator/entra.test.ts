import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Emulator } from '../../src/emulator/index.js';
import { exchangeAudience, githubCredential, startTestEmulator } from './support.js';

/** Entra's token endpoint and ARM's token checks, at the HTTP level. */

let emu: Emulator;
const clientId = '3c1f0a77-0000-4000-8000-0000000000e2';

beforeAll(async () => {
  emu = await startTestEmulator();
  githubCredential(emu, clientId);
});

afterAll(() => emu.close());

async function assertion(on = emu): Promise<string> {
  const res = await fetch(`${on.github.requestUrl}&audience=${encodeURIComponent(exchangeAudience)}`, {
    headers: { authorization: `Bearer ${on.github.requestToken}` },
  });
  return ((await res.json()) as { value: string }).value;
}

async function token(scope: string, on = emu): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    scope,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: await assertion(on),
  });
  const res = await fetch(`${on.authorityHost}/${on.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function armStatus(accessToken: string, on = emu): Promise<[number, string]> {
  const res = await fetch(`${on.armEndpoint}${on.serviceId}/policies/policy?api-version=2024-05-01`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
}

describe('Entra token endpoint', () => {
  it('issues access tokens with tid, oid, appid and exp for the resource asked', async () => {
    const { status, body } = await token('https://management.azure.com/.default');
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      tid: emu.tenantId,
      appid: clientId,
      aud: 'https://management.azure.com',
      iss: `https://sts.windows.net/${emu.tenantId}/`,
    });
    expect(typeof claims.oid).toBe('string');
    expect(typeof claims.exp).toBe('number');
  });

  it('lets ARM refuse an expired token and a token for another audience', async () => {
    // A second emulator issues tokens that expired two minutes ago: no waiting, no timing.
    const stale = await startTestEmulator({ tokenLifetimeSeconds: -120 });
    try {
      githubCredential(stale, clientId);
      const expired = await token('https://management.azure.com/.default', stale);
      expect(await armStatus(String(expired.body.access_token), stale)).toEqual([
        401,
        'ExpiredAuthenticationToken',
      ]);
    } finally {
      await stale.close();
    }
    const graph = await token('https://graph.microsoft.com/.default');
    expect(await armStatus(String(graph.body.access_token))).toEqual([
      401,
      'InvalidAuthenticationTokenAudience',
    ]);
  });

  it('answers AADSTS errors for an unknown app, a wrong grant, a scope without /.default and a bad tenant', async () => {
    const post = async (tenant: string, form: Record<string, string>): Promise<string> => {
      const res = await fetch(`${emu.authorityHost}/${tenant}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams(form),
      });
      return String(((await res.json()) as { error_description: string }).error_description);
    };
    expect(
      await post(emu.tenantId, {
        grant_type: 'client_credentials',
        client_id: 'nobody',
        scope: 'x/.default',
      }),
    ).toMatch(/^AADSTS700016: Application with identifier 'nobody' was not found/);
    expect(await post(emu.tenantId, { grant_type: 'password', client_id: clientId })).toMatch(/^AADSTS70003/);
    expect(
      await post(emu.tenantId, {
        grant_type: 'client_credentials',
        client_id: clientId,
        scope: 'https://management.azure.com',
      }),
    ).toMatch(/^AADSTS1002012/);
    expect(await post('other-tenant', { grant_type: 'client_credentials' })).toMatch(
      /^AADSTS90002: Tenant 'other-tenant' not found/,
    );
  });

  it('refuses an assertion signed by someone else', async () => {
    const [header, payload] = (await assertion()).split('.');
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      scope: 'https://management.azure.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: forged,
    });
    const res = await fetch(`${emu.authorityHost}/${emu.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_description: string }).error_description).toMatch(
      /^AADSTS700027: Client assertion failed signature validation/,
    );
  });
});

describe('CI token services publish their keys', () => {
  it('GitHub ID tokens verify against the JWKS the GitHub discovery document names', async () => {
    const discovery = (await (
      await fetch(`${emu.armEndpoint}/github/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe('https://token.actions.githubusercontent.com');
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(await assertion(), createLocalJWKSet(jwks), {
      issuer: discovery.issuer,
      audience: exchangeAudience,
    });
    expect(payload.sub).toBe(emu.github.subject);
  });

  it('Azure DevOps OIDC tokens verify against its JWKS', async () => {
    const res = await fetch(
      `${emu.azureDevOps.oidcRequestUri}?api-version=7.1&serviceConnectionId=${emu.azureDevOps.serviceConnectionId}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${emu.azureDevOps.accessToken}`,
          'content-type': 'application/json',
        },
      },
    );
    const { oidcToken } = (await res.json()) as { oidcToken: string };
    const jwks = (await (
      await fetch(`${emu.armEndpoint}/azure-devops/.well-known/jwks`)
    ).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(oidcToken, createLocalJWKSet(jwks), {
      issuer: emu.azureDevOps.issuer,
      audience: exchangeAudience,
    });
    expect(payload.sub).toBe(emu.azureDevOps.subject);
  });
});
