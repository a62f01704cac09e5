import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { IssuedTokenKind } from '../../src/emulator/index.js';
import { registerPipelinesApp, pipelinesTaskEnv } from '../bed/azure-pipelines.js';
import { startBed, type Bed } from '../bed/bed.js';
import { doorRuntime, projectRoot } from '../bed/paths.js';
import { SimulatedRunner } from '../support/github-actions-env.js';
import { describeFinding, SecretScanner, visibleLog, type Encoding } from '../support/secret-scan.js';

// Issue 9, "Secrets": each bundled door (the action with its post step, the Azure DevOps task, the CLI)
// runs a whole deployment from the real Gogs bed (checkout, validate, plan, deploy, record, summary,
// outputs, and a SARIF report of the checkout), then a deployment that fails and rolls back, with
// debug logging on; then everything the run left is scanned for every secret it held, plain and
// encoded: the log (stdout, stderr; the host's own mask commands excepted), the outputs, the summary,
// the plan, the record, the SARIF file, the checkout with all of .git, the workspace, the runner's or
// agent's temp folder, and os.tmpdir() and HOME (both pointed at folders of this run). One bed serves
// the three doors, one after the other, as the runs of one pipeline would. The CI doors also run a
// pull-request check, whose plan comment on Gogs is read back and scanned too.

const run = promisify(execFile);
type Door = 'action' | 'task' | 'cli';
const DOORS: Door[] = ['action', 'task', 'cli'];

interface RunOptions {
  debug: boolean;
  /** Inputs on top of the bed's: at least the mode. */
  inputs: Record<string, string>;
}

/** What a run left behind: its log as the host shows it, the folders it could write, and its files of note. */
interface RunLeft {
  exitCode: number;
  texts: Record<string, string>;
  /** Every folder the run could write to: all of them are scanned. */
  dirs: string[];
  /** Products that must exist (or the scan proves nothing): record, plan, summary, outputs. */
  products: string[];
  /** The checkout the door made, this run's own folder, and the environment without the door's inputs. */
  checkout: string;
  root: string;
  env: Record<string, string>;
}

const policy = (value: string) =>
  `<policies><inbound><base /><set-header name="x-deployed-by" exists-action="override"><value>${value}</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;

let bed: Bed;
let adoClientId: string;
beforeAll(async () => {
  bed = await startBed();
  adoClientId = registerPipelinesApp(bed);
});
/** Folders the runs and the plant tests made, removed at the end (they are scanned before that). */
const made: string[] = [];
const tempDir = async (prefix: string): Promise<string> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(async () => {
  await bed?.stop();
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const settle = (p: Promise<{ stdout: string; stderr: string }>) =>
  p.then(
    (x) => ({ exitCode: 0, stdout: x.stdout, stderr: x.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      exitCode: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

/**
 * Debug logging as a user turns it on to diagnose a failed run: the runner's and the agent's debug
 * switches, the Azure SDK's verbose log (request and response headers) and git's traces.
 */
const DEBUG: Record<string, string> = {
  RUNNER_DEBUG: '1',
  SYSTEM_DEBUG: 'true',
  AZURE_LOG_LEVEL: 'verbose',
  GIT_TRACE: '1',
  GIT_CURL_VERBOSE: '1',
};

/** A fresh HOME and TMPDIR for one run, so whatever the door or git writes there is the run's alone. */
async function runFolders(
  door: Door,
  debug: boolean,
): Promise<{ root: string; env: Record<string, string> }> {
  const root = await tempDir(`apim-gogs-secrets-${door}-`);
  const home = path.join(root, 'home');
  const tmp = path.join(root, 'tmp');
  await mkdir(home);
  await mkdir(tmp);
  return {
    root,
    env: {
      PATH: process.env.PATH!,
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS!,
      HOME: home,
      TMPDIR: tmp,
      ...(debug ? DEBUG : {}),
    },
  };
}

/**
 * The SARIF report of a checkout, made by the CLI bundle as a workflow's next step would (the action
 * and the task report findings as annotations; SARIF comes from `validate --format sarif`). Its log
 * joins the run's texts.
 */
async function sarifOf(
  checkout: string,
  root: string,
  env: Record<string, string>,
  texts: Record<string, string>,
): Promise<string> {
  const file = path.join(root, 'results.sarif');
  const args = ['validate', checkout, '--format', 'sarif', '--output', file];
  const r = await settle(run(doorRuntime(), [path.join(projectRoot, 'dist/cli/index.js'), ...args], { env }));
  expect({ sarif: r.exitCode }).toEqual({ sarif: 0 });
  texts['validate --format sarif stdout'] = r.stdout;
  texts['validate --format sarif stderr'] = r.stderr;
  return file;
}

async function runAction({ debug, inputs: extra }: RunOptions): Promise<RunLeft> {
  const { root, env } = await runFolders('action', debug);
  const runner = await SimulatedRunner.create();
  made.push(runner.root);
  const inputs = { ...bed.inputs(), ...extra };
  const main = await runner.run('dist/index.js', inputs, { ...bed.runnerEnv(), ...env }, doorRuntime());
  // GitHub runs the post step after the job, even when the main step failed.
  const post = await runner.run('dist/post/index.js', inputs, env, doorRuntime());
  expect(post.exitCode).toBe(0);
  const checkout = path.join(runner.workspace, 'apim-policies');
  const texts: Record<string, string> = {
    'main step stdout': visibleLog(main.stdout),
    'main step stderr': main.stderr,
    'post step stdout': visibleLog(post.stdout),
    'post step stderr': post.stderr,
  };
  const products = [
    ...(extra.mode === 'deploy' ? [main.outputs.record] : []),
    main.outputs.plan,
    path.join(runner.temp, 'summary.md'),
    path.join(runner.temp, 'output'),
  ];
  return { exitCode: main.exitCode, texts, dirs: [runner.root, root], products, checkout, root, env };
}

async function runTask({ debug, inputs: extra }: RunOptions): Promise<RunLeft> {
  const { root, env: base } = await runFolders('task', debug);
  const temp = path.join(root, 'agent-temp');
  const sources = path.join(root, 'sources');
  await mkdir(temp);
  await mkdir(sources);
  const inputs = { ...bed.inputs(), ...extra };
  const env = { ...pipelinesTaskEnv(bed, adoClientId, inputs, { temp, sources }), ...base };
  const r = await settle(
    run(doorRuntime(), [path.join(projectRoot, 'dist/azure-pipelines/index.js')], { cwd: sources, env }),
  );
  const output = (name: string) =>
    new RegExp(`##vso\\[task\\.setvariable variable=${name};[^\\]]*\\](.+)`).exec(r.stdout)?.[1] ?? '';
  const summary = /##vso\[task\.uploadsummary\](.+)/.exec(r.stdout)?.[1] ?? '';
  const checkout = path.join(sources, 'apim-policies');
  // The step outputs are the ##vso[task.setvariable] lines of stdout.
  const texts: Record<string, string> = { stdout: visibleLog(r.stdout), stderr: r.stderr };
  const products = [...(extra.mode === 'deploy' ? [output('record')] : []), output('plan'), summary];
  return { exitCode: r.exitCode, texts, dirs: [root], products, checkout, root, env: base };
}

async function runCli({ debug, inputs: extra }: RunOptions): Promise<RunLeft> {
  const { root, env: base } = await runFolders('cli', debug);
  const cwd = path.join(root, 'work');
  await mkdir(cwd);
  const outputs = path.join(cwd, 'outputs.txt');
  const summary = path.join(cwd, 'summary.md');
  const args = ['run', '--outputs-file', outputs, '--summary-file', summary, '--auth', 'github-oidc'];
  const all: Record<string, string> = { ...bed.inputs(), ...extra };
  for (const [k, v] of Object.entries(all)) if (k !== 'token') args.push(`--${k}`, v);
  const env = { ...base, GOGS_TOKEN: all.token, ...bed.runnerEnv() };
  const r = await settle(
    run(doorRuntime(), [path.join(projectRoot, 'dist/cli/index.js'), ...args], { cwd, env }),
  );
  const text = await readFile(outputs, 'utf8').catch(() => '');
  const output = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(text)?.[1] ?? '';
  const checkout = path.join(cwd, 'apim-policies');
  const texts: Record<string, string> = { stdout: r.stdout, stderr: r.stderr };
  const products = [...(extra.mode === 'deploy' ? [output('record')] : []), output('plan'), summary, outputs];
  return { exitCode: r.exitCode, texts, dirs: [root], products, checkout, root, env: base };
}

const RUN: Record<Door, (options: RunOptions) => Promise<RunLeft>> = {
  action: runAction,
  task: runTask,
  cli: runCli,
};

const TOKEN_NAMES: Record<IssuedTokenKind, string> = {
  'id-token': 'OIDC ID token',
  'client-assertion': 'client assertion',
  'access-token': 'ARM access token',
};

/** Runs a door and scans what it left for every secret the run held; returns the findings, printable. */
async function runAndScan(
  door: Door,
  { debug = false, inputs = { mode: 'deploy' } }: Partial<RunOptions> = {},
): Promise<{ exitCode: number; findings: string[]; log: string }> {
  const before = bed.azure.issuedTokens().length;
  const left = await RUN[door]({ debug, inputs });
  // A pull-request check leaves its plan as a comment on Gogs, where the pull request's author reads it.
  const pr = inputs['pull-request'];
  if (pr) {
    const comments = (await bed.gogs.api('GET', `repos/${bed.gogs.repository}/issues/${pr}/comments`)) as {
      body: string;
    }[];
    left.texts[`pull request #${pr}'s comments on Gogs`] = comments.map((c) => c.body).join('\n');
    expect({ door, comment: comments.some((c) => c.body.includes('apim-gogs plan')) }).toEqual({
      door,
      comment: true,
    });
  }
  left.products.push(
    await sarifOf(left.checkout, left.root, left.env, left.texts),
    path.join(left.checkout, '.git', 'config'),
  );
  const issued = bed.azure.issuedTokens().slice(before);
  const secrets: Record<string, string[]> = {
    'Gogs token': [bed.gogs.bot.token],
    // The CI's own credentials for its token service are secrets of the job too.
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: [bed.azure.github.requestToken],
    'System.AccessToken': [bed.azure.azureDevOps.accessToken],
  };
  for (const [kind, name] of Object.entries(TOKEN_NAMES) as [IssuedTokenKind, string][]) {
    secrets[name] = issued.filter((t) => t.kind === kind).map((t) => t.value);
    // Every kind was really issued during the run: a scan for nothing would always pass.
    expect({ door, [name]: secrets[name].length > 0 }).toEqual({ door, [name]: true });
  }
  // Every product exists and lies in a scanned folder (a record written elsewhere would go unseen).
  for (const p of left.products) {
    const exists = await readFile(p).then(
      () => true,
      () => false,
    );
    const scanned = left.dirs.some((d) => !path.relative(d, p).startsWith('..'));
    expect({ door, product: p, exists, scanned }).toEqual({ door, product: p, exists: true, scanned: true });
  }
  const findings = await new SecretScanner(secrets).scan({ texts: left.texts, paths: left.dirs });
  return {
    exitCode: left.exitCode,
    findings: findings.map(describeFinding),
    log: Object.values(left.texts).join('\n'),
  };
}

describe.each(DOORS)('the %s bundle', (door) => {
  it('leaves no secret anywhere after a deployment', async () => {
    await bed.gogs.commit(
      { 'apis/orders-api/policy.xml': policy(`${door}-1`) },
      `Deploy through the ${door}`,
    );
    const { exitCode, findings } = await runAndScan(door);
    expect(exitCode).toBe(0);
    expect(findings).toEqual([]);
  }, 120_000);

  it('leaves no secret anywhere after a deployment that fails and rolls back, debug logging on', async () => {
    await bed.gogs.commit(
      { 'apis/orders-api/policy.xml': policy(`${door}-2`), 'apis/echo-api/policy.xml': policy(`${door}-2`) },
      `Two changes through the ${door}, one of which APIM refuses`,
    );
    // The second policy write is refused (400, not retried): the first is rolled back (exit 3).
    bed.azure.addFault({ kind: 'error', status: 400, method: 'PUT', path: '/policies/policy', nth: 2 });
    try {
      const { exitCode, findings, log } = await runAndScan(door, { debug: true });
      expect(exitCode).toBe(3);
      expect(findings).toEqual([]);
      // Debug logging was really on: the Azure SDK's log of every request is in the scanned log.
      expect(log).toMatch(/^azure:core-rest-pipeline:info Request: \{/m);
    } finally {
      bed.azure.clearFaults();
    }
  }, 120_000);
});

/** One pull request for the CI doors' checks, opened on first use. */
let pullRequest: Promise<number> | undefined;
const openPullRequest = () =>
  (pullRequest ??= bed.gogs
    .commit({ 'apis/orders-api/policy.xml': policy('from-a-pull-request') }, 'Propose a header', 'secrets-pr')
    .then(() => bed.gogs.openPullRequest('secrets-pr', 'main', 'Propose a header')));

// The CLI has no pull-request input: a pull-request check is a CI step.
describe.each(['action', 'task'] as Door[])('the %s bundle on a pull request', (door) => {
  it('leaves no secret in its plan comment on Gogs, or anywhere else', async () => {
    const number = await openPullRequest();
    bed.azure.github.setContext({ eventName: 'pull_request', ref: `refs/pull/${number}/merge` });
    try {
      const inputs = { mode: 'plan', ref: 'secrets-pr', 'pull-request': String(number) };
      const { exitCode, findings } = await runAndScan(door, { inputs });
      expect(exitCode).toBe(0);
      expect(findings).toEqual([]);
    } finally {
      bed.azure.github.setContext({ eventName: 'push', ref: 'refs/heads/main' });
    }
  }, 120_000);
});

describe('the scanner', () => {
  // Values shaped like the real ones: a Gogs token (40 hex) and a JWT; plus one with characters that
  // URL-encoding and the two base64 alphabets treat differently.
  const gogs = 'f3a9c1d27be04e5a8c6d9e0f1a2b3c4d5e6f7a8b';
  const jwt =
    'eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJzdWIiOiJyZXBvOnBsYXRmb3JtL2FwaW0iLCJhdWQiOiJhcGk6Ly9BenVyZUFEVG9rZW5FeGNoYW5nZSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi0xMjM0NTY3ODkw';
  const odd = 'sk~test>value?with/odd+chars=0123456789';
  const scanner = new SecretScanner({ 'Gogs token': gogs, 'OIDC ID token': jwt, 'client secret': odd });

  const planted: [string, string, Encoding, string][] = [
    ['Gogs token', 'plain', 'plain', `remote: https://${gogs}@gogs.example`],
    [
      'Gogs token',
      'Basic auth',
      'basic-auth',
      `Authorization: Basic ${Buffer.from(`${gogs}:`).toString('base64')}`,
    ],
    ['OIDC ID token', 'plain', 'plain', `{"value":"${jwt}"}`],
    [
      'OIDC ID token',
      'base64 inside a longer blob (offset 1)',
      'base64',
      Buffer.from(`x${jwt}`).toString('base64'),
    ],
    [
      'OIDC ID token',
      'base64 inside a longer blob (offset 2)',
      'base64',
      Buffer.from(`{"a":"${jwt}"}`).toString('base64'),
    ],
    ['OIDC ID token', 'every non-alphanumeric %-encoded', 'url-encoded', jwt.replace(/\./g, '%2e')],
    ['client secret', 'base64', 'base64', `secret=${Buffer.from(odd).toString('base64')}`],
    ['client secret', 'base64url', 'base64url', `t=${Buffer.from(odd).toString('base64url')}&x=1`],
    ['client secret', 'encodeURIComponent', 'url-encoded', `?s=${encodeURIComponent(odd)}`],
    [
      'client secret',
      'base64, then URL-encoded',
      'base64, url-encoded',
      `?s=${encodeURIComponent(Buffer.from(odd).toString('base64'))}`,
    ],
  ];

  it.each(planted)(
    'finds the %s planted %s, and names where without printing it',
    async (secret, _how, encoding, text) => {
      const dir = await tempDir('apim-gogs-plant-');
      await mkdir(path.join(dir, 'nested'));
      await writeFile(path.join(dir, 'nested', 'leak.txt'), `line one\n${text}\n`);
      await writeFile(path.join(dir, 'clean.txt'), 'nothing to see\n');
      const findings = await scanner.scan({ paths: [dir] });
      expect(findings).toEqual([{ where: path.join(dir, 'nested', 'leak.txt'), secret, encoding, line: 2 }]);
      for (const line of findings.map(describeFinding))
        for (const v of [gogs, jwt, odd]) expect(line).not.toContain(v);
    },
  );

  it('finds a secret committed into a checkout, where git keeps it compressed', async () => {
    const dir = await tempDir('apim-gogs-plant-git-');
    const git = (...a: string[]) =>
      run('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.test', ...a]);
    await git('init', '-q', '-b', 'main');
    await writeFile(path.join(dir, 'notes.txt'), `token ${gogs}\n`);
    await git('add', 'notes.txt');
    await git('commit', '-q', '-m', 'oops');
    await git('rm', '-q', 'notes.txt');
    const findings = await scanner.scan({ paths: [dir] });
    expect(findings.map((f) => [path.relative(dir, f.where), f.secret, f.encoding])).toEqual([
      ['.git objects', 'Gogs token', 'plain'],
    ]);
  });

  it('finds secrets in log text, and nothing in clean text', () => {
    expect(scanner.scanText('stderr', `ok\nBearer ${jwt}\n`)).toEqual([
      { where: 'stderr', secret: 'OIDC ID token', encoding: 'plain', line: 2 },
    ]);
    expect(scanner.scanText('stdout', `eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9 ${gogs.slice(0, 20)}`)).toEqual(
      [],
    );
  });

  it('refuses a value too short to scan for', () => {
    expect(() => new SecretScanner({ short: 'abc' })).toThrow(/too short/);
  });
});
