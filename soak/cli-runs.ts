import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApimBed, type ApimBed } from '../test/deploy/support.js';
import { projectRoot } from '../test/bed/paths.js';
import { describeFinding, SecretScanner } from '../test/support/secret-scan.js';
import { lastRequestEnd, runWatched } from '../test/support/watch-process.js';
import { RESOURCES, SEED, commitFiles, type Commit } from './fifty.js';
import { faultPlan, UNLIMITED } from './fault-schedules.js';
import { Random } from './random.js';

/**
 * Fault schedules through the shipped CLI bundle, as a CI step runs it: the process must end within
 * 10 s of its last request, exit 0/3/4 without a stack trace, and leave no secret anywhere (issue 9,
 * "Secrets"): the exact OIDC ID tokens, client assertions and access tokens the emulator issued or
 * received during the run, and the CI credentials in its environment, plain, base64 (both alphabets,
 * any alignment), URL-encoded or as Basic auth (test/support/secret-scan.ts), in stdout, stderr, the
 * outputs, summary and record files, the repository with all of .git, and the run's own TMPDIR and
 * HOME; and no JWT of any origin (the shape check below).
 */
export interface CliFigures {
  runs: number;
  lingering: number;
  stackTraces: number;
  badExit: number;
  leaks: number;
  /** Secret values looked for, over all runs (each in every encoding). */
  secretsScanned: number;
  slowestTailMs: number;
  failures: string[];
}

const bundle = process.env.APIM_GOGS_CLI_BUNDLE ?? path.join(projectRoot, 'dist/cli/index.js');
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\./;
const JWT_BASE64 = /ZXlK[A-Za-z0-9+/]{16,}/;
const JWT_URL = /eyJ[A-Za-z0-9_%-]{8,}%2[Ee]eyJ/;

export function leaksIn(text: string): string | undefined {
  for (const [name, re] of [
    ['a JWT', JWT],
    ['a base64-encoded JWT', JWT_BASE64],
    ['a URL-encoded JWT', JWT_URL],
  ] as const)
    if (re.test(text)) return name;
  return undefined;
}

/**
 * The secrets one run held: the tokens the emulator issued or received since `since` (its issued-token
 * log), and the CI credentials the run's environment carried (e.env()).
 */
function runSecrets(e: ApimBed['emu'], since: number): Record<string, string[]> {
  const secrets: Record<string, string[]> = {
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: [e.github.requestToken],
    'System.AccessToken': [e.azureDevOps.accessToken],
    IDENTITY_HEADER: [e.managedIdentity.header],
  };
  for (const t of e.issuedTokens().slice(since)) (secrets[t.kind] ??= []).push(t.value);
  return secrets;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function runCliSchedules(count: number, seed: number): Promise<CliFigures> {
  const rng = new Random(seed);
  const figures: CliFigures = {
    runs: 0,
    lingering: 0,
    stackTraces: 0,
    badExit: 0,
    leaks: 0,
    secretsScanned: 0,
    slowestTailMs: 0,
    failures: [],
  };
  const bed = await startApimBed({ seed: SEED, rateLimits: UNLIMITED });
  const work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-soak-cli-'));
  try {
    let versions = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const changed = rng.sample(RESOURCES, rng.int(5, 20));
      versions = new Map(versions);
      for (const r of changed) versions.set(r.key, (versions.get(r.key) ?? 0) + 1);
      const commit: Commit = { sha: '', versions, extra: [] };
      const dir = path.join(work, `run-${i}`);
      for (const [rel, content] of Object.entries(commitFiles(commit))) {
        await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
        await writeFile(path.join(dir, rel), content);
      }
      const git = (...a: string[]): string =>
        execFileSync('git', ['-C', dir, '-c', 'user.name=s', '-c', 'user.email=s@example.test', ...a], {
          encoding: 'utf8',
        });
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-q', '-m', `soak ${i}`);
      const { faults } = i === 0 ? { faults: [] } : faultPlan(rng, changed);
      bed.emu.clearFaults();
      bed.emu.clearRequests();
      for (const f of faults) bed.emu.addFault(f);
      const e = bed.emu;
      const out = path.join(work, `out-${i}`);
      await mkdir(out, { recursive: true });
      // Its own TMPDIR and HOME: whatever the run or git writes there is scanned with the rest.
      const tmp = path.join(work, `tmp-${i}`);
      const home = path.join(work, `home-${i}`);
      await mkdir(tmp);
      await mkdir(home);
      const tokensBefore = e.issuedTokens().length;
      const options: Record<string, string> = {
        'subscription-id': e.subscriptionId,
        'resource-group': e.resourceGroup,
        'service-name': e.serviceName,
        auth: 'github-oidc',
        'tenant-id': e.tenantId,
        'client-id': bed.clientId,
        'arm-endpoint': e.armEndpoint,
        'authority-host': e.authorityHost,
        environment: 'soak',
        output: path.join(out, 'record.json'),
        'outputs-file': path.join(out, 'outputs.env'),
        'summary-file': path.join(out, 'summary.md'),
      };
      const run = await runWatched(
        process.execPath,
        [bundle, 'deploy', dir, ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v])],
        {
          env: { ...process.env, ...e.env(), TMPDIR: tmp, HOME: home },
          lastActivity: () => lastRequestEnd(e.requests()),
        },
      );
      bed.emu.clearFaults();
      figures.runs++;
      figures.slowestTailMs = Math.max(figures.slowestTailMs, run.tailMs);
      if (run.lingered) {
        figures.lingering++;
        figures.failures.push(`cli run ${i}: still running 10 s after its last request`);
      }
      if (/^\s+at .+:\d+:\d+\)?$/m.test(run.stderr + run.stdout)) {
        figures.stackTraces++;
        figures.failures.push(`cli run ${i}: a stack trace`);
      }
      if (!run.lingered && ![0, 3, 4].includes(run.code ?? -1)) {
        figures.badExit++;
        figures.failures.push(
          `cli run ${i}: exit ${run.code}: ${run.stderr.split('\n').slice(-3).join(' | ')}`,
        );
      }
      const texts: [string, string][] = [
        ['stdout', run.stdout],
        ['stderr', run.stderr],
      ];
      for (const f of [...(await filesUnder(out)), path.join(dir, '.git', 'config')])
        texts.push([f, await readFile(f, 'latin1').catch(() => '')]);
      for (const [where, text] of texts) {
        const leak = leaksIn(text);
        if (leak) {
          figures.leaks++;
          figures.failures.push(`cli run ${i}: ${leak} in ${where}`);
        }
      }
      const secrets = runSecrets(e, tokensBefore);
      // A run that held no token would pass the scan by proving nothing.
      for (const kind of ['id-token', 'client-assertion', 'access-token'])
        if (!secrets[kind]) figures.failures.push(`cli run ${i}: no ${kind} was issued, nothing to scan for`);
      figures.secretsScanned += Object.values(secrets).flat().length;
      const scan = new SecretScanner(secrets);
      const findings = await scan.scan({
        texts: { stdout: run.stdout, stderr: run.stderr },
        paths: [out, dir, tmp, home],
      });
      figures.leaks += findings.length;
      for (const f of findings) figures.failures.push(`cli run ${i}: ${describeFinding(f)}`);
      // The service stays at this commit when the run failed: the next one starts from a whole commit.
      if (run.code !== 0) versions = new Map([...versions].map(([k, v]) => [k, v]));
    }
  } finally {
    await bed.close();
    await rm(work, { recursive: true, force: true });
  }
  return figures;
}
