// `npm run bench -- deploy`: 500 policies in APIM, 100 of them changed in the repository, 100 ms added
// to every ARM call, concurrency 8. Prints the ARM writes (must be exactly 100), the reads, the apply
// wall time against the ideal ceil(100/8) x 0.1 s as a ratio (goal <= 1.25), and the writes of a rerun
// (must be 0). The emulator runs in its own process, as ARM is remote. The service-level deployment
// record (one named-value write, a long-running operation) is timed and printed separately.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ApimConnection, applyPlan, planDeployment, resolveIdentity } from '../src/deploy/index.js';
import { writeDeploymentRecord } from '../src/deploy/apply.js';
import { provenanceFor } from '../src/deploy/provenance.js';
import { loadRepository } from '../src/policy/layout.js';
import { githubCredential } from '../test/deploy/support.js';

const APIS = 50;
const OPS = 9; // 50 x (1 API policy + 9 operation policies) = 500 policies
const CHANGED_EVERY = 5; // every 5th policy changes: 100
const LATENCY_MS = 100;
const CONCURRENCY = 8;
const here = path.dirname(fileURLToPath(import.meta.url));

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
}

export async function run(): Promise<void> {
  // Live state: every policy at its old value (seeded, so APIM's reformatting applies).
  const apis: Record<string, unknown> = {};
  const files: Record<string, string> = {};
  let n = 0;
  let changed = 0;
  const oldText = new Map<string, string>();
  const desired = (i: number): string =>
    i % CHANGED_EVERY === 0 ? (changed++, policyXml(2000 + i)) : policyXml(1000 + i);
  for (let a = 0; a < APIS; a++) {
    const operations: Record<string, unknown> = {};
    const apiIndex = n++;
    files[`apis/api-${a}/policy.xml`] = desired(apiIndex);
    oldText.set(`apis/api-${a}/policy.xml`, policyXml(1000 + apiIndex));
    for (let o = 0; o < OPS; o++) {
      const i = n++;
      operations[`op-${o}`] = {
        displayName: `Op ${o}`,
        method: 'GET',
        urlTemplate: `/op-${o}`,
        policy: { value: policyXml(1000 + i), format: 'rawxml' },
      };
      files[`apis/api-${a}/operations/op-${o}/policy.xml`] = desired(i);
      oldText.set(`apis/api-${a}/operations/op-${o}/policy.xml`, policyXml(1000 + i));
    }
    apis[`api-${a}`] = {
      displayName: `API ${a}`,
      path: `api-${a}`,
      protocols: ['https'],
      policy: { value: policyXml(1000 + apiIndex), format: 'rawxml' },
      operations,
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-bench-deploy-'));
  const seedFile = path.join(dir, 'seed.json');
  await writeFile(seedFile, JSON.stringify({ apis }));
  const repoDir = path.join(dir, 'repo');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(repoDir, rel)), { recursive: true });
    await writeFile(path.join(repoDir, rel), text);
  }
  const child = spawn(
    path.join(here, '..', 'node_modules', '.bin', 'tsx'),
    [path.join(here, '_deploy-emulator.ts'), seedFile],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
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
    const conn = new ApimConnection(
      credential,
      { ...emu, endpoint: emu.armEndpoint },
      { pollIntervalMs: 100 },
    );
    const repository = await loadRepository(repoDir);
    const source = { commit: 'b'.repeat(40), ref: 'refs/heads/main' };
    const count = async (): Promise<{ reads: number; writes: number }> => {
      const log = ((await admin('GET', 'requests')) as LoggedRequest[]).filter((r) => r.service === 'arm');
      const writes = log.filter((r) => ['PUT', 'PATCH', 'DELETE'].includes(r.method)).length;
      return { writes, reads: log.filter((r) => r.method === 'GET' || r.method === 'HEAD').length };
    };
    await admin('PUT', 'latency', { ms: LATENCY_MS });
    await admin('DELETE', 'requests');

    // Three measured deployments of 100 changes each: B over A, A back over B, B again (median reported).
    const repoA = {
      ...repository,
      policies: repository.policies.map((p) => ({ ...p, text: oldText.get(p.file)! })),
    };
    const rounds: { label: string; repo: typeof repository }[] = [
      { label: 'B over A', repo: repository },
      { label: 'A over B', repo: repoA },
      { label: 'B over A', repo: repository },
    ];
    const ratios: number[] = [];
    const idealMs = Math.ceil(changed / CONCURRENCY) * LATENCY_MS;
    console.log(
      `policies: ${repository.policies.length}, changed: ${changed}, latency ${LATENCY_MS} ms per ARM call, concurrency ${CONCURRENCY}; ideal apply ${(idealMs / 1000).toFixed(1)} s`,
    );
    let allExact = true;
    for (const round of rounds) {
      await admin('DELETE', 'requests');
      let t = performance.now();
      const plan = await planDeployment({
        repository: round.repo,
        connection: conn,
        source,
        environment: 'bench',
        concurrency: CONCURRENCY,
      });
      const planMs = performance.now() - t;
      const afterPlan = await count();
      t = performance.now();
      const result = await applyPlan({
        plan,
        connection: conn,
        identity,
        concurrency: CONCURRENCY,
        writeRecord: false,
      });
      const applyMs = performance.now() - t;
      const afterApply = await count();
      const writes = afterApply.writes - afterPlan.writes;
      allExact &&= writes === changed;
      ratios.push(applyMs / idealMs);
      console.log(
        `${round.label}: plan ${plan.summary.update} update / ${plan.summary.unchanged} unchanged, ${afterPlan.reads} reads in ${(planMs / 1000).toFixed(2)} s; ` +
          `apply ${result.outcome}: ARM writes ${writes} (must be ${changed}), reads ${afterApply.reads - afterPlan.reads}, ` +
          `wall ${(applyMs / 1000).toFixed(3)} s, ratio ${(applyMs / idealMs).toFixed(3)}`,
      );
    }

    await admin('DELETE', 'requests');
    const t = performance.now();
    await writeDeploymentRecord(conn, 'bench', provenanceFor(source, identity, 'bench'));
    const recordMs = performance.now() - t;
    const record = await count();

    await admin('DELETE', 'requests');
    const rerunPlan = await planDeployment({
      repository,
      connection: conn,
      source,
      environment: 'bench',
      concurrency: CONCURRENCY,
    });
    const rerun = await applyPlan({ plan: rerunPlan, connection: conn, identity, concurrency: CONCURRENCY });
    const afterRerun = await count();

    const median = [...ratios].sort((x, y) => x - y)[1];
    console.log(
      `ARM writes per deployment: ${allExact ? `exactly ${changed}` : 'NOT exactly 100 (see above)'}`,
    );
    console.log(
      `apply wall time / ideal: median ${median.toFixed(3)} of ${ratios.map((r) => r.toFixed(3)).join(', ')} (goal <= 1.25)`,
    );
    console.log(
      `deployment record (separate, not in the figures above): ${record.writes} write + ${record.reads} reads (incl. LRO polls) in ${(recordMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `rerun: ${rerunPlan.summary.update + rerunPlan.summary.create} change(s) planned, ${afterRerun.writes} ARM writes (must be 0), ${rerun.outcome}`,
    );
  } finally {
    child.stdin!.end();
    await new Promise((r) => child.once('exit', r));
    await rm(dir, { recursive: true, force: true });
  }
}
