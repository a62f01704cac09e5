import path from 'node:path';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { ClientAssertionCredential, type TokenCredential } from '@azure/identity';
import { startEmulator, tlsPaths, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import { projectRoot } from '../support/shared.js';

/**
 * Tests start the emulator with the certificates from .tools/tls (scripts/make-test-certs.ts), whose CA
 * `npm test` trusts through NODE_EXTRA_CA_CERTS: Node reads that variable only at start-up.
 */
export const testTls = tlsPaths(path.join(projectRoot, '.tools/tls'));

export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ tls: testTls, ...options });
}

/** The real APIM client pointed at the emulator, keeping ARM's credential scope. */
export function armClient(emu: Emulator, credential: TokenCredential): ApiManagementClient {
  return new ApiManagementClient(credential, emu.subscriptionId, {
    endpoint: emu.armEndpoint,
    credentialScopes: ['https://management.azure.com/.default'],
  });
}

export const exchangeAudience = 'api://AzureADTokenExchange';

/** Sets environment variables for the duration of a test file; returns a function that restores them. */
export function setEnv(vars: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** ARM requests in the log as `METHOD path-below-the-service status`. */
export function armCalls(emu: Emulator): string[] {
  return emu
    .requests()
    .filter((r) => r.service === 'arm')
    .map(
      (r) =>
        `${r.method} ${r.path.startsWith(emu.serviceId) ? r.path.slice(emu.serviceId.length + 1) : r.path} ${r.status}`,
    );
}

/**
 * A registered app and its ClientAssertionCredential fed straight from the emulated GitHub token
 * endpoint (tests that are not about @actions/core use this to avoid touching process.env).
 */
export function githubCredential(
  emu: Emulator,
  clientId = '9b1de0c1-0000-4000-8000-0000000000e1',
): ClientAssertionCredential {
  emu.registerApp({
    clientId,
    federatedCredentials: [
      { issuer: emu.github.issuer, subject: emu.github.subject, audiences: [exchangeAudience] },
    ],
  });
  const getAssertion = async (): Promise<string> => {
    const res = await fetch(`${emu.github.requestUrl}&audience=${encodeURIComponent(exchangeAudience)}`, {
      headers: { authorization: `Bearer ${emu.github.requestToken}` },
    });
    return ((await res.json()) as { value: string }).value;
  };
  return new ClientAssertionCredential(emu.tenantId, clientId, getAssertion, {
    authorityHost: emu.authorityHost,
    disableInstanceDiscovery: true,
  });
}
