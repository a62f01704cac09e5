import { applyPlan, planDeployment, type ApplyResult } from '../../src/deploy/index.js';
import { readResource, refFor } from '../../src/deploy/resources.js';
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
 * For each failure injected at each write of a multi-resource deployment (2 named values, 2 backends,
 * 2 fragments, the global policy: 4 updates and 3 creates), APIM ends fully at the old commit: the plan
 * of commit A shows nothing to change and nothing commit B created still exists.
 */
let A: PolicyRepository;
let B: PolicyRepository;
beforeAll(async () => {
  A = await makeRepo(repoA);
  B = await makeRepo(repoB);
});

const writes: [string, string][] = [
  ['namedValues/env-name', 'update'],
  ['namedValues/region', 'create'],
  ['backends/orders', 'update'],
  ['backends/billing', 'create'],
  ['policyFragments/cors', 'update'],
  ['policyFragments/tracing', 'create'],
  ['policies/policy', 'update'],
];
const longRunning = writes.filter(([k]) => k.startsWith('namedValues') || k.startsWith('policyFragments'));

async function deployedAtA(): Promise<ApimBed> {
  const bed = await startApimBed();
  const conn = bed.connect();
  const plan = await planDeployment({
    repository: A,
    connection: conn,
    source: { commit: commitA },
    environment: 'test',
  });
  const r = await applyPlan({ plan, connection: conn, identity: await bed.identity(), retry: fastRetry });
  expect(r.outcome).toBe('succeeded');
  return bed;
}

async function expectFullyAtA(bed: ApimBed): Promise<void> {
  const conn = bed.connect();
  const plan = await planDeployment({ repository: A, connection: conn, source: { commit: commitA } });
  expect(plan.entries.filter((e) => e.action !== 'unchanged').map((e) => `${e.action} ${e.key}`)).toEqual([]);
  for (const key of ['namedValues/region', 'backends/billing', 'policyFragments/tracing']) {
    const [kind, name] = key.split('/');
    const ref = refFor(kind === 'namedValues' ? 'namedValue' : kind === 'backends' ? 'backend' : 'fragment', {
      name,
    });
    expect({ key, exists: (await readResource(conn, ref)).exists }).toEqual({ key, exists: false });
  }
}

async function deployBWith(fault: FaultSpec): Promise<{ bed: ApimBed; result: ApplyResult }> {
  const bed = await deployedAtA();
  const conn = bed.connect();
  const plan = await planDeployment({
    repository: B,
    connection: conn,
    source: { commit: commitB },
    environment: 'test',
  });
  expect(plan.summary).toEqual({ create: 3, update: 4, delete: 0, unchanged: 0 });
  bed.emu.addFault(fault);
  const result = await applyPlan({
    plan,
    connection: conn,
    identity: await bed.identity(),
    retry: fastRetry,
  });
  bed.emu.clearFaults();
  return { bed, result };
}

type Case = [string, string, FaultSpec];
const cases: Case[] = [
  // A persistent 500 on each write (every retry fails too).
  ...writes.map(([key, action]): Case => [
    `persistent 500 on ${key} (${action})`,
    key,
    { kind: 'error', status: 500, method: 'PUT', path: `/${key}`, times: 0 },
  ]),
  // A long-running operation that ends Failed, on each long-running write.
  ...longRunning.map(([key, action]): Case => [
    `failed long-running operation on ${key} (${action})`,
    key,
    { kind: 'lroFailed', method: 'PUT', path: `/${key}` },
  ]),
  // The connection dropped on every attempt of each write.
  ...writes.map(([key, action]): Case => [
    `dropped connections on ${key} (${action})`,
    key,
    { kind: 'drop', method: 'PUT', path: `/${key}`, times: 0 },
  ]),
  // Someone else changes each updated resource between plan and apply.
  ...writes
    .filter(([, action]) => action === 'update')
    .map(([key]): Case => [
      `concurrent change of ${key}`,
      key,
      { kind: 'concurrentWrite', method: 'PUT', path: `/${key}` },
    ]),
];

describe('rollback: a failure at any write leaves APIM fully at the old commit', () => {
  it.each(cases)('%s', async (_name, key, fault) => {
    const { bed, result } = await deployBWith(fault);
    try {
      expect(result.outcome).toBe('rolled-back');
      expect(result.exitCode).toBe(3);
      expect(result.failure?.key).toBe(key);
      expect(result.failure?.concurrentChange).toBe(fault.kind === 'concurrentWrite');
      expect(result.notRestored).toEqual([]);
      // The policy is written last: all six earlier changes were made, then undone.
      if (key === 'policies/policy') expect(result.restored).toHaveLength(6);
      await expectFullyAtA(bed);
    } finally {
      await bed.close();
    }
  });

  it('reports exit 4 and names what it could not restore when the rollback itself fails', async () => {
    // The global policy write fails; restoring the fragment 'cors' fails too (its second PUT onwards).
    const bed = await deployedAtA();
    try {
      const conn = bed.connect();
      const plan = await planDeployment({
        repository: B,
        connection: conn,
        source: { commit: commitB },
        environment: 'test',
      });
      const recordRef = refFor('namedValue', { name: 'apim-gogs-deployment-test' });
      const before = await readResource(conn, recordRef);
      expect(JSON.parse(String(before.properties?.value))).toHaveProperty('state');
      bed.emu.addFault({ kind: 'error', status: 500, method: 'PUT', path: '/policies/policy', times: 0 });
      bed.emu.addFault({
        kind: 'error',
        status: 400,
        method: 'PUT',
        path: '/policyFragments/cors',
        nth: 2,
        times: 0,
      });
      const result = await applyPlan({
        plan,
        connection: conn,
        identity: await bed.identity(),
        retry: fastRetry,
      });
      expect(result.outcome).toBe('rollback-incomplete');
      expect(result.exitCode).toBe(4);
      expect(result.notRestored.map((n) => n.key)).toEqual(['policyFragments/cors']);
      // APIM is partly at B while the record names A: the record loses its state, so the next plan is full.
      const record = await readResource(conn, recordRef);
      expect(JSON.parse(String(record.properties?.value))).not.toHaveProperty('state');
      expect(result.restored).toEqual(
        expect.arrayContaining([
          'namedValues/env-name',
          'namedValues/region',
          'backends/orders',
          'backends/billing',
          'policyFragments/tracing',
        ]),
      );
    } finally {
      await bed.close();
    }
  });
});
