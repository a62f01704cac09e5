import * as exec from '@actions/exec';

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
 * nothing git prints reaches the log unfiltered.
 */
export async function git(args: string[], options: GitOptions): Promise<GitResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const result = await exec.getExecOutput('git', args, {
    cwd: options.cwd,
    env: { ...env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'Never', ...options.env },
    silent: true,
    ignoreReturnCode: true,
  });
  if (result.exitCode !== 0 && !options.allowFailure) throw new GitError(args, result);
  return result;
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}
