import { applyPlan, planDeployment, type ApplyResult } from '../../src/deploy/index.js';
import { readResource, refFor, type ResourceKind } from '../../src/deploy/resources.js';
import type { FaultSpec } from '../../src/emulator/index.js';
import type { PolicyRepository } from '../../src/policy/repository.js';
import {
  commitA,
  commitB,
  fastRetry,
  makeRepo,
  repoA,
  repoB,
  startApimBed,
  type ApimBed,
} from './support.js';

/**
 * Rollback restores only what apim-gogs itself wrote. A resource someone else changed afterwards is
 * theirs: it is left alone and named (exit 4). And a rollback write whose answer was lost is checked,
 * not reported as someone else's change: when APIM holds the snapshot again, it is restored (exit 3).
 */
let A: PolicyRepository;
let B: PolicyRepository;
beforeAll(async () => {
  A = await makeRepo(repoA);
  B = await makeRepo(repoB);
});

const kindOf: Record<string, ResourceKind> = {
  namedValues: 'namedValue',
  backends: 'backend',
  policyFragments: 'fragment',
};

async function live(bed: ApimBed, key: string): Promise<string> {
  const [collection, name] = key.split('/');
  const ref = collection === 'policies' ? refFor('globalPolicy') : refFor(kindOf[collection], { name });
  const r = await readResource(bed.connect(), ref);
  return r.exists ? JSON.stringify(r.properties) : '(absent)';
}

/** Deploys commit A, then commit B with `faults` in place; returns B's result. */
async function deployBWith(
  faults: FaultSpec[],
  requestTimeoutMs?: number,
): Promise<{ bed: ApimBed; result: ApplyResult; settled: () => Promise<void> }> {
  const bed = await startApimBed();
  const conn = bed.connect({ requestTimeoutMs });
  const identity = await bed.identity();
  const atA = await planDeployment({ repository: A, connection: conn, source: { commit: commitA } });
  expect((await applyPlan({ plan: atA, connection: conn, identity, retry: fastRetry })).exitCode).toBe(0);
  const plan = await planDeployment({ repository: B, connection: conn, source: { commit: commitB } });
  for (const f of faults) bed.emu.addFault(f);
  const result = await applyPlan({ plan, connection: conn, identity, retry: fastRetry });
  bed.emu.clearFaults();
  // Resolves once the emulator has finished every request, answered or given up on by the client.
  const settled = async (): Promise<void> => {
    while (bed.emu.inFlight() > 0) await new Promise((r) => setTimeout(r, 25));
  };
  return { bed, result, settled };
}

/** What commit A's plan would still change (nothing when APIM is fully at A). */
async function changesFromA(bed: ApimBed): Promise<string[]> {
  const plan = await planDeployment({
    repository: A,
    connection: bed.connect(),
    source: { commit: commitA },
  });
  return plan.entries.filter((e) => e.action !== 'unchanged').map((e) => e.key);
}

/** Exit 3, nothing named, and APIM fully at commit A: its content, and nothing only B has. */
async function expectRolledBackToA(bed: ApimBed, result: ApplyResult): Promise<void> {
  expect(result.notRestored).toEqual([]);
  expect(result.exitCode).toBe(3);
  expect(await changesFromA(bed)).toEqual([]);
  for (const created of ['namedValues/region', 'backends/billing', 'policyFragments/tracing'])
    expect(await live(bed, created)).toBe('(absent)');
}

// Every forward attempt fails; the rollback's own write would go through.
const attempts = fastRetry.attempts;

describe('rollback never overwrites a change someone else made', () => {
  it.each<[string, string, FaultSpec]>([
    [
      'a write that failed on every attempt',
      'policyFragments/cors',
      { kind: 'error', status: 500, method: 'PUT', path: '/policyFragments/cors', times: attempts },
    ],
    [
      'a write applied but answered 500 on every attempt',
      'backends/orders',
      { kind: 'errorAfterApply', status: 500, method: 'PUT', path: '/backends/orders', times: attempts },
    ],
    [
      'a create applied whose answer was lost on every attempt',
      'namedValues/region',
      { kind: 'dropAfterApply', method: 'PUT', path: '/namedValues/region', times: attempts },
    ],
  ])(
    'after %s, a portal edit before the rollback is left alone and named (exit 4)',
    async (_name, key, fault) => {
      // The rollback's first look at the resource is a GET; the edit lands just before it.
      const edit: FaultSpec = { kind: 'thirdPartyEdit', method: 'GET', path: `/${key}` };
      const { bed, result } = await deployBWith([fault, edit]);
      try {
        expect(result.failure?.key).toBe(key);
        expect(bed.emu.thirdPartyEdits().map((e) => e.path)).toEqual([key]);
        expect(result.exitCode).toBe(4);
        expect(result.notRestored.map((n) => n.key)).toEqual([key]);
        expect(result.notRestored[0].reason).toMatch(/someone else/);
        // Their change is still there, and everything else is back at commit A.
        expect(await live(bed, key)).toContain('third-party-1');
        // (Commit A's plan does not prune: a resource only commit B has shows no change from A.)
        expect(await changesFromA(bed)).toEqual(key === 'namedValues/region' ? [] : [key]);
      } finally {
        await bed.close();
      }
    },
  );

  it('a portal edit of a resource apim-gogs wrote, made during the rollback, is left alone and named', async () => {
    const { bed, result } = await deployBWith([
      { kind: 'error', status: 500, method: 'PUT', path: '/policies/policy', times: 0 },
      // The second PUT of env-name is the rollback's.
      { kind: 'thirdPartyEdit', method: 'PUT', path: '/namedValues/env-name', nth: 2 },
    ]);
    try {
      expect(result.exitCode).toBe(4);
      expect(result.notRestored.map((n) => n.key)).toEqual(['namedValues/env-name']);
      expect(await live(bed, 'namedValues/env-name')).toContain('third-party-1');
      expect(await changesFromA(bed)).toEqual(['namedValues/env-name']);
    } finally {
      await bed.close();
    }
  });
});

describe('a rollback write applied whose answer was lost is restored, not blamed on someone else', () => {
  it.each<[string, FaultSpec]>([
    [
      'backend update, connection dropped',
      { kind: 'dropAfterApply', method: 'PUT', path: '/backends/orders', nth: 2 },
    ],
    ['backend update, 500', { kind: 'errorAfterApply', method: 'PUT', path: '/backends/orders', nth: 2 }],
    [
      'named value update (long-running), connection dropped',
      { kind: 'dropAfterApply', method: 'PUT', path: '/namedValues/env-name', nth: 2 },
    ],
    [
      'fragment update (long-running), 500',
      { kind: 'errorAfterApply', method: 'PUT', path: '/policyFragments/cors', nth: 2 },
    ],
    [
      'delete of a created backend, connection dropped',
      { kind: 'dropAfterApply', method: 'DELETE', path: '/backends/billing' },
    ],
    [
      'delete of a created named value, 500',
      { kind: 'errorAfterApply', method: 'DELETE', path: '/namedValues/region' },
    ],
  ])('%s: exit 3 and APIM fully at the old commit', async (_name, lost) => {
    const { bed, result } = await deployBWith([
      { kind: 'error', status: 500, method: 'PUT', path: '/policies/policy', times: 0 },
      lost,
    ]);
    try {
      expect(result.failure?.key).toBe('policies/policy');
      await expectRolledBackToA(bed, result);
    } finally {
      await bed.close();
    }
  });
});

describe('a write given up on (no answer in time) that lands late does not undo the rollback', () => {
  it.each<[string, FaultSpec[]]>([
    [
      // Every attempt times out; the first lands after the rollback found the old content in place.
      'an update whose every attempt timed out',
      [{ kind: 'slow', delayMs: 3600, method: 'PUT', path: '/backends/orders', times: attempts }],
    ],
    [
      // The create's second attempt (no If-Match: a create has no ETag to match) lands after the
      // rollback deleted what its third attempt confirmed.
      'a create whose answer came too late twice',
      [
        { kind: 'slow', delayMs: 1600, method: 'PUT', path: '/backends/billing', times: 2 },
        { kind: 'error', status: 500, method: 'PUT', path: '/policies/policy', times: 0 },
      ],
    ],
    [
      // The forward write's long-running operation fails, and so does the rollback's fence of it:
      // APIM still holds the old content, so nothing is left changed (it was named before).
      'an update whose long-running operation failed, and the fence’s too',
      [{ kind: 'lroFailed', method: 'PUT', path: '/namedValues/env-name', times: 2 }],
    ],
  ])('%s: exit 3, and APIM still at the old commit once APIM has finished it', async (_name, faults) => {
    // A request timeout long enough for the bed's other requests on a busy machine, shorter than the slow answers.
    const { bed, result, settled } = await deployBWith(faults, 1000);
    try {
      await settled();
      await expectRolledBackToA(bed, result);
    } finally {
      await bed.close();
    }
  });
});
