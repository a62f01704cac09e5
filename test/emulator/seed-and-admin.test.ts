import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { ensureTlsDir } from '../../src/emulator/index.js';
import { armClient, githubCredential, startTestEmulator } from './support.js';

/** Seeding (JSON and APIOps folder), the admin endpoints, fault plan files and the certificate helpers. */

const poll = { updateIntervalInMs: 1 };

function apiOpsFolder(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'apiops-'));
  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write(
    'policy.xml',
    '<policies><inbound><set-header name="env" exists-action="override"><value>{{environment}}</value></set-header></inbound><backend><forward-request /></backend></policies>',
  );
  write(
    'named values/environment/namedValueInformation.json',
    JSON.stringify({ properties: { displayName: 'environment', value: 'rehearsal' } }),
  );
  write(
    'policy fragments/cors/policyFragmentInformation.json',
    JSON.stringify({ properties: { description: 'CORS' } }),
  );
  write(
    'policy fragments/cors/policy.xml',
    '<fragment><cors><allowed-origins><origin>*</origin></allowed-origins></cors></fragment>',
  );
  write(
    'backends/orders/backendInformation.json',
    JSON.stringify({ properties: { url: 'https://orders.internal', protocol: 'http' } }),
  );
  write(
    'apis/orders/apiInformation.json',
    JSON.stringify({ properties: { displayName: 'Orders', path: 'orders' } }),
  );
  write(
    'apis/orders/policy.xml',
    '<policies><inbound><base /><include-fragment fragment-id="cors" /></inbound></policies>',
  );
  write('apis/orders/operations/get-order/policy.xml', '<policies><inbound><base /></inbound></policies>');
  write(
    'products/gold/productInformation.json',
    JSON.stringify({ properties: { displayName: 'Gold', state: 'published' } }),
  );
  write('products/gold/apis.json', JSON.stringify([{ name: 'orders' }]));
  return root;
}

describe('seeding', () => {
  it('loads an APIOps-layout folder, validating it like APIM', async () => {
    const emu = await startTestEmulator({ seed: apiOpsFolder() });
    try {
      const client = armClient(emu, githubCredential(emu));
      const global = await client.policy.get(emu.resourceGroup, emu.serviceName, 'policy', {
        format: 'rawxml',
      });
      expect(global.value).toContain('<value>{{environment}}</value>');
      expect((await client.namedValue.get(emu.resourceGroup, emu.serviceName, 'environment')).value).toBe(
        'rehearsal',
      );
      expect(
        (await client.policyFragment.listReferences(emu.resourceGroup, emu.serviceName, 'cors')).count,
      ).toBe(1);
      expect(
        (
          await client.apiOperationPolicy.get(
            emu.resourceGroup,
            emu.serviceName,
            'orders',
            'get-order',
            'policy',
          )
        ).value,
      ).toContain('<base />');
      expect((await client.backend.get(emu.resourceGroup, emu.serviceName, 'orders')).url).toBe(
        'https://orders.internal',
      );
      expect(
        (await client.productApi.checkEntityExists(emu.resourceGroup, emu.serviceName, 'gold', 'orders'))
          .body,
      ).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('loads a JSON seed and refuses a seed APIM would refuse', async () => {
    const emu = await startTestEmulator({
      seed: {
        namedValues: { a: { displayName: 'a', value: '1' } },
        products: { p: { displayName: 'P', policy: '<policies><inbound><base /></inbound></policies>' } },
      },
    });
    await emu.close();
    await expect(
      startTestEmulator({ seed: { policy: '<policies><inbound><nope /></inbound></policies>' } }),
    ).rejects.toThrow(/Seed refused like APIM would refuse it: ValidationError/);
  });
});

describe('admin endpoints and fault plans', () => {
  it('adds faults, sets latency and reads the request log over HTTP', async () => {
    const emu = await startTestEmulator();
    try {
      const admin = (method: string, what: string, body?: unknown): Promise<Response> =>
        fetch(`${emu.armEndpoint}/_emulator/${what}`, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      expect(
        (
          await admin('POST', 'faults', [
            { kind: 'throttle', path: '/policies/policy', retryAfterSeconds: 0, method: 'GET' },
          ])
        ).status,
      ).toBe(204);
      expect((await admin('PUT', 'latency', { ms: 1 })).status).toBe(204);
      const client = armClient(emu, githubCredential(emu));
      await client.policy.get(emu.resourceGroup, emu.serviceName, 'policy');
      const log = (await (await admin('GET', 'requests')).json()) as { service: string; status: number }[];
      expect(log.filter((r) => r.service === 'arm').map((r) => r.status)).toEqual([429, 200]);
      expect((await admin('PUT', 'github', { environment: 'prod' })).status).toBe(200);
      expect(emu.github.subject).toBe('repo:contoso/apim-policies:environment:prod');
      expect((await admin('DELETE', 'requests')).status).toBe(204);
      expect(emu.requests()).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  it('reads a fault plan file; "/regex/" paths are regular expressions, times 0 means always', async () => {
    const emu = await startTestEmulator();
    try {
      const plan = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-')), 'faults.json');
      writeFileSync(
        plan,
        JSON.stringify([{ kind: 'conflict', method: 'PUT', path: '/backends\\/b[0-9]$/', nth: 2, times: 0 }]),
      );
      emu.loadFaultPlan(plan);
      const client = armClient(emu, githubCredential(emu));
      await client.backend.createOrUpdate(emu.resourceGroup, emu.serviceName, 'b1', {
        url: 'https://x',
        protocol: 'http',
      });
      for (let i = 0; i < 2; i++)
        await expect(
          client.backend.createOrUpdate(emu.resourceGroup, emu.serviceName, 'b1', {
            url: 'https://x',
            protocol: 'http',
          }),
        ).rejects.toMatchObject({ statusCode: 409 });
      await client.backend.createOrUpdate(emu.resourceGroup, emu.serviceName, 'bx', {
        url: 'https://x',
        protocol: 'http',
      });
    } finally {
      await emu.close();
    }
  });
});

describe('certificates', () => {
  it('writes a CA and a loopback server certificate once, and keeps them on the next run', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tls-'));
    const first = await ensureTlsDir(dir);
    expect(first.created).toBe(true);
    const cert = new X509Certificate(readFileSync(first.certFile));
    const ca = new X509Certificate(readFileSync(first.caFile));
    expect(cert.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost, IP Address:0:0:0:0:0:0:0:1');
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    const second = await ensureTlsDir(dir);
    expect(second.created).toBe(false);
    expect(readFileSync(second.caFile, 'utf8')).toBe(readFileSync(first.caFile, 'utf8'));
  });
});

describe('throttling and long-running operation pacing', () => {
  it('answers 429 with Retry-After once a principal spends its hourly write budget', async () => {
    const emu = await startTestEmulator({ rateLimits: { writesPerHour: 2 } });
    try {
      const client = armClient(emu, githubCredential(emu));
      const put = (): Promise<unknown> =>
        client.tag.createOrUpdate(emu.resourceGroup, emu.serviceName, 't', { displayName: 't' });
      await put();
      let remaining = '';
      await client.tag.createOrUpdate(
        emu.resourceGroup,
        emu.serviceName,
        't',
        { displayName: 't' },
        {
          onResponse: (r) =>
            (remaining = r.headers.get('x-ms-ratelimit-remaining-subscription-writes') ?? ''),
        },
      );
      expect(remaining).toBe('0');
      // The SDK would wait out the Retry-After (an hour at most); ask for no retries to see the 429 itself.
      const res = await fetch(`${emu.armEndpoint}${emu.serviceId}/tags/t?api-version=2024-05-01`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${(await githubCredential(emu).getToken('https://management.azure.com/.default'))?.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ properties: { displayName: 't' } }),
      });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    } finally {
      await emu.close();
    }
  });

  it('keeps an operation InProgress for the configured number of polls', async () => {
    const emu = await startTestEmulator({ lroPolls: 3 });
    try {
      const client = armClient(emu, githubCredential(emu));
      await client.namedValue.beginCreateOrUpdateAndWait(
        emu.resourceGroup,
        emu.serviceName,
        'n',
        { displayName: 'n', value: 'v' },
        poll,
      );
      const polls = emu.requests().filter((r) => r.path.includes('/tenant/operationResults/'));
      expect(polls).toHaveLength(4); // three InProgress, then Succeeded
    } finally {
      await emu.close();
    }
  });
});
