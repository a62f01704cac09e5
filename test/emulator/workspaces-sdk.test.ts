import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiManagementClient } from '@azure/arm-apimanagement';
import type { Emulator } from '../../src/emulator/index.js';
import { armCalls, armClient, githubCredential, startTestEmulator } from './support.js';

/**
 * The emulator's workspace routes through the real @azure/arm-apimanagement client: the same semantics
 * as their service-level twins (ETags and 412, long-running named values and fragments, the policy
 * validator, parents), 404 for a missing workspace, and a workspace's resources apart from the
 * service's of the same id.
 */

let emu: Emulator;
let client: ApiManagementClient;
let rg: string;
let svc: string;
const poll = { updateIntervalInMs: 1 };
const ok =
  '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound></policies>';

beforeAll(async () => {
  emu = await startTestEmulator({
    seed: {
      apis: { orders: { displayName: 'Orders', path: 'orders' } },
      workspaces: {
        sales: {
          displayName: 'Sales',
          apis: { orders: { displayName: 'Orders (sales)', path: 'sales/orders' } },
        },
      },
    },
  });
  client = armClient(emu, githubCredential(emu));
  rg = emu.resourceGroup;
  svc = emu.serviceName;
});
afterAll(() => emu.close());

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: { statusCode?: number }) => e.statusCode,
  );

describe('workspace routes', () => {
  it('a workspace policy may use <base />; a stale If-Match is 412 and the policy stays', async () => {
    const first = await client.workspacePolicy.createOrUpdate(rg, svc, 'sales', 'policy', {
      value: ok,
      format: 'rawxml',
    });
    expect(first.eTag).toBeTruthy();
    await client.workspacePolicy.createOrUpdate(
      rg,
      svc,
      'sales',
      'policy',
      {
        value: ok.replace(
          '<base /></inbound>',
          '<base /><set-header name="x" exists-action="override"><value>1</value></set-header></inbound>',
        ),
        format: 'rawxml',
      },
      { ifMatch: first.eTag },
    );
    expect(
      await status(
        client.workspacePolicy.createOrUpdate(
          rg,
          svc,
          'sales',
          'policy',
          { value: ok, format: 'rawxml' },
          { ifMatch: first.eTag },
        ),
      ),
    ).toBe(412);
    const now = await client.workspacePolicy.get(rg, svc, 'sales', 'policy', { format: 'rawxml' });
    expect(now.value).toContain('name="x"');
    // The service's global policy is another resource: <base /> is refused there.
    expect(
      await status(client.policy.createOrUpdate(rg, svc, 'policy', { value: ok, format: 'rawxml' })),
    ).toBe(400);
  });

  it('named values and fragments are long-running below a workspace too, and a workspace policy resolves them', async () => {
    emu.clearRequests();
    await client.workspaceNamedValue.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'sales',
      'sales-env',
      { displayName: 'sales-env', value: 'prod' },
      poll,
    );
    await client.workspacePolicyFragment.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'sales',
      'sales-frag',
      {
        value:
          '<fragment><set-header name="x-env" exists-action="override"><value>{{sales-env}}</value></set-header></fragment>',
        format: 'rawxml',
      },
      poll,
    );
    // Each PUT answers 201 with an operation the SDK polls to the end, then reads the result.
    const calls = armCalls(emu).map((c) => c.replace(/operationResults\/\w+/, 'operationResults/{id}'));
    expect(calls).toEqual([
      'PUT workspaces/sales/namedValues/sales-env 201',
      'GET tenant/operationResults/{id} 200',
      'GET tenant/operationResults/{id} 200',
      'GET workspaces/sales/namedValues/sales-env 200',
      'PUT workspaces/sales/policyFragments/sales-frag 201',
      'GET tenant/operationResults/{id} 200',
      'GET tenant/operationResults/{id} 200',
      'GET workspaces/sales/policyFragments/sales-frag 200',
    ]);
    await client.workspaceApiPolicy.createOrUpdate(rg, svc, 'sales', 'orders', 'policy', {
      value: ok.replace(
        '<base /></inbound>',
        '<base /><include-fragment fragment-id="sales-frag" /></inbound>',
      ),
      format: 'rawxml',
    });
    // The service does not see the workspace's named value or fragment.
    expect((await client.namedValue.listByService(rg, svc).byPage().next()).value).toEqual([]);
    expect(
      await status(
        client.apiPolicy.createOrUpdate(rg, svc, 'orders', 'policy', {
          value: ok.replace(
            '<base /></inbound>',
            '<base /><include-fragment fragment-id="sales-frag" /></inbound>',
          ),
          format: 'rawxml',
        }),
      ),
    ).toBe(400);
  });

  it('an invalid workspace policy is refused by the validator; a missing workspace API is 404', async () => {
    expect(
      await status(
        client.workspaceApiPolicy.createOrUpdate(rg, svc, 'sales', 'orders', 'policy', {
          value: '<policies><inbound><no-such-policy /></inbound></policies>',
          format: 'rawxml',
        }),
      ),
    ).toBe(400);
    expect(
      await status(
        client.workspaceApiPolicy.createOrUpdate(rg, svc, 'sales', 'nothing', 'policy', {
          value: ok,
          format: 'rawxml',
        }),
      ),
    ).toBe(404);
  });

  it('anything below a workspace that does not exist is 404, reads and writes alike', async () => {
    expect(await status(client.workspacePolicy.get(rg, svc, 'nowhere', 'policy'))).toBe(404);
    expect(
      await status(
        client.workspaceBackend.createOrUpdate(rg, svc, 'nowhere', 'b', {
          url: 'https://b.example',
          protocol: 'http',
        }),
      ),
    ).toBe(404);
    expect(
      (await client.workspace.listByService(rg, svc).byPage().next()).value.map(
        (w: { name?: string }) => w.name,
      ),
    ).toEqual(['sales']);
  });

  it('a delete with the ETag takes only the workspace resource, not the service one of the same id', async () => {
    const b = await client.workspaceBackend.createOrUpdate(rg, svc, 'sales', 'orders', {
      url: 'https://s.example',
      protocol: 'http',
    });
    await client.backend.createOrUpdate(rg, svc, 'orders', { url: 'https://svc.example', protocol: 'http' });
    await client.workspaceBackend.delete(rg, svc, 'sales', 'orders', b.eTag!);
    expect(await status(client.workspaceBackend.get(rg, svc, 'sales', 'orders'))).toBe(404);
    expect((await client.backend.get(rg, svc, 'orders')).url).toBe('https://svc.example');
  });
  it("a fragment a workspace policy includes cannot be deleted; the service's fragment of the same id can", async () => {
    const fragment = {
      value:
        '<fragment><set-header name="y" exists-action="override"><value>1</value></set-header></fragment>',
      format: 'rawxml' as const,
    };
    const svcFragment = await client.policyFragment.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'shared',
      fragment,
      poll,
    );
    const wsFragment = await client.workspacePolicyFragment.beginCreateOrUpdateAndWait(
      rg,
      svc,
      'sales',
      'shared',
      fragment,
      poll,
    );
    await client.workspaceApiPolicy.createOrUpdate(rg, svc, 'sales', 'orders', 'policy', {
      value: ok.replace('<base /></inbound>', '<base /><include-fragment fragment-id="shared" /></inbound>'),
      format: 'rawxml',
    });
    expect(
      await status(client.workspacePolicyFragment.delete(rg, svc, 'sales', 'shared', wsFragment.eTag!)),
    ).toBe(400);
    // The workspace policy includes the workspace's own 'shared', not the service's.
    expect(await status(client.policyFragment.delete(rg, svc, 'shared', svcFragment.eTag!))).toBe(200);
  });
  it('a workspace product lists its APIs as product-API links carrying the API full id', async () => {
    await client.workspaceProduct.createOrUpdate(rg, svc, 'sales', 'gold', { displayName: 'Gold' });
    const apiId = `${emu.serviceId}/workspaces/sales/apis/orders`;
    await client.workspaceProductApiLink.createOrUpdate(rg, svc, 'sales', 'gold', 'orders', { apiId });
    const links = (
      await client.workspaceProductApiLink.listByProduct(rg, svc, 'sales', 'gold').byPage().next()
    ).value as { apiId?: string }[];
    expect(links.map((l) => l.apiId)).toEqual([apiId]);
    expect(
      await status(
        client.workspaceProductApiLink.createOrUpdate(rg, svc, 'sales', 'gold', 'x', {
          apiId: `${emu.serviceId}/workspaces/sales/apis/nothing`,
        }),
      ),
    ).toBe(400);
  });
});

describe('workspace seeds', () => {
  it('an APIOps folder with workspaces/<ws>/workspaceInformation.json seeds the workspace and its content', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-ws-seed-'));
    try {
      const put = async (rel: string, text: string) => {
        await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
        await writeFile(path.join(dir, rel), text);
      };
      await put(
        'workspaces/team-a/workspaceInformation.json',
        JSON.stringify({ properties: { displayName: 'Team A' } }),
      );
      await put('workspaces/team-a/policy.xml', ok);
      await put(
        'workspaces/team-a/apis/echo/apiInformation.json',
        JSON.stringify({ properties: { displayName: 'Echo', path: 'echo' } }),
      );
      await put('workspaces/team-a/apis/echo/policy.xml', ok);
      const seeded = await startTestEmulator({ seed: dir });
      try {
        const c = armClient(seeded, githubCredential(seeded));
        const ws = await c.workspace.get(seeded.resourceGroup, seeded.serviceName, 'team-a');
        expect(ws.displayName).toBe('Team A');
        let raw = '';
        await c.workspaceApiPolicy.get(seeded.resourceGroup, seeded.serviceName, 'team-a', 'echo', 'policy', {
          format: 'rawxml',
          onResponse: (r) => (raw = r.bodyAsText ?? ''),
        });
        expect(JSON.parse(raw)).toMatchObject({
          type: 'Microsoft.ApiManagement/service/workspaces/apis/policies',
          properties: { value: expect.stringContaining('<base />') },
        });
        expect(
          await status(c.apiPolicy.get(seeded.resourceGroup, seeded.serviceName, 'echo', 'policy')),
        ).toBe(404);
      } finally {
        await seeded.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
