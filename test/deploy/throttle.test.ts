import { RateLimiter } from '../../src/emulator/rate-limit.js';
import { BucketEstimate } from '../../src/deploy/throttle.js';

/**
 * The client's pacing against the emulator's token bucket, in virtual time (a discrete-event clock:
 * no real waiting, the same result every run): many workers that would spend the bucket faster than
 * it refills get no 429 when they pace themselves, and still use the refill they are given.
 */
class VirtualClock {
  t = 0;
  private timers: { at: number; resolve: () => void }[] = [];
  now = (): number => this.t;
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => this.timers.push({ at: this.t + Math.max(0, ms), resolve }));
  /** Runs until `work` settles, advancing time to the next timer whenever nothing else can run. */
  async run<T>(work: Promise<T>, limitMs = Infinity): Promise<T> {
    let done = false;
    const result = work.finally(() => (done = true));
    for (;;) {
      for (let i = 0; i < 20; i++) await Promise.resolve();
      await new Promise((r) => setImmediate(r));
      if (done) return result;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) throw new Error('stalled: no timer and the work is not done');
      if (next.at > limitMs) throw new Error(`stalled: still waiting after ${limitMs} ms of virtual time`);
      this.t = next.at;
      next.resolve();
    }
  }
}

async function simulate(pace: boolean): Promise<{ throttled: number; ok: number; seconds: number }> {
  const clock = new VirtualClock();
  const server = new RateLimiter({ reads: { capacity: 60, refillPerSecond: 40 } }, clock.now);
  const bucket = new BucketEstimate('reads', clock.now, clock.sleep);
  let throttled = 0;
  let ok = 0;
  const worker = async (requests: number): Promise<void> => {
    for (let i = 0; i < requests;) {
      if (pace) await bucket.acquire();
      await clock.sleep(50); // latency: the server counts the request when it arrives
      const answer = server.consume('sp', false);
      const remaining = Number(answer.headers['x-ms-ratelimit-remaining-subscription-reads']);
      if (answer.retryAfter !== undefined) {
        throttled++;
        if (pace) bucket.settle(remaining, 429, answer.retryAfter * 1000);
        await clock.sleep(answer.retryAfter * 1000); // the retry waits out Retry-After
        continue;
      }
      if (pace) bucket.settle(remaining, 200);
      ok++;
      i++;
    }
  };
  // 8 workers at 50 ms each want 160 requests a second; the bucket refills 40.
  await clock.run(Promise.all(Array.from({ length: 8 }, () => worker(50))));
  return { throttled, ok, seconds: clock.t / 1000 };
}

describe('pacing by ARM remaining-request headers', () => {
  it('without pacing, the same load runs into 429s (the model throttles)', async () => {
    const r = await simulate(false);
    expect(r.throttled).toBeGreaterThan(0);
  });

  it('with pacing, 400 reads against a 60-token bucket refilled at 40/s get no 429 and use the refill', async () => {
    const r = await simulate(true);
    expect(r).toMatchObject({ throttled: 0, ok: 400 });
    // The bucket allows (400 - 60) / 40 = 8.5 s at best; pacing may not waste much of it.
    expect(r.seconds).toBeLessThan(8.5 * 1.25);
    expect(r.seconds).toBeGreaterThanOrEqual(8.5);
  });
});

describe('a 429 from a service that sends no remaining counts', () => {
  it('holds only for its Retry-After, then goes on (it never waits for a bucket it knows nothing of)', async () => {
    const clock = new VirtualClock();
    const bucket = new BucketEstimate('writes', clock.now, clock.sleep);
    const work = (async () => {
      for (let i = 0; i < 2; i++) {
        await bucket.acquire();
        bucket.settle(undefined, 429, 0);
      }
      await bucket.acquire();
      bucket.settle(undefined, 200);
      return clock.now();
    })();
    // Before the fix the estimate was capped at the highest count seen (none: 0), so acquire slept forever.
    expect(await clock.run(work, 60_000)).toBeLessThan(1000);
  });
});

describe('a 429 from a service whose remaining counts are large', () => {
  it.each([
    ['a huge bucket (the soak’s unlimited budget)', 1_000_000_000],
    ['an ARM-sized bucket', 12_000],
  ])('%s: holds for the Retry-After, not until the bucket refills to its reserve', async (_n, remaining) => {
    const clock = new VirtualClock();
    const bucket = new BucketEstimate('reads', clock.now, clock.sleep);
    const work = (async () => {
      await bucket.acquire();
      bucket.settle(remaining, 200);
      await bucket.acquire();
      bucket.settle(undefined, 429, 1000);
      await bucket.acquire();
      bucket.settle(remaining - 2, 200);
      return clock.now();
    })();
    // Before the fix a 429 set the estimate to 0, below a reserve of 2% of the largest count seen:
    // 20 million tokens at 25/s, so the third read waited for days (the soak hung on it).
    expect(await clock.run(work, 600_000)).toBeLessThan(5_000);
  });
});
