import { spawn } from 'node:child_process';

export interface WatchedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The process was still running `boundMs` after its last activity and was killed. */
  lingered: boolean;
  /** From its last activity to its exit (or to the kill), in ms. */
  tailMs: number;
}

export interface WatchOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Epoch ms of the process's last observable work (e.g. the end of the last request a server saw). */
  lastActivity(): number | undefined;
  /** How long a process may live on after its last activity (default 10 s). */
  boundMs?: number;
}

/**
 * Runs a process and watches that it ends when its work ends: once it has been idle for `boundMs`
 * after its last activity, it is killed and reported as lingering. A CI step that outlives its work
 * holds the runner (and, before the timeout fix, did so for two minutes after a dropped connection).
 */
export function runWatched(command: string, args: string[], options: WatchOptions): Promise<WatchedRun> {
  const bound = options.boundMs ?? 10_000;
  const started = Date.now();
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const last = (): number => Math.max(started, options.lastActivity() ?? started);
  let lingered = false;
  const watch = setInterval(() => {
    if (Date.now() - last() > bound) {
      lingered = true;
      child.kill('SIGKILL');
    }
  }, 200);
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearInterval(watch);
      reject(err);
    });
    child.once('close', (code) => {
      clearInterval(watch);
      resolve({ code, stdout, stderr, lingered, tailMs: Date.now() - last() });
    });
  });
}

/** The end of the last request a server logged (`time` ISO start + `durationMs`). */
export function lastRequestEnd(log: { time: string; durationMs: number }[]): number | undefined {
  return log.length ? Math.max(...log.map((r) => Date.parse(r.time) + r.durationMs)) : undefined;
}
