import { applyPlan, planDeployment } from '../../src/deploy/index.js';
import {
  commitA,
  commitB,
  fastRetry,
  globalPolicy,
  makeRepo,
  repoA,
  repoB,
  startApimBed,
  type ApimBed,
} from './support.js';
import type { PolicyRepository } from '../../src/policy/repository.js';
import type { FaultSpec } from '../../src/emulator/index.js';

let A: PolicyRepository;
let B: PolicyRepository;
beforeAll(async () => {
  A = await makeRepo(repoA);
  B = await makeRepo(repoB);
});

async function atA(): Promise<ApimBed> {
  const bed = await startApimBed();
  const conn = bed.connect();
  const plan = await planDeployment({
    repository: A,
    connection: conn,
    source: { commit: commitA },
    environment: 'test',
  });
  expect(
    (await applyPlan({ plan, connection: conn, identity: await bed.identity(), retry: fastRetry })).outcome,
  ).toBe('succeeded');
  bed.emu.clearRequests();
  return bed;
}

const armWrites = (bed: ApimBed): string[] =>
  bed.emu
    .requests()
    .filter((r) => r.service === 'arm' && ['PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => `${r.method} ${r.path.replace(/^.*\/service\/[^/]+\//, '')} ${r.status}`);

describe('apply', () => {
  it('writes in dependency order: named values and backends, then fragments, then policies', async () => {
    const bed = await atA();
    try {
      const conn = bed.connect();
      const planned = await planDeployment({
        repository: B,
        connection: conn,
        source: { commit: commitB },
        environment: 'test',
      });
      // Apply the plan as a later step would: from its JSON file.
      const plan = JSON.parse(JSON.stringify(planned)) as typeof planned;
      const result = await applyPlan({
        plan,
        connection: conn,
        identity: await bed.identity(),
        concurrency: 4,
      });
      expect(result.outcome).toBe('succeeded');
      expect(result.exitCode).toBe(0);
      const writes = armWrites(bed).filter((w) => !w.includes('apim-gogs-deployment'));
      const phase = (w: string): number =>
        w.includes('namedValues/') || w.includes('backends/') ? 0 : w.includes('policyFragments/') ? 1 : 2;
      expect(writes).toHaveLength(7);
      expect(writes.map(phase)).toEqual([...writes.map(phase)].sort());
      // Every update carried the plan-time ETag.
      expect(
        result.applied
          .filter((a) => a.action === 'update')
          .every((a) => a.etagBefore && a.etagAfter !== a.etagBefore),
      ).toBe(true);
    } finally {
      await bed.close();
    }
  });

  it('is idempotent: a second run for the same commit makes no write at all', async () => {
    const bed = await atA();
    try {
      const conn = bed.connect();
      const plan = await planDeployment({
        repository: A,
        connection: conn,
        source: { commit: commitA },
        environment: 'test',
      });
      expect(plan.summary).toEqual({ create: 0, update: 0, delete: 0, unchanged: 4 });
      const result = await applyPlan({ plan, connection: conn, identity: await bed.identity() });
      expect(result.outcome).toBe('no-changes');
      expect(result.writes).toBe(0);
      expect(armWrites(bed)).toEqual([]);
    } finally {
      await bed.close();
    }
  });

  it('stops at a concurrent change between plan and apply, overwrites nothing, names the resource', async () => {
    const bed = await atA();
    try {
      const conn = bed.connect();
      const plan = await planDeployment({
        repository: B,
        connection: conn,
        source: { commit: commitB },
        environment: 'test',
      });
      // Someone else writes the fragment just before our PUT reaches it.
      bed.emu.addFault({ kind: 'concurrentWrite', method: 'PUT', path: '/policyFragments/cors' });
      const result = await applyPlan({
        plan,
        connection: conn,
        identity: await bed.identity(),
        retry: fastRetry,
      });
      expect(result.outcome).toBe('rolled-back');
      expect(result.failure).toMatchObject({
        key: 'policyFragments/cors',
        concurrentChange: true,
        status: 412,
      });
      expect(result.failure?.message).toContain('policyFragments/cors');
      // The fragment got exactly one PUT (refused with 412); no policy was written.
      const writes = armWrites(bed);
      expect(writes.filter((w) => w.includes('policyFragments/cors'))).toEqual([
        'PUT policyFragments/cors 412',
      ]);
      expect(writes.some((w) => w.includes('policies/policy'))).toBe(false);
      const again = await planDeployment({ repository: A, connection: conn, source: { commit: commitA } });
      expect(again.summary.update + again.summary.create).toBe(0);
    } finally {
      await bed.close();
    }
  });

  const transient: [string, FaultSpec][] = [
    [
      '429 with Retry-After',
      { kind: 'throttle', retryAfterSeconds: 1, method: 'PUT', path: '/policies/policy' },
    ],
    ['429 without Retry-After', { kind: 'throttle', method: 'PUT', path: '/backends/billing' }],
    ['500', { kind: 'error', status: 500, method: 'PUT', path: '/namedValues/region' }],
    ['503', { kind: 'error', status: 503, method: 'PUT', path: '/policyFragments/tracing' }],
    [
      '409 PessimisticConcurrencyConflict',
      { kind: 'conflict', method: 'PUT', path: '/policyFragments/cors' },
    ],
    ['a dropped connection', { kind: 'drop', method: 'PUT', path: '/namedValues/env-name' }],
    ['429 on a plan read', { kind: 'throttle', method: 'GET', path: '/backends/orders' }],
  ];
  it.each(transient)('retries through %s and deploys everything', async (_name, fault) => {
    const bed = await atA();
    try {
      const conn = bed.connect();
      bed.emu.addFault(fault);
      const plan = await planDeployment({
        repository: B,
        connection: conn,
        source: { commit: commitB },
        environment: 'test',
        retry: fastRetry,
      });
      const result = await applyPlan({
        plan,
        connection: conn,
        identity: await bed.identity(),
        retry: fastRetry,
      });
      expect(result.outcome).toBe('succeeded');
      const failedAttempts = bed.emu
        .requests()
        .filter((r) => r.service === 'arm' && (r.status === 0 || r.status >= 409));
      expect(failedAttempts).toHaveLength(1);
      const after = await planDeployment({ repository: B, connection: conn, source: { commit: commitB } });
      expect(after.summary.unchanged).toBe(7);
    } finally {
      await bed.close();
    }
  });

  it('recognizes its own write after a timeout whose request APIM applied anyway (read before any retry)', async () => {
    const bed = await atA();
    try {
      const conn = bed.connect({ requestTimeoutMs: 300 });
      const plan = await planDeployment({
        repository: B,
        connection: conn,
        source: { commit: commitB },
        environment: 'test',
      });
      // The first PUT of the policy is answered after 800 ms: we give up at 300 ms, APIM applies it at 800 ms,
      // and before retrying (at about 1300 ms) we read the policy: it holds our write, so no second PUT.
      bed.emu.addFault({ kind: 'slow', delayMs: 800, method: 'PUT', path: '/policies/policy' });
      const result = await applyPlan({
        plan,
        connection: conn,
        identity: {},
        retry: { attempts: 3, baseDelayMs: 1000 },
      });
      expect(result.outcome).toBe('succeeded');
      const policyWrites = conn.records
        .filter((r) => r.method === 'PUT' && r.resource === 'policies/policy')
        .map((r) => r.status);
      expect(policyWrites).toEqual([0]);
      const after = await planDeployment({ repository: B, connection: conn, source: { commit: commitB } });
      expect(after.summary.unchanged).toBe(7);
    } finally {
      await bed.close();
    }
  });

  it('deploys a policy written in the XML-escaped form as xml; a rerun plans no change', async () => {
    const bed = await atA();
    try {
      const conn = bed.connect();
      const escaped = globalPolicy(
        '<set-header name="x-a" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault(&quot;a&quot;, &quot;&lt;none&gt;&quot;))</value></set-header>',
      );
      const repo = await makeRepo({ ...repoA, 'policy.xml': escaped });
      const plan = await planDeployment({ repository: repo, connection: conn, source: { commit: commitB } });
      expect(plan.entries.find((e) => e.key === 'policies/policy')?.desired?.format).toBe('xml');
      expect((await applyPlan({ plan, connection: conn, identity: {}, retry: fastRetry })).outcome).toBe(
        'succeeded',
      );
      const raw = await conn.client.policy.get(conn.resourceGroup, conn.serviceName, 'policy', {
        format: 'rawxml',
      });
      expect(raw.value).toContain('GetValueOrDefault("a", "<none>")');
      const again = await planDeployment({ repository: repo, connection: conn, source: { commit: commitB } });
      expect(again.summary.update + again.summary.create).toBe(0);
    } finally {
      await bed.close();
    }
  });

  it('deploys nothing when an environment placeholder has no value', async () => {
    const bed = await atA();
    try {
      const repo = await makeRepo({
        ...repoA,
        'policy.xml': repoA['policy.xml'].replace('{{env-name}}', '#{stage}#'),
      });
      const conn = bed.connect();
      await expect(
        planDeployment({ repository: repo, connection: conn, source: { commit: commitB } }),
      ).rejects.toMatchObject({
        name: 'ConfigurationError',
        diagnostics: [
          expect.objectContaining({ file: 'policy.xml', line: 3, ruleId: 'template/unresolved-placeholder' }),
        ],
      });
      expect(bed.emu.requests().filter((r) => r.service === 'arm')).toEqual([]);
      const ok = await planDeployment({
        repository: repo,
        connection: conn,
        source: { commit: commitB },
        values: { stage: 'prod' },
      });
      expect(ok.entries.find((e) => e.key === 'policies/policy')?.diff).toContain('+         prod');
    } finally {
      await bed.close();
    }
  });

  it('refuses a secret named value whose value is in the repository', async () => {
    const bed = await atA();
    try {
      const repo = await makeRepo({
        ...repoA,
        'named values/api-key/namedValueInformation.json': JSON.stringify({
          properties: { displayName: 'api-key', value: 's3cr3t', secret: true },
        }),
      });
      await expect(
        planDeployment({ repository: repo, connection: bed.connect(), source: { commit: commitB } }),
      ).rejects.toMatchObject({
        diagnostics: [
          expect.objectContaining({
            ruleId: 'deploy/secret-in-repository',
            file: 'named values/api-key/namedValueInformation.json',
          }),
        ],
      });
      expect(bed.emu.requests().filter((r) => r.service === 'arm')).toEqual([]);
    } finally {
      await bed.close();
    }
  });
});
