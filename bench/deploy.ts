// `npm run bench -- deploy`: 5,000 policies in APIM, 100 of them changed by the next commit, 100 ms
// added to every ARM call, writes 8 at a time, reads 16 at a time. The emulator runs in its own
// process (ARM is remote) with its ARM throttling model on. Prints, each measured in this run:
//   incremental deployment (plan + apply + record): ARM requests (goal <= 2 x 100 + c) and wall time
//     against the ideal 2 x ceil(100/8) x 0.1 s + the record (read, lease taken, lease released) (goal <= 1.25);
//   a rerun of the deployed commit: ARM requests (goal <= c);
//   a full plan: wall time against ceil(5000/16) x 0.1 s (goal <= 1.25), and how many answers were 429
//     (goal 0) under a read bucket that refills slower than the plan would read;
//   before: the full plan as main ran it (reads 8 at a time, every resource read on every run).
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ApimConnection, applyPlan, planDeployment, resolveIdentity } from '../src/deploy/index.js';
import {
  claimLease,
  readDeploymentRecord,
  releaseLease,
  writeDeploymentRecord,
} from '../src/deploy/deployment-record.js';
import { provenanceFor } from '../src/deploy/provenance.js';
import { recordStateFor } from '../src/deploy/record-state.js';
import type { RateLimits } from '../src/emulator/rate-limit.js';
import { loadRepository } from '../src/policy/layout.js';
import { githubCredential } from '../test/deploy/support.js';

const APIS = 500;
const OPS = 9; // 500 x (1 API policy + 9 operation policies) = 5,000 policies
const CHANGED_EVERY = 50; // every 50th policy changes: 100
const LATENCY_MS = 100;
const WRITES = 8;
const READS = 16;
const ENV = 'bench';
/**
 * ARM's documented write bucket; a read bucket that refills slower than 16 reads per 100 ms would
 * spend it (130/s against 160/s), so a full plan must pace itself to stay clear of 429s.
 */
const LIMITS: RateLimits = {
  reads: { capacity: 250, refillPerSecond: 130 },
  writes: { capacity: 200, refillPerSecond: 10 },
};
const here = path.dirname(fileURLToPath(import.meta.url));
const exec = promisify(execFile);

const policyXml = (calls: number): string =>
  `<policies>\n  <inbound>\n    <base />\n    <rate-limit calls="${calls}" renewal-period="60" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n`;

interface EmulatorInfo {
  armEndpoint: string;
  authorityHost: string;
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  serviceName: string;
  github: { requestUrl: string; requestToken: string; issuer: string; subject: string };
}

interface LoggedRequest {
  service: string;
  method: string;
  status: number;
}

export async function run(): Promise<void> {
  // Commit A is live (seeded, so APIM's reformatting applies); commit B changes every 50th policy.
  const apis: Record<string, unknown> = {};
  const a: Record<string, string> = {};
  const b: Record<string, string> = {};
  let n = 0;
  const add = (file: string): string => {
    const i = n++;
    a[file] = policyXml(1000 + i);
    b[file] = i % CHANGED_EVERY === 0 ? policyXml(20000 + i) : a[file];
    return a[file];
  };
  for (let x = 0; x < APIS; x++) {
    const operations: Record<string, unknown> = {};
    const apiPolicy = add(`apis/api-${x}/policy.xml`);
    for (let o = 0; o < OPS; o++) {
      const value = add(`apis/api-${x}/operations/op-${o}/policy.xml`);
      operations[`op-${o}`] = {
        displayName: `Op ${o}`,
        method: 'GET',
        urlTemplate: `/op-${o}`,
        policy: { value, format: 'rawxml' },
      };
    }
    apis[`api-${x}`] = {
      displayName: `API ${x}`,
      path: `api-${x}`,
      protocols: ['https'],
      policy: { value: apiPolicy, format: 'rawxml' },
      operations,
    };
  }
  const changed = Object.keys(b).filter((f) => a[f] !== b[f]).length;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-bench-deploy-'));
  const seedFile = path.join(dir, 'seed.json');
  await writeFile(seedFile, JSON.stringify({ apis }));
  const repoDir = path.join(dir, 'repo');
  const git = (...args: string[]) => exec('git', args, { cwd: repoDir, maxBuffer: 1 << 26 });
  const writeTree = async (files: Record<string, string>): Promise<void> => {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(repoDir, rel)), { recursive: true });
      await writeFile(path.join(repoDir, rel), text);
    }
  };
  await mkdir(repoDir);
  await git('init', '-q', '-b', 'main');
  await writeTree(a);
  await git('add', '-A');
  await git('-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '-m', 'A');
  const commitA = (await git('rev-parse', 'HEAD')).stdout.trim();
  await writeTree(b);
  await git('-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-q', '-am', 'B');
  const commitB = (await git('rev-parse', 'HEAD')).stdout.trim();

  const child = spawn(
    path.join(here, '..', 'node_modules', '.bin', 'tsx'),
    [path.join(here, '_deploy-emulator.ts'), seedFile],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    });
    const emu = JSON.parse(line) as EmulatorInfo;
    const admin = async (method: string, what: string, body?: unknown): Promise<unknown> => {
      const res = await fetch(`${emu.armEndpoint}/_emulator/${what}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.status === 204 ? undefined : res.json();
    };
    const { clientId } = (await admin('POST', 'apps', {
      clientId: '11111111-2222-4333-8444-555555555555',
      federatedCredentials: [
        { issuer: emu.github.issuer, subject: emu.github.subject, audiences: ['api://AzureADTokenExchange'] },
      ],
    })) as { clientId: string };
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = emu.github.requestUrl;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = emu.github.requestToken;
    const credential = githubCredential(emu, clientId);
    const identity = await resolveIdentity(credential); // signs in (token cached) before anything is timed
    // A new connection per scenario: each starts without knowledge of ARM's budget, as a run does.
    const connect = () =>
      new ApimConnection(credential, { ...emu, endpoint: emu.armEndpoint }, { pollIntervalMs: 100 });
    const repository = await loadRepository(repoDir);
    const source = (commit: string) => ({ commit, ref: 'refs/heads/main' });
    /** Clears the log and refills ARM's buckets, so each scenario starts from the same budget. */
    const fresh = async (): Promise<void> => {
      await admin('DELETE', 'requests');
      await admin('PUT', 'rate-limits', LIMITS);
    };
    const log = async (): Promise<LoggedRequest[]> =>
      ((await admin('GET', 'requests')) as LoggedRequest[]).filter((r) => r.service === 'arm');
    await admin('PUT', 'latency', { ms: LATENCY_MS });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `policies: ${repository.policies.length}, changed: ${changed}, latency ${LATENCY_MS} ms per ARM call, ` +
        `reads ${READS} / writes ${WRITES} at a time; ARM model: reads ${LIMITS.reads!.capacity} + ${LIMITS.reads!.refillPerSecond}/s, ` +
        `writes ${LIMITS.writes!.capacity} + ${LIMITS.writes!.refillPerSecond}/s per principal`,
    );

    // The record of commit A, as a deployment of A leaves it.
    await fresh();
    const stateA = await recordStateFor({ root: repoDir, overrides: false });
    await writeDeploymentRecord(
      connect(),
      ENV,
      provenanceFor(source(commitA), identity, ENV),
      undefined,
      stateA,
    );
    // A deployment's own part of the record, timed alone for the ideal: the plan's read, the lease
    // taken before the first write and released (with the new commit) after the last.
    await fresh();
    let t = performance.now();
    {
      const c = connect();
      const p = provenanceFor(source(commitB), identity, ENV);
      const claimed = await claimLease(c, ENV, await readDeploymentRecord(c, ENV), p);
      await releaseLease(c, ENV, claimed, { failed: true, dropState: false });
    }
    const recordMs = performance.now() - t;
    const recordRequests = (await log()).length;

    // Incremental deployment of B over A: plan + apply + record.
    await fresh();
    let conn = connect();
    t = performance.now();
    const plan = await planDeployment({
      repository,
      connection: conn,
      source: source(commitB),
      environment: ENV,
      readConcurrency: READS,
    });
    const planMs = performance.now() - t;
    const result = await applyPlan({ plan, connection: conn, identity, concurrency: WRITES });
    const incrementalMs = performance.now() - t;
    const incremental = await log();
    const idealMs = 2 * Math.ceil(changed / WRITES) * LATENCY_MS + recordMs;
    console.log(
      `incremental (${plan.scope.kind}: ${plan.scope.read} read, ${plan.scope.skipped} skipped): ${plan.summary.update} update(s); ` +
        `ARM requests ${incremental.length} (goal <= 2 x ${changed} + c; record alone ${recordRequests}), ` +
        `429s ${incremental.filter((r) => r.status === 429).length}; ${result.outcome}, record written ${result.recordWritten}`,
    );
    console.log(
      `incremental wall ${seconds(incrementalMs)} (plan ${seconds(planMs)}) vs ideal 2 x ceil(${changed}/${WRITES}) x 0.1 s + record ${seconds(recordMs)} = ${seconds(idealMs)}: ` +
        `ratio ${(incrementalMs / idealMs).toFixed(3)} (goal <= 1.25)`,
    );

    // A rerun of the deployed commit.
    await fresh();
    conn = connect();
    const rerunPlan = await planDeployment({
      repository,
      connection: conn,
      source: source(commitB),
      environment: ENV,
      readConcurrency: READS,
    });
    const rerun = await applyPlan({ plan: rerunPlan, connection: conn, identity, concurrency: WRITES });
    console.log(
      `rerun of ${commitB.slice(0, 7)}: ${rerunPlan.scope.kind}, ${(await log()).length} ARM request(s) (goal <= c), ${rerun.outcome}`,
    );

    // A full plan (what plan-scope: full, prune and a missing record get), under the throttling model.
    for (const [label, reads] of [
      ['full plan', READS],
      ['before (main: full plan, reads 8 at a time)', 8],
    ] as const) {
      await fresh();
      t = performance.now();
      const fullConn = connect();
      const full = await planDeployment({
        repository,
        connection: fullConn,
        source: source(commitB),
        environment: ENV,
        scope: 'full',
        readConcurrency: reads,
      });
      const fullMs = performance.now() - t;
      const requests = await log();
      const ideal = Math.ceil(full.scope.read / reads) * LATENCY_MS;
      console.log(
        `${label}: ${full.scope.read} read, ${requests.length} ARM requests, ${requests.filter((r) => r.status === 429).length} answered 429; ` +
          `wall ${seconds(fullMs)} vs ceil(${full.scope.read}/${reads}) x 0.1 s = ${seconds(ideal)}: ratio ${(fullMs / ideal).toFixed(3)}; ` +
          `paced ${fullConn.budget.reads.waits} time(s), refill seen ${fullConn.budget.reads.refillRate().toFixed(0)}/s` +
          (reads === READS ? ' (goal <= 1.25, 0 x 429)' : ''),
      );
    }
  } finally {
    child.stdin!.end();
    await new Promise((r) => child.once('exit', r));
    await rm(dir, { recursive: true, force: true });
  }
}
