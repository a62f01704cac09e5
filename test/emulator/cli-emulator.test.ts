import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientAssertionCredential } from '@azure/identity';
import { commands } from '../../src/doors/cli/commands/index.js';
import { rehearsalClientId, startFromArgs } from '../../src/doors/cli/commands/emulator.js';
import { armClient } from './support.js';

/** `apim-gogs emulator`: what it prints works as printed. */

function parseExports(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.startsWith('export '))
      .map((l) => {
        const m = /^export (\w+)='(.*)'$/.exec(l) as RegExpExecArray;
        return [m[1], m[2].replace(/'\\''/g, "'")];
      }),
  );
}

describe('apim-gogs emulator', () => {
  it('is registered as a sub-command', () => {
    expect(commands.map((c) => c.name)).toContain('emulator');
  });

  it('starts seeded, prints the environment, and a client configured from it deploys', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'emu-cli-'));
    const seed = path.join(dir, 'seed.json');
    writeFileSync(seed, JSON.stringify({ namedValues: { env: { displayName: 'env', value: 'rehearsal' } } }));
    const { emulator, exports } = await startFromArgs([
      '--seed',
      seed,
      '--tls-dir',
      '.tools/tls',
      '--github-environment',
      'prod',
    ]);
    try {
      const env = parseExports(exports);
      expect(env).toMatchObject({
        AZURE_CLIENT_ID: rehearsalClientId,
        APIM_GOGS_ARM_ENDPOINT: emulator.armEndpoint,
        ACTIONS_ID_TOKEN_REQUEST_URL: emulator.github.requestUrl,
        SYSTEM_OIDCREQUESTURI: emulator.azureDevOps.oidcRequestUri,
      });
      expect(env.NODE_EXTRA_CA_CERTS).toBe(path.resolve('.tools/tls/ca.pem'));
      expect(exports).toContain('repo:contoso/apim-policies:environment:prod');
      const getAssertion = async (): Promise<string> => {
        const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`, {
          headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
        });
        return ((await res.json()) as { value: string }).value;
      };
      const credential = new ClientAssertionCredential(
        env.AZURE_TENANT_ID,
        env.AZURE_CLIENT_ID,
        getAssertion,
        { authorityHost: env.APIM_GOGS_AUTHORITY_HOST, disableInstanceDiscovery: true },
      );
      const client = armClient(emulator, credential);
      expect(
        (await client.namedValue.get(env.APIM_GOGS_RESOURCE_GROUP, env.APIM_GOGS_SERVICE_NAME, 'env')).value,
      ).toBe('rehearsal');
    } finally {
      await emulator.close();
    }
  });

  it('refuses a bad port with a usage error', async () => {
    await expect(startFromArgs(['--port', 'x'])).rejects.toThrow('--port x is not a port number.');
  });
});
