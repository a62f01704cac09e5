import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pipelinesTaskEnv, registerPipelinesApp } from '../bed/azure-pipelines.js';
import { startBed, type Bed } from '../bed/bed.js';
import { doorRuntime, projectRoot } from '../bed/paths.js';
import { SimulatedRunner } from '../support/github-actions-env.js';

// Untrusted text never becomes a CI command (SECURITY.md, issue 8 item 8). A pull-request author
// controls file names, XML attribute values and commit messages; each fixture below carries a forged
// command in one of them. The bundled doors run against the real Gogs, and their output is read with
// each host's own parsing rules: GitHub's runner takes a line as a command when, after leading white
// space, it starts with `::` (and splits lines at CR as well as LF); Azure DevOps' agent takes
// `##vso[` anywhere in a line, in any case.

const run = promisify(execFile);
const FORGED_GITHUB = '::add-mask::forged';
const FORGED_ADO = '##vso[task.setvariable variable=Injected]yes';

const HOSTILE_NAME = `${FORGED_ADO} ${FORGED_GITHUB}`;
const HOSTILE_FILES: Record<string, string> = {
  // A folder name holding both hosts' commands, with a finding in its policy so that it is reported.
  [`apis/${HOSTILE_NAME}/policy.xml`]: '<policies><inbound><base /><set-heder /></inbound></policies>',
  // An attribute value with an encoded newline, so a message quoting it spans lines.
  'apis/orders-api/policy.xml': `<policies><inbound><base /><set-heder name="a&#10;${FORGED_GITHUB}&#13;${FORGED_ADO}" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`,
};
// A raw CR in the subject: the runners split lines at CR.
const HOSTILE_MESSAGE = `Tidy policies\r${FORGED_GITHUB}\r##[error]forged ${FORGED_ADO}`;

/** Workflow commands as GitHub's runner sees them (ActionCommand.TryParseV2: TrimStart, then "::"). */
function githubCommands(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s]+/, ''))
    .filter((l) => l.startsWith('::') || l.startsWith('##['));
}

/**
 * Logging commands as the Azure DevOps agent parses them: in each line, the first `##vso[` (any case)
 * up to the next `]` is the command and its properties; the rest of the line is its data.
 */
function azureCommands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).flatMap((l) => {
    const at = l.toLowerCase().indexOf('##vso[');
    if (at < 0) return [];
    const end = l.indexOf(']', at);
    return [end < 0 ? l.slice(at) : l.slice(at, end + 1)];
  });
}

let bed: Bed;
let adoClientId: string;
beforeAll(async () => {
  bed = await startBed();
  adoClientId = registerPipelinesApp(bed);
  await bed.gogs.commit(HOSTILE_FILES, HOSTILE_MESSAGE);
});
afterAll(() => bed?.stop());

test('GitHub: no forged workflow command reaches the runner (file names, attribute values, commit message)', async () => {
  const runner = await SimulatedRunner.create();
  const r = await runner.run(
    'dist/index.js',
    { ...bed.inputs(), mode: 'validate' },
    bed.runnerEnv(),
    doorRuntime(),
  );
  expect(r.exitCode).toBe(1); // the set-heder typo is a finding
  const commands = githubCommands(r.stdout);
  expect(commands.length).toBeGreaterThan(3); // groups and annotations of our own are there
  expect(
    commands.filter((c) => /forged|Injected/.test(c) && !/^::(error|warning|notice) file=/.test(c)),
  ).toEqual([]);
  // Our own annotations may quote hostile text only as escaped data: one line each.
  for (const c of commands.filter((c) => /^::(error|warning|notice) file=/.test(c)))
    expect(c).not.toMatch(/[\r\n]/);
  expect(commands.some((c) => c.startsWith('::add-mask::forged'))).toBe(false);
  // The text is still readable in the log.
  expect(r.stdout).toContain('Tidy policies');
  expect(r.stdout).toMatch(/add-mask::forged/);
});

test('Azure DevOps: no forged logging command reaches the agent, and the task may set only its outputs', async () => {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-hostile-'));
  const env = pipelinesTaskEnv(
    bed,
    adoClientId,
    { ...bed.inputs(), mode: 'validate' },
    { temp, sources: temp },
  );
  const r = await run(doorRuntime(), [path.join(projectRoot, 'dist/azure-pipelines/index.js')], {
    cwd: temp,
    env,
  }).then(
    (x) => ({ code: 0, stdout: x.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  expect(r.code).toBe(1);
  const commands = azureCommands(r.stdout).map((c) => {
    const m = /^##vso\[([^\s\]]+)\s*([^\]]*)\]?$/i.exec(c)!;
    return { name: m[1].toLowerCase(), props: m[2] };
  });
  // Only the commands the task writes itself; a set-variable only for its own outputs.
  const names = new Set(commands.map((c) => c.name));
  for (const n of names)
    expect([
      'task.debug',
      'task.setsecret',
      'task.setvariable',
      'task.logissue',
      'task.issue',
      'task.uploadsummary',
      'task.settaskvariable',
      'build.addbuildtag',
      'task.complete',
    ]).toContain(n);
  const variables = commands
    .filter((c) => c.name === 'task.setvariable')
    .map((c) => /variable=([^;]+)/.exec(c.props)![1]);
  expect(variables).toContain('commitSha');
  expect(variables.filter((v) => !['commitSha', 'ref', 'diagnostics'].includes(v))).toEqual([]);
  // The three findings in the hostile folder are logissue commands whose path is escaped data.
  expect(
    commands.filter((c) => c.name === 'task.logissue' && c.props.includes('Injected%5Dyes')).length,
  ).toBeGreaterThan(0);
  expect(r.stdout).toContain('Tidy policies');
});

test('CLI: JSON on stdout stays one exact document inside a GitHub job; logs carry no command', async () => {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-hostile-cli-'));
  const checkout = await SimulatedRunner.create();
  await checkout.run('dist/index.js', { ...bed.inputs(), mode: 'checkout' }, bed.runnerEnv(), doorRuntime());
  const dir = path.join(checkout.workspace, 'apim-policies');
  const r = await run(
    doorRuntime(),
    [path.join(projectRoot, 'dist/cli/index.js'), 'validate', dir, '--format', 'json'],
    {
      cwd,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, GITHUB_ACTIONS: 'true', ...bed.runnerEnv() },
    },
  ).then(
    (x) => ({ code: 0, stdout: x.stdout, stderr: x.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout) as { diagnostics: { file: string }[] };
  // The data is exact: the hostile file name decodes to itself.
  expect(report.diagnostics.map((d) => d.file)).toContain(`apis/${HOSTILE_NAME}/policy.xml`);
  expect(azureCommands(r.stdout)).toEqual([]);
  expect(githubCommands(r.stdout)).toEqual([]);
  expect(githubCommands(r.stderr)).toEqual([]);
  expect(azureCommands(r.stderr)).toEqual([]);
});
