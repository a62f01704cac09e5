import { AzurePipelinesCredential, ManagedIdentityCredential } from '@azure/identity';
import type { Emulator } from '../../src/emulator/index.js';
import { armClient, exchangeAudience, setEnv, startTestEmulator } from './support.js';

/** Azure DevOps' OIDC path and the managed-identity endpoint, each with the real @azure/identity credential. */

let emu: Emulator;
let restoreEnv: () => void;

beforeAll(async () => {
  emu = await startTestEmulator();
  // The credentials read these when constructed, as on a real agent.
  restoreEnv = setEnv({
    IDENTITY_ENDPOINT: emu.managedIdentity.endpoint,
    IDENTITY_HEADER: emu.managedIdentity.header,
    SYSTEM_OIDCREQUESTURI: emu.azureDevOps.oidcRequestUri,
  });
});

afterAll(async () => {
  restoreEnv();
  await emu.close();
});

describe('AzurePipelinesCredential against the emulated Azure DevOps and Entra', () => {
  const clientId = '5d0c2f1e-0000-4000-8000-00000000ad01';

  it('exchanges the service connection token and deploys with it', async () => {
    expect(emu.azureDevOps.subject).toMatch(/^sc:\/\/contoso\/apim\/apim-gogs-deploy$/);
    expect(emu.azureDevOps.issuer).toMatch(/^https:\/\/vstoken\.dev\.azure\.com\/[0-9a-f-]{36}$/);
    emu.registerApp({
      clientId,
      federatedCredentials: [
        { issuer: emu.azureDevOps.issuer, subject: emu.azureDevOps.subject, audiences: [exchangeAudience] },
      ],
    });
    const credential = new AzurePipelinesCredential(
      emu.tenantId,
      clientId,
      emu.azureDevOps.serviceConnectionId,
      emu.azureDevOps.accessToken,
      {
        authorityHost: emu.authorityHost,
        disableInstanceDiscovery: true,
      },
    );
    const client = armClient(emu, credential);
    const product = await client.product.createOrUpdate(emu.resourceGroup, emu.serviceName, 'starter', {
      displayName: 'Starter',
      state: 'published',
    });
    expect(product.displayName).toBe('Starter');
    const oidc = emu.requests().find((r) => r.service === 'azureDevOps');
    expect(oidc).toMatchObject({ method: 'POST', status: 200 });
    expect(oidc?.query).toBe(`?api-version=7.1&serviceConnectionId=${emu.azureDevOps.serviceConnectionId}`);
  });

  it('fails clearly for a service connection the pipeline may not use', async () => {
    const credential = new AzurePipelinesCredential(
      emu.tenantId,
      clientId,
      '00000000-0000-4000-8000-000000000bad',
      emu.azureDevOps.accessToken,
      {
        authorityHost: emu.authorityHost,
        disableInstanceDiscovery: true,
      },
    );
    await expect(credential.getToken('https://management.azure.com/.default')).rejects.toThrow(
      /was not found or this pipeline is not authorized/,
    );
  });

  it('fails the exchange naming the subject when the service connection name differs', async () => {
    const other = '5d0c2f1e-0000-4000-8000-00000000ad02';
    const subject = emu.azureDevOps.addServiceConnection({
      id: '7e0c2f1e-0000-4000-8000-00000000ad03',
      name: 'other-connection',
    });
    emu.registerApp({
      clientId: other,
      federatedCredentials: [
        { issuer: emu.azureDevOps.issuer, subject: emu.azureDevOps.subject, audiences: [exchangeAudience] },
      ],
    });
    const credential = new AzurePipelinesCredential(
      emu.tenantId,
      other,
      '7e0c2f1e-0000-4000-8000-00000000ad03',
      emu.azureDevOps.accessToken,
      {
        authorityHost: emu.authorityHost,
        disableInstanceDiscovery: true,
      },
    );
    const err = await credential.getToken('https://management.azure.com/.default').catch((e: Error) => e);
    expect(String(err)).toContain(
      `AADSTS700213: No matching federated identity record found for presented assertion subject '${subject}'`,
    );
  });
});

describe('ManagedIdentityCredential against the App Service shaped endpoint', () => {
  it('gets a token for ARM and deploys with it', async () => {
    const client = armClient(emu, new ManagedIdentityCredential());
    const backend = await client.backend.createOrUpdate(emu.resourceGroup, emu.serviceName, 'orders', {
      url: 'https://orders.internal',
      protocol: 'http',
    });
    expect(backend.url).toBe('https://orders.internal');
    const mi = emu.requests().find((r) => r.service === 'managedIdentity');
    expect(mi).toMatchObject({ method: 'GET', status: 200 });
    expect(mi?.query).toContain('resource=https%3A%2F%2Fmanagement.azure.com');
  });
});
