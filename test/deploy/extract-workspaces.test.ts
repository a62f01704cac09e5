import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyPlan, planDeployment } from '../../src/deploy/index.js';
import { extractInstance } from '../../src/deploy/extract/index.js';
import { readApiOpsFolder } from '../../src/emulator/seed-apiops.js';
import type { Seed } from '../../src/emulator/seed.js';
import { loadArtifacts } from '../../src/policy/artifacts.js';
import {
  commitA,
  fastRetry,
  globalPolicy,
  policy,
  startApimBed,
  useGitHubEnv,
  type ApimBed,
} from './support.js';

/** extract of APIM workspaces: the layout below workspaces/<ws>/, round trips, the workspaces filter. */

async function tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else out.set(child, await readFile(path.join(dir, child), 'utf8'));
    }
  };
  await walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const rawxml = (value: string) => ({ value, format: 'rawxml' as const });

const workspace = (name: string): NonNullable<Seed['workspaces']>[string] => ({
  displayName: `${name} team`,
  description: `APIs of the ${name} team`,
  policy: rawxml(
    policy(`<set-header name="x-ws" exists-action="override"><value>${name}</value></set-header>`),
  ),
  namedValues: { [`${name}-env`]: { displayName: `${name}-env`, value: 'prod', secret: false } },
  backends: { [`${name}-api`]: { url: `https://${name}.example`, protocol: 'http' } },
  policyFragments: {
    [`${name}-cors`]: {
      ...rawxml(
        '<fragment>\n  <cors allow-credentials="false">\n    <allowed-origins><origin>https://app.example</origin></allowed-origins>\n    <allowed-methods><method>GET</method></allowed-methods>\n  </cors>\n</fragment>',
      ),
      description: 'CORS',
    },
  },
  apis: {
    orders: {
      displayName: `Orders (${name})`,
      path: `${name}/orders`,
      protocols: ['https'],
      policy: rawxml(
        policy(
          `<set-header name="x-env" exists-action="override"><value>{{${name}-env}}</value></set-header>\n    <include-fragment fragment-id="${name}-cors" />`,
        ),
      ),
      operations: {
        list: {
          displayName: 'List',
          method: 'GET',
          urlTemplate: '/',
          policy: rawxml(policy(`<set-backend-service backend-id="${name}-api" />`)),
        },
      },
    },
  },
  products: {
    gold: {
      displayName: 'Gold',
      state: 'published',
      apis: ['orders'],
      policy: rawxml(policy('<rate-limit calls="100" renewal-period="60" />')),
    },
  },
});

const SEED: Seed = {
  policy: rawxml(
    globalPolicy('<set-header name="x-svc" exists-action="override"><value>1</value></set-header>'),
  ),
  apis: { orders: { displayName: 'Orders', path: 'orders', protocols: ['https'] } },
  workspaces: { sales: workspace('sales'), billing: workspace('billing') },
};

/** The instance without what apim-gogs deploys: workspaces with their APIs and products only. */
function containers(folder: string): Seed {
  const seed = readApiOpsFolder(folder);
  const bare = (s: Seed): Seed => {
    for (const a of Object.values(s.apis ?? {})) {
      delete a.policy;
      for (const o of Object.values(a.operations ?? {})) delete o.policy;
    }
    for (const p of Object.values(s.products ?? {})) delete p.policy;
    return { apis: s.apis, products: s.products };
  };
  return {
    ...bare(seed),
    workspaces: Object.fromEntries(
      Object.entries(seed.workspaces ?? {}).map(([id, w]) => [
        id,
        { displayName: w.displayName, description: w.description, ...bare(w) },
      ]),
    ),
  };
}

const source = { commit: commitA, ref: 'refs/heads/main', repository: 'https://gogs.test/org/policies' };
const temps: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-extract-ws-'));
  temps.push(d);
  return d;
};

describe('extract with workspaces', () => {
  let bed: ApimBed;
  beforeAll(async () => {
    bed = await startApimBed({ seed: SEED });
  });
  afterAll(async () => {
    await bed?.close();
    for (const d of temps) await rm(d, { recursive: true, force: true });
  });

  it('writes each workspace below workspaces/<ws>/, and a plan of it against the same instance has zero changes', async () => {
    const conn = bed.connect();
    const root = await tempDir();
    const result = await extractInstance({ connection: conn, root });
    const files = [...(await tree(root)).keys()].filter((f) => f.startsWith('workspaces/sales/'));
    expect(files).toEqual([
      'workspaces/sales/apis/orders/apiInformation.json',
      'workspaces/sales/apis/orders/operations/list/policy.xml',
      'workspaces/sales/apis/orders/policy.xml',
      'workspaces/sales/backends/sales-api/backendInformation.json',
      'workspaces/sales/named values/sales-env/namedValueInformation.json',
      'workspaces/sales/policy fragments/sales-cors/policy.xml',
      'workspaces/sales/policy fragments/sales-cors/policyFragmentInformation.json',
      'workspaces/sales/policy.xml',
      'workspaces/sales/products/gold/apis/orders/productApiInformation.json',
      'workspaces/sales/products/gold/policy.xml',
      'workspaces/sales/products/gold/productInformation.json',
      'workspaces/sales/workspaceInformation.json',
    ]);
    expect(
      JSON.parse(await readFile(path.join(root, 'workspaces/sales/workspaceInformation.json'), 'utf8')),
    ).toEqual({
      properties: { description: 'APIs of the sales team', displayName: 'sales team' },
    });
    expect(result.counts).toMatchObject({ workspaces: 2, namedValues: 2, backends: 2, fragments: 2 });
    // The workspace API is not the service API of the same id.
    expect(await readFile(path.join(root, 'workspaces/sales/apis/orders/policy.xml'), 'utf8')).toContain(
      '{{sales-env}}',
    );

    const plan = await planDeployment({ repository: await loadArtifacts(root), connection: conn, source });
    expect(plan.summary).toMatchObject({ create: 0, update: 0, delete: 0 });
    // Per workspace: workspace, API, operation, product policies, a fragment, a named value, a backend; plus the global policy.
    expect(plan.summary.unchanged).toBe(1 + 2 * 7);
  });

  it('extract -> deploy to an instance with only the workspaces, APIs and products -> extract gives identical files', async () => {
    const first = await tempDir();
    await extractInstance({ connection: bed.connect(), root: first });
    const empty = await startApimBed({ seed: containers(first) });
    try {
      const conn = empty.connect();
      const plan = await planDeployment({ repository: await loadArtifacts(first), connection: conn, source });
      // A new instance has its default global policy: only the workspaces' resources are created.
      expect(plan.summary.create).toBe(2 * 7);
      const applied = await applyPlan({
        plan,
        connection: conn,
        identity: await empty.identity(),
        retry: fastRetry,
      });
      expect(applied.exitCode).toBe(0);
      const second = await tempDir();
      await extractInstance({ connection: conn, root: second });
      const a = await tree(first);
      const b = await tree(second);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [file, text] of a) expect({ file, text: b.get(file) }).toEqual({ file, text });
    } finally {
      await empty.close();
      useGitHubEnv(bed.emu); // the second bed pointed the ID-token request at itself
    }
  });

  it('the workspaces filter extracts only the workspaces named (case-insensitive), and the service level', async () => {
    const root = await tempDir();
    const result = await extractInstance({
      connection: bed.connect(),
      root,
      filters: { workspaces: ['SALES'] },
    });
    const tops = new Set(
      [...(await tree(root)).keys()].filter((f) => f.startsWith('workspaces/')).map((f) => f.split('/')[1]),
    );
    expect([...tops]).toEqual(['sales']);
    expect(result.counts.workspaces).toBe(1);
    expect(result.files).toContain('policy.xml');
  });

  it("a workspace backend's credential is written as a placeholder named with the workspace, never as its value", async () => {
    const conn = bed.connect();
    await conn.client.workspaceBackend.createOrUpdate(
      conn.resourceGroup,
      conn.serviceName,
      'sales',
      'keyed',
      {
        url: 'https://keyed.example',
        protocol: 'http',
        credentials: { header: { 'x-key': ['never-written-ws-secret'] } },
      },
    );
    const root = await tempDir();
    const result = await extractInstance({ connection: conn, root, filters: { workspaces: ['sales'] } });
    const text = await readFile(
      path.join(root, 'workspaces/sales/backends/keyed/backendInformation.json'),
      'utf8',
    );
    expect(text).not.toContain('never-written-ws-secret');
    expect(JSON.parse(text).properties.credentials).toEqual({
      header: { 'x-key': ['#{backend-sales-keyed-header-x-key}#'] },
    });
    expect(result.credentialPlaceholders).toEqual(['backend-sales-keyed-header-x-key']);
  });
});
