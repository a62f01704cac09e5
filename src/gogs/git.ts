import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as exec from '@actions/exec';
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
 * Every git call goes through here (as in actions/checkout, on @actions/exec): output is captured,
 * never echoed, so nothing git prints reaches the log unfiltered. The checkout itself is one clone
 * (clone.ts), so the wrapper's few milliseconds per process are paid about once.
 */
export async function git(args: string[], options: GitOptions): Promise<GitResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, { GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'Never' }, options.env);
  if (!(await stat(options.cwd).catch(() => undefined))) {
    throw new Error(`git ${args[0]} cannot run: its working directory ${options.cwd} does not exist.`);
  }
  const result = await exec.getExecOutput(gitOnPath(env), args, {
    cwd: options.cwd,
    env,
    silent: true,
    ignoreReturnCode: true,
  });
  if (result.exitCode !== 0 && !options.allowFailure) throw new GitError(args, result);
  return result;
}

/**
 * git's full path on the PATH of the call's environment (exec then skips its own lookup); a clear
 * configuration error when it is not there.
 */
function gitOnPath(env: Record<string, string>): string {
  const name = process.platform === 'win32' ? 'git.exe' : 'git';
  // Windows spells it Path; the copy of the environment is a plain object, case-sensitive.
  const value = Object.entries(env).find(([k]) => k.toUpperCase() === 'PATH')?.[1] ?? '';
  for (const dir of value.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new ConfigurationError(
    'git was not found on the PATH.',
    'Install git 2.31 or later on the runner (or agent) and make sure the step can find it on its PATH.',
  );
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}
