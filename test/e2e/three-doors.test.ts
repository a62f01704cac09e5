import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pipelinesTaskEnv, registerPipelinesApp } from '../bed/azure-pipelines.js';
import { startBed, type Bed } from '../bed/bed.js';
import { doorRuntime, projectRoot } from '../bed/paths.js';
import { SimulatedRunner } from '../support/github-actions-env.js';

// ONE scenario, run through each bundled door (the action, the Azure DevOps task and the CLI's `run`),
// each against its own bed (a real Gogs and an emulated APIM seeded alike). The doors must agree on
// every exit code, every annotation and every outcome: they run one pipeline.

const run = promisify(execFile);
type Door = 'action' | 'task' | 'cli';
const DOORS: Door[] = ['action', 'task', 'cli'];

interface Annotation {
  severity: string;
  file: string;
  line: number;
  rule: string;
}
interface StepResult {
  exitCode: number;
  annotations: Annotation[];
  changes?: string;
  log: string;
}

/** A step of the scenario: what the repository gets first, the inputs, and what every door must give. */
interface Step {
  name: string;
  commit?: Record<string, string | null>;
  inputs: Record<string, string>;
  exitCode: number;
}

const WILDCARD_CORS =
  '<policies><inbound><base /><cors><allowed-origins><origin>*</origin></allowed-origins><allowed-methods><method>GET</method></allowed-methods></cors></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>';
const BROKEN = '<policies><inbound><base /><set-heder name="x" /></inbound></policies>';

const SCENARIO: Step[] = [
  { name: 'checkout', inputs: { mode: 'checkout' }, exitCode: 0 },
  {
    name: 'validate with a warning',
    commit: { 'apis/orders-api/policy.xml': WILDCARD_CORS },
    inputs: { mode: 'validate' },
    exitCode: 0,
  },
  { name: 'plan', inputs: { mode: 'plan' }, exitCode: 0 },
  { name: 'deploy', inputs: { mode: 'deploy' }, exitCode: 0 },
  { name: 'verify', inputs: { mode: 'verify' }, exitCode: 0 },
  { name: 'a rerun changes nothing', inputs: { mode: 'deploy' }, exitCode: 0 },
  {
    name: 'an invalid policy stops deploy',
    commit: { 'apis/echo-api/policy.xml': BROKEN },
    inputs: { mode: 'deploy' },
    exitCode: 1,
  },
  {
    name: 'a bad subscription-id fails before checkout',
    inputs: { mode: 'deploy', 'subscription-id': 'prod' },
    exitCode: 2,
  },
];

/** GitHub `::error file=..,line=..,title=apim-gogs RULE::`; ADO `##vso[task.logissue type=..;sourcepath=..;linenumber=..;code=..]`. */
function annotations(door: Door, stdout: string, stderr: string): Annotation[] {
  const out: Annotation[] = [];
  if (door === 'action') {
    for (const m of stdout.matchAll(/^::(error|warning|notice) (file=[^:]*)::/gm)) {
      const props = Object.fromEntries(m[2].split(',').map((p) => p.split('=') as [string, string]));
      if (!props.title?.startsWith('apim-gogs%20') && !props.title?.startsWith('apim-gogs ')) continue;
      out.push({
        severity: m[1],
        file: decodeURIComponent(props.file),
        line: Number(props.line),
        rule: props.title.replace(/^apim-gogs( |%20)/, ''),
      });
    }
  } else if (door === 'task') {
    for (const m of stdout.matchAll(/^##vso\[task\.logissue ([^\]]*)\]/gm)) {
      const props = Object.fromEntries(
        m[1]
          .split(';')
          .filter(Boolean)
          .map((p) => p.split('=') as [string, string]),
      );
      out.push({
        severity: props.type,
        file: props.sourcepath,
        line: Number(props.linenumber),
        rule: props.code,
      });
    }
  } else {
    // The CLI's compiler-style lines on stderr: `file:line:col: severity: message [rule]`.
    for (const m of stderr.matchAll(/^(.+?):(\d+):(\d+): (error|warning|info): .* \[(\S+)\]$/gm)) {
      out.push({ severity: m[4], file: m[1], line: Number(m[2]), rule: m[5] });
    }
  }
  return out.sort((a, b) => a.rule.localeCompare(b.rule) || a.line - b.line);
}

async function runDoor(
  door: Door,
  bed: Bed,
  adoClientId: string,
  inputs: Record<string, string>,
): Promise<StepResult> {
  const all: Record<string, string> = { ...bed.inputs(), ...inputs };
  const node = doorRuntime();
  const settle = (p: Promise<{ stdout: string; stderr: string }>) =>
    p.then(
      (x) => ({ exitCode: 0, stdout: x.stdout, stderr: x.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        exitCode: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );
  if (door === 'action') {
    const runner = await SimulatedRunner.create();
    const r = await runner.run('dist/index.js', all, bed.runnerEnv(), node);
    return {
      exitCode: r.exitCode,
      annotations: annotations(door, r.stdout, r.stderr),
      changes: r.outputs.changes,
      log: r.stdout,
    };
  }
  if (door === 'task') {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-3doors-'));
    const env = pipelinesTaskEnv(bed, adoClientId, all, { temp, sources: temp });
    const r = await settle(
      run(node, [path.join(projectRoot, 'dist/azure-pipelines/index.js')], { cwd: temp, env }),
    );
    const changes = /##vso\[task\.setvariable variable=changes;[^\]]*\](\d+)/.exec(r.stdout)?.[1];
    return {
      exitCode: r.exitCode,
      annotations: annotations(door, r.stdout, r.stderr),
      changes,
      log: r.stdout,
    };
  }
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-3doors-cli-'));
  const outputs = path.join(cwd, 'outputs.txt');
  const args = ['run', '--outputs-file', outputs, '--auth', 'github-oidc'];
  for (const [k, v] of Object.entries(all)) if (k !== 'token') args.push(`--${k}`, v);
  const r = await settle(
    run(node, [path.join(projectRoot, 'dist/cli/index.js'), ...args], {
      cwd,
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME!,
        NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS!,
        GOGS_TOKEN: all.token,
        ...bed.runnerEnv(),
      },
    }),
  );
  const changes = (await readdir(cwd)).includes('outputs.txt')
    ? /^changes=(\d+)$/m.exec(await readFile(outputs, 'utf8'))?.[1]
    : undefined;
  return { exitCode: r.exitCode, annotations: annotations(door, r.stdout, r.stderr), changes, log: r.stderr };
}

const results = new Map<Door, StepResult[]>();

describe.each(DOORS)('the scenario through the %s', (door) => {
  let bed: Bed;
  let adoClientId: string;
  beforeAll(async () => {
    bed = await startBed();
    adoClientId = registerPipelinesApp(bed);
  });
  afterAll(() => bed?.stop());

  it('gives each step its expected exit code', async () => {
    const steps: StepResult[] = [];
    for (const step of SCENARIO) {
      if (step.commit) await bed.gogs.commit(step.commit, step.name);
      const armWrites = () =>
        bed.azure.requests().filter((r) => r.service === 'arm' && r.method !== 'GET').length;
      const before = armWrites();
      const r = await runDoor(door, bed, adoClientId, step.inputs);
      expect({ step: step.name, exitCode: r.exitCode }).toEqual({ step: step.name, exitCode: step.exitCode });
      // Only a successful deploy writes; a failed gate, a plan or a verify never does.
      if (step.inputs.mode !== 'deploy' || step.exitCode !== 0)
        expect({ step: step.name, writes: armWrites() - before }).toEqual({ step: step.name, writes: 0 });
      steps.push(r);
    }
    results.set(door, steps);
    // Eight runs of a bundle, each a fresh node process with a checkout: minutes on a loaded machine.
  }, 900_000);
});

describe('the three doors', () => {
  it('agree on every exit code, annotation and change count', () => {
    expect([...results.keys()].sort()).toEqual([...DOORS].sort());
    const action = results.get('action')!;
    for (const door of ['task', 'cli'] as Door[]) {
      const other = results.get(door)!;
      SCENARIO.forEach((step, i) => {
        expect({ door, step: step.name, exitCode: other[i].exitCode, changes: other[i].changes }).toEqual({
          door,
          step: step.name,
          exitCode: action[i].exitCode,
          changes: action[i].changes,
        });
        const key = (a: Annotation) => `${a.severity}:${a.line}:${a.rule}`;
        expect({ door, step: step.name, annotations: other[i].annotations.map(key) }).toEqual({
          door,
          step: step.name,
          annotations: action[i].annotations.map(key),
        });
      });
    }
    // The scenario is not vacuous: the warning and the error were annotated, and the deploy changed something.
    const names = SCENARIO.map((s) => s.name);
    expect(action[names.indexOf('validate with a warning')].annotations.map((a) => a.rule)).toContain(
      'cors-wildcard',
    );
    expect(action[names.indexOf('an invalid policy stops deploy')].annotations.map((a) => a.rule)).toContain(
      'unknown-policy',
    );
    expect(Number(action[names.indexOf('deploy')].changes)).toBeGreaterThan(0);
    expect(action[names.indexOf('a rerun changes nothing')].changes).toBe('0');
  });
});
