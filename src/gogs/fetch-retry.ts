import { ConfigurationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { withRetry, type RetryOptions } from '../shared/retry.js';
import { GitError } from './git.js';

/**
 * What git (through curl and GnuTLS/OpenSSL) says when the connection to Gogs broke or Gogs failed
 * for a moment: the same fetch may well work a second later. A refused token, a missing repository
 * or an untrusted certificate is not among them: retrying would only delay the message.
 */
const TRANSIENT = [
  /RPC failed/i,
  /remote end hung up/i,
  /early EOF/i,
  /unexpected disconnect/i,
  /transfer closed/i,
  /connection (was )?reset/i,
  /connection refused/i,
  /failed to connect/i,
  /couldn't connect/i,
  /timed out|operation too slow/i,
  /recv error|send error|TLS packet|SSL_read|SSL_write|non-properly terminated|unexpected eof/i,
  /returned error: 5\d\d/i,
  /index-pack failed|invalid index-pack output|fetch-pack: protocol error/i,
];
const NOT_TRANSIENT = /certificate|Authentication failed|returned error: 4\d\d|not found/i;

export function isTransientFetchFailure(err: unknown): boolean {
  if (!(err instanceof GitError)) return false;
  const text = err.result.stderr;
  return !NOT_TRANSIENT.test(text) && TRANSIENT.some((re) => re.test(text));
}

export interface FetchRetry {
  label: string;
  /** The Gogs server's origin, for the message. */
  origin: string;
  retry: RetryOptions;
  logger: Logger;
  /** Stops retrying once the checkout has failed for another reason. */
  signal: AbortSignal;
  /** Never repeated in a message, whatever git printed. */
  secrets: string[];
}

/**
 * Runs a fetch from Gogs again when the connection broke or Gogs failed (a restarted server, a proxy
 * that cut a long transfer), then, when every attempt failed that way, says so in the user's terms:
 * which repository, which server, what to do. git fetch resumes safely in the same repository.
 */
export async function fetchWithRetry<T>(fetch: () => Promise<T>, o: FetchRetry): Promise<T> {
  const shouldRetry = (err: unknown) => !o.signal.aborted && isTransientFetchFailure(err);
  try {
    return await withRetry(fetch, shouldRetry, {
      ...o.retry,
      onRetry: (attempt, delayMs, err) =>
        o.logger.warning(
          `Fetching ${o.label} from ${o.origin} failed (${redact(gitReason(err), o.secrets)}); trying again in ${Math.round(delayMs / 100) / 10} s (attempt ${attempt + 1} of ${o.retry.attempts}).`,
        ),
    });
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    const reason = redact(gitReason(err), o.secrets);
    if (isTransientFetchFailure(err)) {
      const tries = o.retry.attempts > 1 ? ` on all ${o.retry.attempts} attempts` : '';
      throw new ConfigurationError(
        `Fetching ${o.label} from Gogs at ${o.origin} failed${tries}: ${reason}.`,
        'Check that Gogs is running and reachable from the runner (its log says why it failed, a proxy may cut long transfers), then run the step again.',
      );
    }
    if (/certificate/i.test(err.result.stderr)) {
      throw new ConfigurationError(
        `The TLS certificate of ${o.origin} is not trusted by git: ${reason}.`,
        'If Gogs uses a private CA, give its PEM file in the gogs-ca-file input; otherwise check the gogs-url input.',
      );
    }
    if (/Authentication failed|returned error: 40[13]/i.test(err.result.stderr)) {
      throw new ConfigurationError(
        `Gogs at ${o.origin} refused the token when fetching ${o.label}: ${reason}.`,
        'Check that the token input holds a current Gogs access token (Your settings > Applications) of a user who can read the repository.',
      );
    }
    throw err;
  }
}

/** git's own last words (its "fatal:"/"error:" lines), without the prefix noise. */
function gitReason(err: unknown): string {
  if (!(err instanceof GitError)) return String(err);
  const lines = err.result.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const said = lines.filter((l) => /^(fatal|error):/i.test(l));
  return (said.length ? said : lines).slice(-2).join(' / ') || `git exited with ${err.result.exitCode}`;
}

function redact(text: string, secrets: string[]): string {
  return secrets.filter(Boolean).reduce((t, s) => t.split(s).join('***'), text);
}
