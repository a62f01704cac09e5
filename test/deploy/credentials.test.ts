import { getIDToken } from '@actions/core';
import { ApimConnection, createCredential, planDeployment, resolveIdentity } from '../../src/deploy/index.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { commitA, makeRepo, repoA, startApimBed, useGitHubEnv, type ApimBed } from './support.js';

let bed: ApimBed;
beforeAll(async () => {
  bed = await startApimBed();
});
afterAll(async () => bed?.close());

const target = (): ConstructorParameters<typeof ApimConnection>[1] => ({
  subscriptionId: bed.emu.subscriptionId,
  resourceGroup: bed.emu.resourceGroup,
  serviceName: bed.emu.serviceName,
  endpoint: bed.emu.armEndpoint,
});

describe('federated sign-in', () => {
  it('github-oidc: reads the deploying identity (oid, appid, tid) from the access token', async () => {
    const identity = await bed.identity();
    expect(identity).toEqual({ oid: bed.objectId, appid: bed.clientId, tid: bed.emu.tenantId });
  });

  it('github-oidc: a subject without a federated credential fails with the claims and the subject to register, never the token', async () => {
    const { clientId } = bed.emu.registerApp({
      clientId: '22222222-2222-4333-8444-555555555555',
      federatedCredentials: [
        {
          issuer: bed.emu.github.issuer,
          subject: 'repo:contoso/apim-policies:environment:prod',
          audiences: ['api://AzureADTokenExchange'],
        },
      ],
    });
    let token = '';
    const credential = createCredential({
      auth: 'github-oidc',
      tenantId: bed.emu.tenantId,
      clientId,
      authorityHost: bed.emu.authorityHost,
      getIdToken: async (aud) => (token = await getIDToken(aud)),
    });
    const err = await resolveIdentity(credential).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    const { message, hint } = err as ConfigurationError;
    expect(message).toContain(`iss=${bed.emu.github.issuer}`);
    expect(message).toContain(`sub=${bed.emu.github.subject}`);
    expect(message).toContain('aud="api://AzureADTokenExchange"');
    expect(hint).toContain(`subject '${bed.emu.github.subject}'`);
    expect(token.length).toBeGreaterThan(20);
    expect(`${message}${hint}`).not.toContain(token.split('.')[2]);
  });

  it('github-oidc: no id-token permission is a clear error', async () => {
    const saved = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    try {
      const credential = createCredential({
        auth: 'github-oidc',
        tenantId: bed.emu.tenantId,
        clientId: bed.clientId,
        authorityHost: bed.emu.authorityHost,
        getIdToken: (aud) => getIDToken(aud),
      });
      const err = (await resolveIdentity(credential).catch((e: unknown) => e)) as ConfigurationError;
      expect(err).toBeInstanceOf(ConfigurationError);
      expect(err.hint).toContain('id-token: write');
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved;
      useGitHubEnv(bed.emu);
    }
  });

  it('an identity without a role on the APIM service gets a clear 403 message', async () => {
    const { clientId } = bed.emu.registerApp({
      clientId: '33333333-2222-4333-8444-555555555555',
      federatedCredentials: [
        {
          issuer: bed.emu.github.issuer,
          subject: bed.emu.github.subject,
          audiences: ['api://AzureADTokenExchange'],
        },
      ],
      roleOnService: false,
    });
    const credential = createCredential({
      auth: 'github-oidc',
      tenantId: bed.emu.tenantId,
      clientId,
      authorityHost: bed.emu.authorityHost,
      getIdToken: (aud) => getIDToken(aud),
    });
    const repo = await makeRepo(repoA);
    const err = (await planDeployment({
      repository: repo,
      connection: new ApimConnection(credential, target()),
      source: { commit: commitA },
    }).catch((e: unknown) => e)) as ConfigurationError;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('has no role on APIM service');
    expect(err.message).toContain('does not have authorization');
    expect(err.hint).toContain('API Management Service Contributor');
  });

  it('azure-devops: AzurePipelinesCredential through the service connection', async () => {
    const { clientId, objectId } = bed.emu.registerApp({
      clientId: '44444444-2222-4333-8444-555555555555',
      federatedCredentials: [
        {
          issuer: bed.emu.azureDevOps.issuer,
          subject: bed.emu.azureDevOps.subject,
          audiences: ['api://AzureADTokenExchange'],
        },
      ],
    });
    process.env.SYSTEM_OIDCREQUESTURI = bed.emu.azureDevOps.oidcRequestUri;
    try {
      const credential = createCredential({
        auth: 'azure-devops',
        tenantId: bed.emu.tenantId,
        clientId,
        serviceConnectionId: bed.emu.azureDevOps.serviceConnectionId,
        systemAccessToken: bed.emu.azureDevOps.accessToken,
        authorityHost: bed.emu.authorityHost,
      });
      expect(await resolveIdentity(credential)).toEqual({
        oid: objectId,
        appid: clientId,
        tid: bed.emu.tenantId,
      });
    } finally {
      delete process.env.SYSTEM_OIDCREQUESTURI;
    }
  });

  it('managed-identity: ManagedIdentityCredential through IDENTITY_ENDPOINT / IDENTITY_HEADER', async () => {
    process.env.IDENTITY_ENDPOINT = bed.emu.managedIdentity.endpoint;
    process.env.IDENTITY_HEADER = bed.emu.managedIdentity.header;
    try {
      const credential = createCredential({ auth: 'managed-identity' });
      expect(await resolveIdentity(credential)).toMatchObject({
        oid: bed.emu.managedIdentity.objectId,
        tid: bed.emu.tenantId,
      });
    } finally {
      delete process.env.IDENTITY_ENDPOINT;
      delete process.env.IDENTITY_HEADER;
    }
  });

  it('refuses to start without the inputs a sign-in needs', () => {
    expect(() => createCredential({ auth: 'github-oidc', clientId: 'x', getIdToken: getIDToken })).toThrow(
      /tenant-id/,
    );
    expect(() => createCredential({ auth: 'azure-devops', tenantId: 't', clientId: 'c' })).toThrow(
      /azureServiceConnection/,
    );
  });
});
