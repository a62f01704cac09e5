import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { constants } from 'node:os';
import { ConfigurationError } from '../shared/errors.js';

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  cwd: string;
  /** Extra environment for this call only (credentials travel here, never in arguments or files). */
  env?: Record<string, string>;
  /** Return a non-zero exit code instead of throwing. */
  allowFailure?: boolean;
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly result: GitResult,
  ) {
    super(`git ${args[0]} failed (exit ${result.exitCode}): ${lastLines(result.stderr)}`);
  }
}

/**
 * Every git call goes through here (as in actions/checkout): output is captured, never echoed, so
 * nothing git prints reaches the log unfiltered. Started with child_process directly: @actions/exec
 * looks git up on PATH and wraps the streams on every call, ~7 ms of CPU each (measured in the
 * checkout, issue 10); here the system finds git as it finds it for a shell.
 */
export async function git(args: string[], options: GitOptions): Promise<GitResult> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'Never', ...options.env };
  const result = await run(args, options.cwd, env).catch(async (err: NodeJS.ErrnoException) => {
    // spawn says ENOENT for a missing working directory too.
    if (err.code !== 'ENOENT') throw err;
    if (!(await stat(options.cwd).catch(() => undefined))) {
      throw new Error(`git ${args[0]} cannot run: its working directory ${options.cwd} does not exist.`);
    }
    throw new ConfigurationError(
      'git was not found on the PATH.',
      'Install git 2.31 or later on the runner (or agent) and make sure the step can find it on its PATH.',
    );
  });
  if (result.exitCode !== 0 && !options.allowFailure) throw new GitError(args, result);
  return result;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        // Killed by a signal: the shell's convention, 128 + its number.
        exitCode: code ?? 128 + (signal ? constants.signals[signal] : 0),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}
