export interface RetryOptions {
  /** Total attempts, including the first. */
  attempts: number;
  /** Delay before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Called before each wait, to tell the user what is happening. */
  onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}

/** Runs `fn` until it succeeds, `shouldRetry` says no, or attempts run out (exponential backoff). */
export async function withRetry<T>(
  fn: () => Promise<T>,
  shouldRetry: (err: unknown) => boolean,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= options.attempts || !shouldRetry(err)) throw err;
      const delay = options.baseDelayMs * 2 ** (attempt - 1);
      options.onRetry?.(attempt, delay, err);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
