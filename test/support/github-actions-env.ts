import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../bed/paths.js';

const run = promisify(execFile);

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
  /** Every file the run left, under the workspace and the runner's temp folder. */
  dirs: string[];
}

/**
 * Runs a bundled entry point (dist/...) the way the GitHub runner does: inputs as INPUT_* variables,
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files, a workspace and a temp folder.
 */
export class SimulatedRunner {
  private constructor(
    readonly root: string,
    readonly workspace: string,
    readonly temp: string,
    private readonly files: { output: string; summary: string; state: string },
  ) {}

  static async create(): Promise<SimulatedRunner> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-runner-'));
    const workspace = path.join(root, 'workspace');
    const temp = path.join(root, 'temp');
    await mkdir(workspace);
    await mkdir(temp);
    const files = {
      output: path.join(temp, 'output'),
      summary: path.join(temp, 'summary.md'),
      state: path.join(temp, 'state'),
    };
    for (const f of Object.values(files)) await writeFile(f, '');
    return new SimulatedRunner(root, workspace, temp, files);
  }

  async run(
    entry: string,
    inputs: Record<string, string>,
    env: Record<string, string> = {},
    node: string = process.execPath,
  ): Promise<ActionRun> {
    const inputEnv = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
    );
    // The main step's saved state reaches the post step as STATE_* variables.
    const stateEnv = Object.fromEntries(
      parseFileCommands(await readFile(this.files.state, 'utf8')).map(([k, v]) => [`STATE_${k}`, v]),
    );
    const result = await run(node, [path.join(projectRoot, entry)], {
      cwd: this.workspace,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: this.workspace,
        RUNNER_TEMP: this.temp,
        GITHUB_OUTPUT: this.files.output,
        GITHUB_STEP_SUMMARY: this.files.summary,
        GITHUB_STATE: this.files.state,
        GITHUB_SERVER_URL: 'https://github.example.com',
        GITHUB_REPOSITORY: 'platform/apim-config',
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '1',
        ...stateEnv,
        ...inputEnv,
        ...env,
      },
    }).then(
      (r) => ({ exitCode: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        exitCode: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );
    return {
      ...result,
      outputs: Object.fromEntries(parseFileCommands(await readFile(this.files.output, 'utf8'))),
      summary: await readFile(this.files.summary, 'utf8'),
      workspace: this.workspace,
      dirs: [this.workspace, this.temp],
    };
  }
}

/** Parses GITHUB_OUTPUT-style files: `name<<DELIM\nvalue\nDELIM` blocks. */
export function parseFileCommands(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const end = lines.indexOf(m[2], i + 1);
      out.push([m[1], lines.slice(i + 1, end).join('\n')]);
      i = end;
    } else if (lines[i].includes('=')) {
      const j = lines[i].indexOf('=');
      out.push([lines[i].slice(0, j), lines[i].slice(j + 1)]);
    }
  }
  return out;
}
