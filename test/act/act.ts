import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { node24Binary, projectRoot } from '../bed/paths.js';

const run = promisify(execFile);

/** nektos/act, built by the set-up command (scripts/setup.sh): a real GitHub Actions engine. */
export const actBinary = path.join(projectRoot, '.tools/bin/act');
export const workflowsDir = path.join(projectRoot, 'test/act/workflows');

/**
 * Why the act suite cannot run here, or undefined when it can. In CI a missing act or Node.js 24 is a
 * broken set-up, not a reason to skip: the suite then fails (see describeAct).
 */
export const actMissing: string | undefined = !existsSync(actBinary)
  ? `${path.relative(projectRoot, actBinary)} is missing: run "npm run setup" (it builds nektos/act v0.2.89)`
  : !node24Binary
    ? 'Node.js 24 is missing (npm run setup installs it on Linux x64): the action declares runs.using node24'
    : !existsSync(path.join(projectRoot, 'dist/index.js'))
      ? 'dist/index.js is missing: run "npm run package"'
      : undefined;

/** describe, or describe.skip with a message outside CI; in CI (CI=true) a missing act fails loudly. */
export function describeAct(name: string, fn: () => void): void {
  if (!actMissing) return describe(name, fn);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      it('has nektos/act, Node.js 24 and the bundle to run the workflows with', () => {
        throw new Error(`The act suite cannot run in CI: ${actMissing}.`);
      });
    });
  }
  console.warn(`Skipping "${name}": ${actMissing}.`);
  describe.skip(name, fn);
}

export interface WorkflowRunOptions {
  /** The event act simulates: push, pull_request, workflow_dispatch. */
  event: string;
  /** File name under test/act/workflows. */
  workflow: string;
  /** `vars.*` of the workflow (repository variables). */
  vars: Record<string, string>;
  /** `secrets.*` of the workflow. */
  secrets: Record<string, string>;
  /** Environment of every step, from an --env-file. */
  env: Record<string, string>;
  /** The event payload (github.event; workflow_dispatch inputs are its `inputs`). */
  payload?: unknown;
}

export interface WorkflowRun {
  /** act's exit code: 0 when every job succeeded. */
  exitCode: number;
  /** Everything act printed, as a user at a terminal sees it. */
  log: string;
  /** "succeeded" or "failed", from act's closing line for the job. */
  job: 'succeeded' | 'failed' | undefined;
  /** Step results by name, e.g. "Main Deploy policies" -> "Success", "Post Deploy policies" -> "Success". */
  steps: Map<string, string>;
  /** Outputs the steps set, as act reports them. */
  outputs: Record<string, string>;
  /** The job summary, as act reports what the steps appended to GITHUB_STEP_SUMMARY. */
  summary: string;
}

/** A value for act's --env-file / --secret-file / --var-file (dotenv, double-quoted). */
function dotenv(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => {
      if (/["\\\n]/.test(v)) throw new Error(`${k}: quotes, backslashes and newlines are not supported here`);
      return `${k}="${v}"\n`;
    })
    .join('');
}

/**
 * Runs one workflow file with act on the host (`-P ubuntu-latest=-self-hosted`, no Docker), from a
 * workflow repository whose origin is github.com/platform/apim-config, with node24 first in PATH (the
 * runtime action.yml declares) and HOME in a fresh folder (act's work and cache folders go there).
 */
export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowRun> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-act-'));
  try {
    const repo = path.join(root, 'apim-config');
    const home = path.join(root, 'home');
    await mkdir(repo);
    await mkdir(home);
    const git = (args: string[]) => run('git', args, { cwd: repo });
    await git(['init', '-q', '-b', 'main']);
    await git(['remote', 'add', 'origin', 'https://github.com/platform/apim-config.git']);
    await writeFile(path.join(repo, 'README.md'), 'Deploys APIM policies from Gogs\n');
    await git(['add', 'README.md']);
    await git([
      '-c',
      'user.name=CI',
      '-c',
      'user.email=ci@example.com',
      'commit',
      '-q',
      '-m',
      'Workflow repo',
    ]);

    const files = {
      env: path.join(root, 'env'),
      secrets: path.join(root, 'secrets'),
      vars: path.join(root, 'vars'),
      event: path.join(root, 'event.json'),
    };
    await writeFile(files.env, dotenv(options.env));
    await writeFile(files.secrets, dotenv(options.secrets));
    await writeFile(files.vars, dotenv(options.vars));
    await writeFile(files.event, JSON.stringify(options.payload ?? {}));
    const args = [
      options.event,
      '-W',
      path.join(workflowsDir, options.workflow),
      '-P',
      'ubuntu-latest=-self-hosted',
      '--action-offline-mode',
      '--no-cache-server',
      '--strict',
      '--env-file',
      files.env,
      '--secret-file',
      files.secrets,
      '--var-file',
      files.vars,
      '-e',
      files.event,
    ];
    const env = {
      PATH: `${path.dirname(node24Binary!)}${path.delimiter}${process.env.PATH}`,
      HOME: home,
      // No colour codes: the log is read as text.
      NO_COLOR: '1',
    };
    const result = await run(actBinary, args, { cwd: repo, env, maxBuffer: 64 * 1024 * 1024 }).then(
      (r) => ({ exitCode: 0, log: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        exitCode: e.code,
        log: e.stdout + e.stderr,
      }),
    );
    return { ...result, ...parseActLog(result.log) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** The annotations (::error / ::warning / ::notice workflow commands) act received, in order. */
export function annotations(log: string): Annotation[] {
  const out: Annotation[] = [];
  for (const m of log.matchAll(/::(error|warning|notice)(?: ([^:\n]*))?::([^\n]*)/g)) {
    const properties = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
    );
    out.push({ level: m[1], properties, message: m[3] });
  }
  return out;
}

/**
 * Reads act's own report of a run from its plain log: lines are `[workflow/job] ...`, a step's
 * output lines are `[...]   | text`, and act's own events are marked ✅ / ❌ / ⚙ / 🏁.
 */
export function parseActLog(log: string): Omit<WorkflowRun, 'exitCode' | 'log'> {
  const steps = new Map<string, string>();
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  let job: WorkflowRun['job'];
  const lines = log.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const step = /^\[[^\]]+\]\s+(?:✅|❌)\s+(Success|Failure) - (.+?)(?: \[[\d.]+[µnm]?s\])?$/u.exec(line);
    if (step) steps.set(step[2], step[1]);
    const output = /^\[[^\]]+\]\s+⚙\s+::set-output:: ([^=]+)=(.*)$/u.exec(line);
    if (output) outputs[output[1]] = output[2];
    const finished = /^\[[^\]]+\]\s+🏁\s+Job (succeeded|failed)$/u.exec(line);
    if (finished) job = finished[1] as WorkflowRun['job'];
    // act prints the summary a step appended as one event; its later lines carry no prefix.
    const sum = /^\[[^\]]+\]\s+⚙\s+Summary - (.*)$/u.exec(line);
    if (sum) {
      summary.push(sum[1]);
      while (i + 1 < lines.length && !lines[i + 1].startsWith('[')) summary.push(lines[++i]);
    }
  }
  return { job, steps, outputs, summary: summary.join('\n') };
}
