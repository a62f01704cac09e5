import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadRepository } from '../../src/policy/layout.js';

const POLICY = '<policies><inbound><base /></inbound></policies>';

async function makeRepo(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'apim-layout-'));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
  return root;
}

describe('loadRepository (APIOps layout)', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('gives every policy the scope of its place in the layout', async () => {
    root = await makeRepo({
      'policy.xml': POLICY,
      'apis/echo/policy.xml': POLICY,
      'apis/echo/operations/get/policy.xml': POLICY,
      'products/starter/policy.xml': POLICY,
      'policy fragments/auth/policy.xml': '<fragment />',
      'loose/thing.xml': POLICY,
      'apis/echo/specification.xml': '<wsdl/>',
      'apis/graph/resolvers/users/policy.xml': '<http-data-source />',
      'workspaces/team-a/apis/x/policy.xml': POLICY,
    });
    const repo = await loadRepository(root);
    const byFile = Object.fromEntries(repo.policies.map((p) => [p.file, p]));
    expect(byFile['policy.xml'].scope).toBe('global');
    expect(byFile['apis/echo/policy.xml']).toMatchObject({ scope: 'api', apiId: 'echo' });
    expect(byFile['apis/echo/operations/get/policy.xml']).toMatchObject({
      scope: 'operation',
      apiId: 'echo',
      operationId: 'get',
    });
    expect(byFile['products/starter/policy.xml']).toMatchObject({ scope: 'product', productId: 'starter' });
    expect(byFile['policy fragments/auth/policy.xml']).toMatchObject({
      scope: 'fragment',
      fragmentId: 'auth',
    });
    expect(byFile['loose/thing.xml'].scope).toBe('unknown');
    expect(byFile['apis/echo/specification.xml']).toBeUndefined();
    expect(byFile['apis/graph/resolvers/users/policy.xml'].scope).toBe('unknown');
    // A workspace holds the layout one level down (test/policy/workspaces.test.ts).
    expect(byFile['workspaces/team-a/apis/x/policy.xml']).toMatchObject({
      scope: 'api',
      apiId: 'x',
      workspaceId: 'team-a',
    });
    expect(repo.problems).toEqual([]);
  });

  it('reads named values, backends and fragment information in the APIOps JSON shape', async () => {
    root = await makeRepo({
      'named values/api-key/namedValueInformation.json': JSON.stringify({
        properties: {
          displayName: 'ApiKey',
          secret: true,
          keyVault: { secretIdentifier: 'https://kv/secrets/k' },
        },
      }),
      'backends/orders/backendInformation.json': JSON.stringify({
        properties: { url: 'https://orders.example.com', protocol: 'http' },
      }),
      'policy fragments/auth/policyFragmentInformation.json': JSON.stringify({
        properties: { description: 'd' },
      }),
    });
    const repo = await loadRepository(root);
    expect(repo.namedValues[0]).toMatchObject({
      id: 'api-key',
      displayName: 'ApiKey',
      secret: true,
      keyVault: { secretIdentifier: 'https://kv/secrets/k' },
    });
    expect(repo.backends[0]).toMatchObject({ id: 'orders', url: 'https://orders.example.com' });
    expect(repo.fragments[0]).toMatchObject({ id: 'auth', description: 'd' });
  });

  it('reports broken JSON, misplaced policies and undecodable files with a position', async () => {
    root = await makeRepo({
      'backends/b/backendInformation.json': '{\n  "properties": {,\n}',
      'apis/x/extra/policy.xml': POLICY,
      'apis/y/policy.xml': Uint8Array.from([0x3c, 0x70, 0x3e, 0x0a, 0xff, 0x3c]),
    });
    const repo = await loadRepository(root);
    const files = repo.problems.map((p) => p.file).sort();
    expect(files).toEqual([
      'apis/x/extra/policy.xml',
      'apis/y/policy.xml',
      'backends/b/backendInformation.json',
    ]);
    const utf8 = repo.problems.find((p) => p.file === 'apis/y/policy.xml');
    expect(utf8).toMatchObject({ line: 2, column: 1 });
    expect(utf8?.message).toMatch(/UTF-8/);
    const json = repo.problems.find((p) => p.file.endsWith('.json'));
    expect(json?.line).toBe(2);
  });
});
