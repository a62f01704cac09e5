/**
 * ARM's per-principal request budget: `x-ms-ratelimit-remaining-subscription-reads/writes` on every
 * answer, and 429 with Retry-After once a principal spends its hourly budget (of the order of 1200
 * writes and 12000 reads per hour, as ARM documents).
 */
export class RateLimiter {
  private windowStart = Date.now();
  private readonly used = new Map<string, number>();

  constructor(
    public readsPerHour = 12000,
    public writesPerHour = 1200,
  ) {}

  /** Spends one request; returns the headers to send and, when the budget is gone, seconds to wait. */
  consume(principal: string, write: boolean): { headers: Record<string, string>; retryAfter?: number } {
    const now = Date.now();
    if (now - this.windowStart >= 3600_000) {
      this.windowStart = now;
      this.used.clear();
    }
    const kind = write ? 'writes' : 'reads';
    const key = `${principal}:${kind}`;
    const limit = write ? this.writesPerHour : this.readsPerHour;
    const used = (this.used.get(key) ?? 0) + 1;
    this.used.set(key, used);
    const remaining = Math.max(0, limit - used);
    const headers = { [`x-ms-ratelimit-remaining-subscription-${kind}`]: String(remaining) };
    if (used > limit)
      return { headers, retryAfter: Math.max(1, Math.ceil((this.windowStart + 3600_000 - now) / 1000)) };
    return { headers };
  }
}
