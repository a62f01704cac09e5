export interface RetryOptions {
  /** Total attempts, including the first. */
  attempts: number;
  /** Delay before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Upper bound for any single wait; default none. */
  maxDelayMs?: number;
  /** A wait the server asked for (Retry-After), used instead of the backoff. */
  delayFor?: (err: unknown) => number | undefined;
  /** Called before each wait, to tell the user what is happening. */
  onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}

/**
 * THE retry loop (Gogs and ARM alike): runs `fn` until it succeeds, `shouldRetry` says no, or
 * attempts run out, with exponential backoff (or the server's own wait).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  shouldRetry: (err: unknown) => boolean,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= options.attempts || !shouldRetry(err)) throw err;
      const wait = options.delayFor?.(err) ?? options.baseDelayMs * 2 ** (attempt - 1);
      const delay = Math.min(options.maxDelayMs ?? Infinity, wait);
      options.onRetry?.(attempt, delay, err);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
