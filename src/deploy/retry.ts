import { armErrorInfo } from './client.js';

/**
 * Retries for ARM calls: 429 (Retry-After when present, backoff when not), 500, 502, 503, 504,
 * 409 PessimisticConcurrencyConflict, and dropped connections. Anything else fails at once.
 */
export interface ArmRetryOptions {
  /** Total attempts including the first; default 5. */
  attempts?: number;
  /** First backoff delay; doubles each time; default 500 ms. */
  baseDelayMs?: number;
  /** Upper bound for any single wait (also for Retry-After); default 30 s. */
  maxDelayMs?: number;
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

const TRANSIENT_NETWORK =
  /REQUEST_TIMEOUT|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|other side closed|UND_ERR|terminated/i;

export function isTransient(err: unknown): boolean {
  const info = armErrorInfo(err);
  if (
    info.status === 429 ||
    info.status === 500 ||
    info.status === 502 ||
    info.status === 503 ||
    info.status === 504
  ) {
    return true;
  }
  if (info.status === 409 && info.code === 'PessimisticConcurrencyConflict') return true;
  if (!info.status) {
    const code = (err as { code?: string })?.code ?? '';
    return TRANSIENT_NETWORK.test(`${code} ${info.message}`);
  }
  return false;
}

/** Whether the request may have reached the server and been applied (the outcome is unknown). */
export function outcomeUnknown(err: unknown): boolean {
  const info = armErrorInfo(err);
  return !info.status || info.status >= 500;
}

export async function withArmRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: ArmRetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= attempts || !isTransient(err)) throw err;
      const info = armErrorInfo(err);
      const delay = Math.min(max, info.retryAfterMs ?? base * 2 ** (attempt - 1));
      options.onRetry?.(attempt, delay, `${info.status ?? 'network'} ${info.code ?? ''}`.trim());
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
