import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkout, type CheckoutOptions } from '../src/gogs/checkout.js';
import { ConfigurationError, errorMessage } from '../src/shared/errors.js';
import { MemoryLogger } from '../src/shared/logger.js';
import { startFailingServer, startFaultProxy } from '../test/bed/fault-proxy.js';
import { startGogsBed, type GogsBed } from '../test/bed/gogs-bed.js';
import { projectRoot } from '../test/bed/paths.js';
import { filesContaining } from '../test/support/secret-scan.js';
import { Random } from './random.js';

/**
 * Checkout faults against the real Gogs (issue 9): Gogs stopped mid-answer (a byte-level proxy cuts
 * the connection after N bytes, TLS end to end), frozen mid-answer (the connection stays open and
 * silent), slow (the proxy dribbles the answer), answering 500
 * (an HTTPS server with the bed's certificate where Gogs stood), and the token revoked in the web UI
 * between two runs. After each: a success is the right commit, a failure is a ConfigurationError (exit
 * 2) naming the repository or server and what to do, with no stack and no token; the checkout path
 * is absent or empty, nothing else is left beside it, and a rerun into the same path works.
 */
export type CheckoutFault =
  /** The first `connections` connections (Infinity: all) are cut after `afterBytes` answer bytes. */
  | { kind: 'stopped'; afterBytes: number; connections: number }
  /** The same, but the connections stay open and nothing more comes: a frozen Gogs, a lost route. */
  | { kind: 'stalled'; afterBytes: number; connections: number }
  | { kind: 'slow'; chunk: number; delayMs: number }
  /** The first `failures` requests (Infinity: all) are answered 500, later ones by Gogs. */
  | { kind: 'error500'; failures: number }
  /** The token worked for one run, then its owner deleted it in the web UI. */
  | { kind: 'revoked' };

export interface CheckoutFaultFigures {
  runs: number;
  /** Runs through the CLI door (a child process), among `runs`. */
  cliRuns: number;
  /** A fault that must pass (slow, a transient cut or 500) and passed. */
  succeeded: number;
  clearFailures: number;
  /** Not a ConfigurationError, no repository/server or no hint in the message, or a stack trace. */
  unclearFailures: number;
  /** A success where a failure was due, or the other way round. */
  wrongOutcomes: number;
  /** A failed checkout left something at or beside its path; any run a temporary or lock file. */
  leftovers: number;
  /** The rerun without the fault into the same path failed. */
  rerunsFailed: number;
  /** Did not end within the bound. */
  hangs: number;
  /** The token (any encoding) in a message, the log or the checkout. */
  leaks: number;
  failures: string[];
}

/** What one run came to; `problems` is empty when every promise held. */
export interface CheckoutFaultVerdict {
  outcome: 'success' | 'clear failure' | 'unclear failure' | 'hang';
  /** The message the user saw (error and hint, or the CLI's stderr). */
  message: string;
  exitCode?: number;
  /** The fault's connections were cut or requests failed, and the run still passed: retried. */
  retried: boolean;
  wrongOutcome: boolean;
  leftover: boolean;
  rerunFailed: boolean;
  leaks: number;
  problems: string[];
}

export interface CheckoutFaultBed {
  gogs: GogsBed;
  /** The commit every successful checkout must land on. */
  sha: string;
  work: string;
  stop(): Promise<void>;
}

const BOUND_MS = 90_000;
/** The production attempts (4); shorter waits than production's 1 s so the soak stays short. */
const RETRY = { attempts: 4, baseDelayMs: 250 };
const cliEntry = process.env.APIM_GOGS_CLI_BUNDLE;
/**
 * git gives up on a stalled transfer after GIT_HTTP_LOW_SPEED_TIME seconds (30 by default, set by the
 * checkout); 2 here, so that a frozen Gogs costs seconds per run, not minutes.
 */
const STALL_SECONDS = '2';
/** A tag at the commit every checkout must land on. */
const TAG = 'soak-1';

/** The refs a run asks for: a clone (default branch, branch) or init + fetch (tag, commit). */
export function refsOf(bed: CheckoutFaultBed): string[] {
  return ['', 'main', `refs/tags/${TAG}`, bed.sha];
}

export async function startCheckoutFaultBed(): Promise<CheckoutFaultBed> {
  const gogs = await startGogsBed();
  const stallBefore = process.env.GIT_HTTP_LOW_SPEED_TIME;
  process.env.GIT_HTTP_LOW_SPEED_TIME = STALL_SECONDS;
  const work = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-checkout-faults-'));
  const sha = await gogs.commit({ 'apis/echo-api/README.md': 'The echo API.\n' }, 'Document the echo API');
  await gogs.tag(TAG);
  return {
    gogs,
    sha,
    work,
    async stop() {
      if (stallBefore === undefined) delete process.env.GIT_HTTP_LOW_SPEED_TIME;
      else process.env.GIT_HTTP_LOW_SPEED_TIME = stallBefore;
      await gogs.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** A random fault; about half of the cuts and 500s are transient (the run must then pass). */
export function randomFault(rng: Random): CheckoutFault {
  const kind = rng.pick(['stopped', 'stopped', 'stalled', 'slow', 'error500', 'revoked'] as const);
  if (kind === 'stopped') {
    const transient = rng.next() < 0.5;
    // Cut points from the TLS handshake to past the end of the pack (the answers are a few kB).
    return {
      kind,
      afterBytes: Math.round(Math.exp(rng.next() * Math.log(12_000))),
      connections: transient ? rng.int(1, 3) : Infinity,
    };
  }
  if (kind === 'stalled') {
    // Past the API's answer (about 2.2 kB with the handshake), inside the git fetch's (about 4.6 kB):
    // the API has its own 30 s timeout, git only the low-speed limit this suite is about.
    return {
      kind,
      afterBytes: rng.int(2400, 4000),
      connections: rng.next() < 0.5 ? rng.int(1, 3) : Infinity,
    };
  }
  if (kind === 'slow') return { kind, chunk: rng.pick([16, 64, 512, 4096]), delayMs: rng.int(1, 20) };
  if (kind === 'error500') return { kind, failures: rng.next() < 0.5 ? rng.int(1, 3) : Infinity };
  return { kind };
}

export function describeFault(f: CheckoutFault): string {
  if (f.kind === 'stopped')
    return `stopped after ${f.afterBytes} bytes on ${f.connections === Infinity ? 'every' : `the first ${f.connections}`} connection(s)`;
  if (f.kind === 'stalled')
    return `frozen after ${f.afterBytes} bytes on ${f.connections === Infinity ? 'every' : `the first ${f.connections}`} connection(s)`;
  if (f.kind === 'slow') return `slow (${f.chunk}-byte pieces every ${f.delayMs} ms)`;
  if (f.kind === 'error500')
    return `HTTP 500 to ${f.failures === Infinity ? 'every request' : `the first ${f.failures} request(s)`}`;
  return 'token revoked between runs';
}

/**
 * Whether the run must pass, must fail, or may do either: a cut on every connection passes only when it
 * falls after the last byte of every answer.
 */
function expected(f: CheckoutFault): 'pass' | 'fail' | 'either' {
  if (f.kind === 'slow') return 'pass';
  if (f.kind === 'revoked') return 'fail';
  if (f.kind === 'error500') return f.failures === Infinity ? 'fail' : 'pass';
  if (f.kind === 'stalled') return f.connections !== Infinity ? 'pass' : 'either';
  return f.connections !== Infinity ? 'pass' : f.afterBytes < 1000 ? 'fail' : 'either';
}

/** The server a run talks to, with the fault in place, and what the fault did. */
interface FaultedServer {
  url: string;
  token: string;
  /** Connections cut or requests failed so far. */
  hits(): number;
  /** Unblocks anything still waiting on it. */
  close(): Promise<void>;
}

let tokens = 0;

async function faultedServer(bed: CheckoutFaultBed, f: CheckoutFault): Promise<FaultedServer> {
  const { gogs } = bed;
  if (f.kind === 'stopped' || f.kind === 'stalled' || f.kind === 'slow') {
    const bytes =
      f.kind === 'slow' ? f : { ...f, kind: f.kind === 'stopped' ? ('cut' as const) : ('stall' as const) };
    const proxy = await startFaultProxy(gogs.url, bytes);
    return { url: proxy.url, token: gogs.bot.token, hits: () => proxy.cuts, close: () => proxy.close() };
  }
  if (f.kind === 'error500') {
    const server = await startFailingServer(gogs.url, f.failures);
    return {
      url: server.url,
      token: gogs.bot.token,
      hits: () => Math.min(server.requests, f.failures),
      close: () => server.close(),
    };
  }
  // A token of the bot's own, used once with success, then deleted by its owner in the web UI.
  const name = `soak-${process.pid}-${++tokens}`;
  const token = await gogs.newToken(gogs.bot, name);
  const first = path.join(bed.work, `${name}-first`);
  await checkout(inProcess(gogs.url, gogs, token, first, new MemoryLogger()));
  await rm(first, { recursive: true, force: true });
  await gogs.revokeToken(gogs.bot, name);
  return { url: gogs.url, token, hits: () => 1, close: async () => undefined };
}

function inProcess(
  url: string,
  gogs: GogsBed,
  token: string,
  dir: string,
  logger: MemoryLogger,
  ref = '',
): CheckoutOptions {
  return {
    gogsUrl: url,
    repository: gogs.repository,
    ref,
    token,
    path: dir,
    fetchDepth: 1,
    caFile: gogs.caFile,
    logger,
    maskSecret: () => undefined,
    retry: RETRY,
  };
}

interface Attempt {
  outcome: 'success' | 'failure' | 'hang';
  message: string;
  exitCode?: number;
  /** A ConfigurationError (in process) or exit 2 (CLI). */
  userError: boolean;
  log: string;
  sha?: string;
}

/** One checkout: where Gogs is for it (the fault in between, or not), with which token, into where. */
interface Ask {
  url: string;
  token: string;
  dir: string;
  ref: string;
}

async function inProcessAttempt(bed: CheckoutFaultBed, { url, token, dir, ref }: Ask): Promise<Attempt> {
  const logger = new MemoryLogger();
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), BOUND_MS)));
  try {
    const r = await Promise.race([checkout(inProcess(url, bed.gogs, token, dir, logger, ref)), bound]);
    const log = logger.lines.join('\n');
    if (r === 'hang') return { outcome: 'hang', message: '', userError: false, log };
    return { outcome: 'success', message: '', userError: false, log, sha: r.sha };
  } catch (err) {
    const hint = err instanceof ConfigurationError && err.hint ? ` ${err.hint}` : '';
    // What reportFailure prints: the message and hint; for anything else the stack goes to debug.
    const stack = err instanceof ConfigurationError ? '' : `\n${(err as Error)?.stack ?? ''}`;
    return {
      outcome: 'failure',
      message: `${errorMessage(err)}${hint}${stack}`,
      userError: err instanceof ConfigurationError && Boolean(err.hint),
      log: logger.lines.join('\n'),
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The CLI door as a CI step runs it (`run --mode validate`), from the sources through tsx unless
 * APIM_GOGS_CLI_BUNDLE names a bundle (dist/cli/index.js).
 */
function cliAttempt(bed: CheckoutFaultBed, { url, token, dir, ref }: Ask): Promise<Attempt> {
  const entry = cliEntry
    ? [cliEntry]
    : [
        '--import',
        pathToFileURL(path.join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href,
        path.join(projectRoot, 'src/doors/cli/main.ts'),
      ];
  const args = [
    ...entry,
    'run',
    '--mode',
    'validate',
    '--gogs-url',
    url,
    '--repository',
    bed.gogs.repository,
    '--gogs-ca-file',
    bed.gogs.caFile,
    '--path',
    dir,
    ...(ref ? ['--ref', ref] : []),
  ];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      args,
      {
        cwd: path.dirname(dir),
        timeout: BOUND_MS,
        killSignal: 'SIGKILL',
        env: {
          PATH: process.env.PATH!,
          HOME: process.env.HOME!,
          GOGS_TOKEN: token,
          GIT_HTTP_LOW_SPEED_TIME: STALL_SECONDS,
          TMPDIR: path.join(path.dirname(dir), TMP),
        },
      },
      (err, stdout, stderr) => {
        const code = child.exitCode ?? (err ? -1 : 0);
        if (child.signalCode === 'SIGKILL') {
          resolve({ outcome: 'hang', message: stderr, userError: false, log: stdout + stderr });
          return;
        }
        const sha = /Checked out \S+ at ([0-9a-f]{40})/.exec(stdout + stderr)?.[1];
        resolve({
          // validate may find something in the policies (exit 1): the checkout itself succeeded.
          outcome: code === 0 || code === 1 ? 'success' : 'failure',
          message:
            stderr
              .split('\n')
              .filter((l) => /^(error|::error|##\[error\])/.test(l))
              .join('\n') || stderr,
          exitCode: code,
          userError: code === 2,
          log: stdout + stderr,
          sha,
        });
      },
    );
  });
}

/** The token as it could be written by mistake: plain (hex, so also URL-encoded), base64, Basic auth. */
function tokenForms(token: string): string[] {
  return [token, Buffer.from(token).toString('base64'), Buffer.from(`${token}:`).toString('base64')];
}

/** The run's temporary folder (TMPDIR), beside the checkout path. */
const TMP = 'tmp';

/**
 * What a run left that the next one could trip over: after a failure anything at its path (but an
 * empty folder) or beside it; after any run a file in its temporary folder or a git lock file.
 */
async function leftBehind(dir: string, failed: boolean): Promise<string[]> {
  const found: string[] = [];
  const inside = await readdir(dir, { recursive: true }).catch(() => []);
  if (failed && inside.length) found.push(`${path.basename(dir)} holds ${inside.slice(0, 4).join(', ')}`);
  const locks = inside.filter((e) => e.endsWith('.lock'));
  if (locks.length) found.push(`lock files ${locks.slice(0, 4).join(', ')}`);
  const beside = (await readdir(path.dirname(dir))).filter((e) => e !== path.basename(dir) && e !== TMP);
  if (failed && beside.length) found.push(`beside the checkout: ${beside.slice(0, 4).join(', ')}`);
  // tsx keeps its compile cache there when the CLI runs from the sources: not the step's.
  const temp = (await readdir(path.join(path.dirname(dir), TMP))).filter((e) => cliEntry || !/^tsx-/.test(e));
  if (temp.length) found.push(`temporary files ${temp.slice(0, 4).join(', ')}`);
  return found;
}

/** Names the repository or the server, says what to do, shows no stack. */
function unclearBecause(a: Attempt, bed: CheckoutFaultBed, url: string): string | undefined {
  if (!a.userError)
    return a.exitCode === undefined ? 'not a ConfigurationError with a hint' : `exit ${a.exitCode}`;
  if (/\n\s+at \S+ \(|\n\s+at file:|node:internal/.test(a.message + a.log)) return 'a stack trace';
  const origin = new URL(url).origin;
  if (!a.message.includes(bed.gogs.repository) && !a.message.includes(origin))
    return 'names neither the repository nor the server';
  return undefined;
}

/** One run under one fault, then the rerun without it into the same path. */
export async function runCheckoutFault(
  bed: CheckoutFaultBed,
  fault: CheckoutFault,
  index: number,
  via: 'in process' | 'cli' = 'in process',
  /** '' (the default branch), a branch, a tag or a commit SHA: a clone, or init + fetch. */
  ref = '',
): Promise<CheckoutFaultVerdict> {
  const parent = path.join(bed.work, `run-${index}`);
  const dir = path.join(parent, 'policies');
  const tmp = path.join(parent, TMP);
  await mkdir(tmp, { recursive: true });
  const server = await faultedServer(bed, fault);
  const attempt = via === 'cli' ? cliAttempt : inProcessAttempt;
  // The run's temporary files (git's, node's) land in a folder of its own, to be seen if left.
  const tmpBefore = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  let a: Attempt;
  try {
    a = await attempt(bed, { url: server.url, token: server.token, dir, ref });
  } finally {
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;
    await server.close();
  }
  const problems: string[] = [];
  const verdict: CheckoutFaultVerdict = {
    outcome: a.outcome === 'success' ? 'success' : a.outcome === 'hang' ? 'hang' : 'clear failure',
    message: a.message,
    exitCode: a.exitCode,
    retried: a.outcome === 'success' && server.hits() > 0,
    wrongOutcome: false,
    leftover: false,
    rerunFailed: false,
    leaks: 0,
    problems,
  };
  if (a.outcome === 'hang') problems.push(`did not end within ${BOUND_MS / 1000} s`);
  const want = expected(fault);
  if ((want === 'pass' && a.outcome === 'failure') || (want === 'fail' && a.outcome === 'success')) {
    verdict.wrongOutcome = true;
    problems.push(
      `${want === 'pass' ? 'failed' : 'passed'} where it must ${want}: ${a.message.split('\n')[0]}`,
    );
  }
  if (a.outcome === 'success' && a.sha !== bed.sha) problems.push(`checked out ${a.sha}, not ${bed.sha}`);
  if (a.outcome === 'failure') {
    const why = unclearBecause(a, bed, server.url);
    if (why) {
      verdict.outcome = 'unclear failure';
      problems.push(`unclear failure (${why}): ${a.message.split('\n')[0]}`);
    }
  }

  const forms = tokenForms(server.token);
  const leaks = [
    ...(forms.some((t) => a.message.includes(t)) ? ['the message'] : []),
    ...(forms.some((t) => a.log.includes(t)) ? ['the log'] : []),
    ...(a.outcome === 'success' ? await filesContaining(dir, forms) : []),
  ];
  verdict.leaks = leaks.length;
  problems.push(...leaks.map((where) => `the token is in ${where}`));

  const left = await leftBehind(dir, a.outcome !== 'success');
  verdict.leftover = left.length > 0;
  problems.push(...left.map((l) => `left behind: ${l}`));
  if (a.outcome !== 'success') {
    const rerun = await inProcessAttempt(bed, { url: bed.gogs.url, token: bed.gogs.bot.token, dir, ref });
    if (rerun.outcome !== 'success' || rerun.sha !== bed.sha) {
      verdict.rerunFailed = true;
      problems.push(`rerun into the same path: ${rerun.outcome} ${rerun.message.split('\n')[0]}`);
    }
  }
  await rm(parent, { recursive: true, force: true });
  return verdict;
}

/** `count` runs with random faults; every tenth goes through the CLI door. */
export async function runCheckoutFaults(count: number, seed: number): Promise<CheckoutFaultFigures> {
  const figures: CheckoutFaultFigures = {
    runs: 0,
    cliRuns: 0,
    succeeded: 0,
    clearFailures: 0,
    unclearFailures: 0,
    wrongOutcomes: 0,
    leftovers: 0,
    rerunsFailed: 0,
    hangs: 0,
    leaks: 0,
    failures: [],
  };
  if (count <= 0) return figures;
  const rng = new Random(seed);
  const bed = await startCheckoutFaultBed();
  try {
    for (let i = 0; i < count; i++) {
      const fault = randomFault(rng);
      const ref = rng.pick(refsOf(bed));
      const via = i % 10 === 9 ? 'cli' : 'in process';
      const what = `${via}, ref "${ref}", ${describeFault(fault)}`;
      const v = await runCheckoutFault(bed, fault, i, via, ref).catch((err: unknown) => {
        throw new Error(`checkout run ${i} (${what}) could not be run: ${errorMessage(err)}`);
      });
      figures.runs++;
      if (via === 'cli') figures.cliRuns++;
      if (v.outcome === 'success') figures.succeeded++;
      if (v.outcome === 'clear failure') figures.clearFailures++;
      if (v.outcome === 'unclear failure') figures.unclearFailures++;
      if (v.outcome === 'hang') figures.hangs++;
      if (v.wrongOutcome) figures.wrongOutcomes++;
      if (v.leftover) figures.leftovers++;
      if (v.rerunFailed) figures.rerunsFailed++;
      figures.leaks += v.leaks;
      for (const p of v.problems) figures.failures.push(`checkout run ${i} (${what}): ${p}`);
    }
  } finally {
    await bed.stop();
  }
  return figures;
}
