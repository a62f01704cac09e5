import { applyPlan, planDeployment, type Plan } from '../../src/deploy/index.js';
import { readDeploymentRecord } from '../../src/deploy/deployment-record.js';
import { recordName } from '../../src/deploy/provenance.js';
import { refFor, writeResource } from '../../src/deploy/resources.js';
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
 * The deployment lease in the environment's record: two deployments to one environment never write
 * at once, and a plan made before another deployment finished is refused before its first write, so
 * APIM ends at one whole commit (never one commit's changes beside another's).
 */
const ENV = 'prod';
const commitC = 'c'.repeat(40);
const repoC: Record<string, string> = {
  ...repoA,
  'backends/orders/backendInformation.json': JSON.stringify({
    properties: { url: 'https://orders-c.example', protocol: 'http' },
  }),
  'named values/env-name/namedValueInformation.json': JSON.stringify({
    properties: { displayName: 'env-name', value: 'c', secret: false },
  }),
};

let A: PolicyRepository;
let B: PolicyRepository;
let C: PolicyRepository;
let bed: ApimBed;
beforeAll(async () => {
  [A, B, C] = await Promise.all([makeRepo(repoA), makeRepo(repoB), makeRepo(repoC)]);
});
beforeEach(async () => {
  bed = await startApimBed();
  expect((await deploy(await planOf(A, commitA))).exitCode).toBe(0);
});
afterEach(() => bed.close());

function planOf(repository: PolicyRepository, commit: string): Promise<Plan> {
  return planDeployment({
    repository,
    connection: bed.connect(),
    source: { commit },
    environment: ENV,
    scope: 'full',
  });
}

async function deploy(plan: Plan) {
  return applyPlan({ plan, connection: bed.connect(), identity: await bed.identity(), retry: fastRetry });
}

/** What a plan of `repository` would still change: nothing when APIM holds exactly that commit. */
async function changesFrom(repository: PolicyRepository, commit: string): Promise<string[]> {
  const plan = await planOf(repository, commit);
  return plan.entries.filter((e) => e.action !== 'unchanged').map((e) => e.key);
}

async function record() {
  const r = await readDeploymentRecord(bed.connect(), ENV);
  return { ...r, parsed: JSON.parse(r.value ?? '{}') as { last?: { commit: string }; lease?: unknown } };
}

describe('the deployment lease', () => {
  it('two deployments of different commits at once: one deploys whole, the other writes nothing', async () => {
    const [pb, pc] = await Promise.all([planOf(B, commitB), planOf(C, commitC)]);
    const [rb, rc] = await Promise.all([deploy(pb), deploy(pc)]);
    const exits = [rb.exitCode, rc.exitCode].sort();
    expect(exits).toEqual([0, 3]);
    const [winner, loser] = rb.exitCode === 0 ? [rb, rc] : [rc, rb];
    expect(loser.failure?.key).toBe(`namedValues/${recordName(ENV)}`);
    expect(loser.failure?.message).toMatch(/Nothing was written/);
    expect(loser.applied).toEqual([]);
    // Its only write was the refused claim of the lease.
    expect(loser.requests.filter((r) => r.method === 'PUT' && r.status < 300)).toEqual([]);
    const [repo, commit] = winner === rb ? [B, commitB] : [C, commitC];
    expect(await changesFrom(repo, commit)).toEqual([]);
    expect((await record()).parsed.last?.commit).toBe(commit);
  });

  it('a plan made before another deployment ran is refused, and APIM keeps that deployment whole', async () => {
    const stale = await planOf(C, commitC);
    expect((await deploy(await planOf(B, commitB))).exitCode).toBe(0);
    const late = await deploy(stale);
    expect(late.exitCode).toBe(3);
    expect(late.failure?.message).toMatch(/changed after this plan read it.*Plan and deploy again/);
    expect(await changesFrom(B, commitB)).toEqual([]);
  });

  it('while a deployment holds the lease, a plan warns and a deployment is refused, naming it', async () => {
    const until = new Date(Date.now() + 30 * 60_000).toISOString();
    await leaveLease(until);
    const plan = await planOf(B, commitB);
    expect(plan.warnings.join('\n')).toMatch(
      new RegExp(`commit ${'d'.repeat(40)} to 'prod' has been running`),
    );
    const result = await deploy(plan);
    expect(result.exitCode).toBe(3);
    expect(result.failure?.message).toContain(`commit ${'d'.repeat(40)}`);
    expect(result.failure?.message).toContain(until);
    expect(result.writes).toBe(0);
    expect(await changesFrom(A, commitA)).toEqual([]);
  });

  it('a lease left by a run that was killed is taken over once it has run out', async () => {
    await leaveLease(new Date(Date.now() - 60_000).toISOString());
    const result = await deploy(await planOf(B, commitB));
    expect(result.exitCode).toBe(0);
    const r = await record();
    expect(r.parsed.last?.commit).toBe(commitB);
    expect(r.parsed.lease).toBeUndefined();
  });

  it('a lease of another shape in the live record (anyone may write it) is ignored, its text never shown', async () => {
    const hostile = '::error::pwned\n<img src=x onerror=alert(1)> ##vso[task.complete result=Succeeded]';
    await leaveLease(new Date(Date.now() + 30 * 60_000).toISOString(), hostile);
    const plan = await planOf(B, commitB);
    expect(plan.warnings.join('\n')).not.toMatch(/pwned|<img|##vso/);
    const result = await deploy(plan);
    expect(result.exitCode).toBe(0);
    expect(JSON.stringify(result)).not.toMatch(/pwned|<img|##vso/);
    expect((await record()).parsed.lease).toBeUndefined();
  });

  it('a failed deployment releases the lease and the record still names the old commit', async () => {
    bed.emu.addFault({ kind: 'error', status: 500, method: 'PUT', path: '/policies/policy', times: 0 });
    const result = await deploy(await planOf(B, commitB));
    bed.emu.clearFaults();
    expect(result.exitCode).toBe(3);
    const r = await record();
    expect(r.parsed.last?.commit).toBe(commitA);
    expect(r.parsed.lease).toBeUndefined();
    expect((await deploy(await planOf(B, commitB))).exitCode).toBe(0);
  });
});

/** The record as a run killed in the middle of a deployment leaves it: holding the lease. */
async function leaveLease(until: string, commit = 'd'.repeat(40)): Promise<void> {
  const conn = bed.connect();
  const now = await readDeploymentRecord(conn, ENV);
  const value = JSON.stringify({
    ...(JSON.parse(now.value ?? '{}') as object),
    lease: { run: 'killed-run', commit, since: new Date().toISOString(), until },
  });
  await writeResource(
    conn,
    refFor('namedValue', { name: recordName(ENV) }),
    { displayName: recordName(ENV), value, secret: false, tags: ['apim-gogs'] },
    now.etag,
  );
}
