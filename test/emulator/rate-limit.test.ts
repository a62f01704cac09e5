import { RateLimiter } from '../../src/emulator/rate-limit.js';

describe("the emulator's ARM throttling model", () => {
  it('is a token bucket per principal and kind: size, then refill; 429 takes no token', () => {
    let now = 0;
    const limiter = new RateLimiter({ writes: { capacity: 3, refillPerSecond: 2 } }, () => now);
    const write = (who = 'sp') => limiter.consume(who, true);
    expect(
      [write(), write(), write()].map((a) => a.headers['x-ms-ratelimit-remaining-subscription-writes']),
    ).toEqual(['2', '1', '0']);
    expect(write()).toEqual({
      headers: { 'x-ms-ratelimit-remaining-subscription-writes': '0' },
      retryAfter: 1,
    });
    // Another principal has its own bucket; reads have theirs (ARM's default 250).
    expect(write('other').retryAfter).toBeUndefined();
    expect(limiter.consume('sp', false).headers).toEqual({
      'x-ms-ratelimit-remaining-subscription-reads': '249',
    });
    now = 500; // half a second refills one token at 2 per second
    expect(write().retryAfter).toBeUndefined();
    expect(write().retryAfter).toBe(1);
    now = 60_000; // never more than the bucket holds
    expect(write().headers['x-ms-ratelimit-remaining-subscription-writes']).toBe('2');
  });

  it('keeps the hourly form: a bucket of that size refilled over the hour', () => {
    const limiter = new RateLimiter({ writesPerHour: 2 }, () => 0);
    limiter.consume('sp', true);
    limiter.consume('sp', true);
    expect(limiter.consume('sp', true).retryAfter).toBe(1800);
  });
});
