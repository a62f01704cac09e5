/**
 * ARM's request throttling as ARM documents it since 2024 ("Understand how Azure Resource Manager
 * throttles requests"): a token bucket per principal and operation type. Every request takes a token;
 * the bucket refills at a fixed rate up to its size. Subscription defaults: reads 250 tokens refilled
 * at 25 per second, writes (and deletes) 200 at 10 per second. Every answer carries
 * `x-ms-ratelimit-remaining-subscription-reads` (GET/HEAD) or `-writes` (other methods); a request
 * that finds the bucket empty is answered 429 with Retry-After (whole seconds until a token is back)
 * and takes no token.
 */

export interface BucketSpec {
  /** Bucket size: how many requests may go at once after a quiet period. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

export interface RateLimits {
  reads?: BucketSpec;
  writes?: BucketSpec;
  /** The older hourly model: a bucket of this size refilled over an hour (kept for existing callers). */
  readsPerHour?: number;
  writesPerHour?: number;
}

export const ARM_DEFAULT_LIMITS: Required<Pick<RateLimits, 'reads' | 'writes'>> = {
  reads: { capacity: 250, refillPerSecond: 25 },
  writes: { capacity: 200, refillPerSecond: 10 },
};

const hourly = (n: number): BucketSpec => ({ capacity: n, refillPerSecond: n / 3600 });

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private reads: BucketSpec = ARM_DEFAULT_LIMITS.reads;
  private writes: BucketSpec = ARM_DEFAULT_LIMITS.writes;
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    limits: RateLimits = {},
    private readonly now: () => number = Date.now,
  ) {
    this.configure(limits);
  }

  /** Sets the model; every bucket starts full again. */
  configure(limits: RateLimits): void {
    this.reads =
      limits.reads ?? (limits.readsPerHour ? hourly(limits.readsPerHour) : ARM_DEFAULT_LIMITS.reads);
    this.writes =
      limits.writes ?? (limits.writesPerHour ? hourly(limits.writesPerHour) : ARM_DEFAULT_LIMITS.writes);
    this.buckets.clear();
  }

  /** Spends one token; returns the headers to send and, when the bucket is empty, seconds to wait. */
  consume(principal: string, write: boolean): { headers: Record<string, string>; retryAfter?: number } {
    const kind = write ? 'writes' : 'reads';
    const spec = write ? this.writes : this.reads;
    const key = `${principal}:${kind}`;
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: spec.capacity, at: now };
    b.tokens = Math.min(spec.capacity, b.tokens + ((now - b.at) / 1000) * spec.refillPerSecond);
    b.at = now;
    this.buckets.set(key, b);
    const header = `x-ms-ratelimit-remaining-subscription-${kind}`;
    if (b.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / spec.refillPerSecond));
      return { headers: { [header]: '0' }, retryAfter };
    }
    b.tokens -= 1;
    return { headers: { [header]: String(Math.floor(b.tokens)) } };
  }
}
