import path from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { startGogsBed, type GogsBed } from './gogs-bed.js';
import { tlsDir } from './paths.js';

/** The GitHub repository whose workflow runs apim-gogs in the bed (the `sub` of its OIDC tokens). */
export const workflowRepository = 'platform/apim-config';

export interface Bed {
  gogs: GogsBed;
  azure: Emulator;
  /** Client ID of the app registration with federated credentials for the workflow. */
  clientId: string;
  /** Inputs that point the action at this bed (everything but mode). */
  inputs(): Record<string, string>;
  /** Environment the GitHub runner gives a step with `permissions: id-token: write`. */
  runnerEnv(): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The whole local test bed: a real Gogs with the policy repository, and the Azure emulator with the
 * APIM service that policy repository deploys to (APIs, operations and products exist, as they would
 * in a real service; the policies are what apim-gogs manages).
 */
export async function startBed(): Promise<Bed> {
  const gogs = await startGogsBed();
  let azure: Emulator | undefined;
  try {
    azure = await startEmulator({
      tls: {
        certFile: path.join(tlsDir, 'server.pem'),
        keyFile: path.join(tlsDir, 'server-key.pem'),
        caFile: path.join(tlsDir, 'ca.pem'),
      },
      seed: {
        apis: {
          'echo-api': {
            displayName: 'Echo API',
            path: 'echo',
            protocols: ['https'],
            serviceUrl: 'https://echo.contoso.internal',
            operations: { 'get-echo': { displayName: 'Get echo', method: 'GET', urlTemplate: '/echo' } },
          },
          'orders-api': { displayName: 'Orders API', path: 'orders', protocols: ['https'] },
        },
        products: { starter: { displayName: 'Starter', state: 'published', apis: ['echo-api'] } },
      },
    });
    const emulator = azure;
    const { clientId } = emulator.registerApp({
      clientId: '5f3c8c1e-9a43-4c8e-8a1b-0c0ffee00001',
      federatedCredentials: [
        {
          issuer: emulator.github.issuer,
          subject: `repo:${workflowRepository}:ref:refs/heads/main`,
          audiences: ['api://AzureADTokenExchange'],
        },
        {
          issuer: emulator.github.issuer,
          subject: `repo:${workflowRepository}:pull_request`,
          audiences: ['api://AzureADTokenExchange'],
        },
      ],
      roleOnService: true,
    });
    emulator.github.setContext({ repository: workflowRepository, ref: 'refs/heads/main', eventName: 'push' });
    return {
      gogs,
      azure: emulator,
      clientId,
      inputs: () => ({
        'gogs-url': gogs.url,
        repository: gogs.repository,
        token: gogs.bot.token,
        'gogs-ca-file': gogs.caFile,
        'tenant-id': emulator.tenantId,
        'client-id': clientId,
        'subscription-id': emulator.subscriptionId,
        'resource-group': emulator.resourceGroup,
        'service-name': emulator.serviceName,
        'arm-endpoint': emulator.armEndpoint,
        'authority-host': emulator.authorityHost,
      }),
      runnerEnv: () => ({
        ACTIONS_ID_TOKEN_REQUEST_URL: emulator.github.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.github.requestToken,
      }),
      async stop() {
        await emulator.close();
        await gogs.stop();
      },
    };
  } catch (err) {
    await azure?.close();
    await gogs.stop();
    throw err;
  }
}
