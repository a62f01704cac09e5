import { withRetry } from '../shared/retry.js';
import { armErrorInfo, connectionFailed } from './client.js';

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
  if (!info.status) return connectionFailed(err);
  return false;
}

/** Whether the request may have reached the server and been applied (the outcome is unknown). */
export function outcomeUnknown(err: unknown): boolean {
  const info = armErrorInfo(err);
  return !info.status || info.status >= 500;
}

/** Why a request is retried, for the progress log: `429 TooManyRequests, Retry-After 3 s`, `503 ...`, `dropped connection (ECONNRESET)`. */
export function retryReason(err: unknown): string {
  const info = armErrorInfo(err);
  if (!info.status) {
    const code = (err as { code?: string })?.code;
    return `dropped connection (${code || info.message})`;
  }
  const what = `${info.status}${info.code ? ` ${info.code}` : ''}`;
  return info.retryAfterMs !== undefined ? `${what}, Retry-After ${info.retryAfterMs / 1000} s` : what;
}

/** ARM's retry policy on the one retry loop (src/shared/retry.ts). */
export async function withArmRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: ArmRetryOptions = {},
): Promise<T> {
  return withRetry(fn, isTransient, {
    attempts: options.attempts ?? 5,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    delayFor: (err) => armErrorInfo(err).retryAfterMs,
    onRetry: (attempt, delay, err) => options.onRetry?.(attempt, delay, retryReason(err)),
  });
}
