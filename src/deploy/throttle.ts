import type {
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
  SendRequest,
} from '@azure/core-rest-pipeline';

/**
 * Pacing by ARM's own budget. ARM throttles per principal with token buckets (reads and writes
 * apart) and says on every answer how many requests remain (`x-ms-ratelimit-remaining-subscription-
 * reads|writes`). This policy keeps an estimate of the bucket between answers: what the last answer
 * said remained, minus the requests sent since, plus the refill since. It learns the refill rate from
 * how the remaining count moves, and once the estimate nears empty it spaces requests at that rate, so
 * a large plan slows to ARM's pace instead of running into a storm of 429s. A 429's Retry-After holds
 * every request of that kind until it has passed.
 */

type Kind = 'reads' | 'writes';

/** ARM's documented refill rates, assumed until the answers show the real one. */
const DOCUMENTED_REFILL: Record<Kind, number> = { reads: 25, writes: 10 };
/** The refill rate is measured over at least this long (shorter windows are noise). */
const MIN_WINDOW_MS = 500;
const MAX_WINDOW_MS = 3000;

interface Sample {
  at: number;
  remaining: number;
  /** Answers counted so far (each took a token). */
  answered: number;
}

export class BucketEstimate {
  private remaining?: number;
  private syncedAt = 0;
  /** Requests that may have taken a token the last known count does not show yet. */
  private pending = 0;
  private inFlight = 0;
  private answered = 0;
  private highest = 0;
  private refill?: number;
  private blockedUntil = 0;
  private samples: Sample[] = [];
  /** How often a request waited for the bucket (for benchmarks and logs). */
  waits = 0;

  constructor(
    private readonly kind: Kind,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** The estimated tokens left now; undefined before ARM said anything. */
  estimate(at = this.now()): number | undefined {
    if (this.remaining === undefined) return undefined;
    const refilled = ((at - this.syncedAt) / 1000) * this.refillRate();
    return Math.min(this.highest, this.remaining + refilled) - this.pending;
  }

  refillRate(): number {
    return this.refill ?? DOCUMENTED_REFILL[this.kind];
  }

  /** Tokens kept back for other clients of the same principal and for estimation error. */
  private reserve(): number {
    return 2 + Math.ceil(this.highest * 0.02);
  }

  /** Waits until a request may go without emptying the bucket, then counts it as sent. */
  async acquire(): Promise<void> {
    for (;;) {
      const at = this.now();
      if (at < this.blockedUntil) {
        await this.sleep(this.blockedUntil - at);
        continue;
      }
      const left = this.estimate(at);
      if (left === undefined || left > this.reserve()) break;
      this.waits++;
      await this.sleep(Math.max(5, ((this.reserve() + 1 - left) / this.refillRate()) * 1000));
    }
    this.inFlight++;
    this.pending++;
  }

  /** An answer arrived (or the request failed without one: `remaining` undefined). */
  settle(remaining: number | undefined, status: number | undefined, retryAfterMs?: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const at = this.now();
    if (status === 429) {
      this.blockedUntil = Math.max(this.blockedUntil, at + (retryAfterMs ?? 1000));
      // ARM's bucket is empty; after the hold it has refilled by the hold's worth, and requests go at
      // the refill's pace. The estimate restarts at the reserve, not at 0: the reserve grows with the
      // largest count seen (2%), and refilling to it from 0 took days for a large bucket (the soak hung).
      // Only a bucket ARM has described can be estimated: with no count ever seen, the hold is all.
      if (this.highest > 0) this.sync(at, this.reserve());
      else this.pending = this.inFlight;
      return;
    }
    // No count in the answer: the request still took a token, so it stays counted until the next one.
    if (remaining === undefined) return;
    this.answered++;
    this.learn(at, remaining);
    this.sync(at, remaining);
  }

  private sync(at: number, remaining: number): void {
    this.remaining = remaining;
    this.syncedAt = at;
    this.highest = Math.max(this.highest, remaining);
    // Requests still in flight may or may not be in this count: assume they are not (they will be).
    this.pending = this.inFlight;
  }

  /** Refill = how much the count rose beyond what the answers in between took, per second. */
  private learn(at: number, remaining: number): void {
    this.samples.push({ at, remaining, answered: this.answered });
    while (this.samples.length > 1 && at - this.samples[0].at > MAX_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    if (at - first.at < MIN_WINDOW_MS) return;
    // A full bucket does not refill, and one near the top may have been full in between: only a
    // window spent clearly below the top says anything about the refill rate.
    const top = this.highest - Math.max(2, this.highest * 0.05);
    if (first.remaining >= top || remaining >= top) return;
    const rate = (remaining - first.remaining + (this.answered - first.answered)) / ((at - first.at) / 1000);
    if (rate > 0) this.refill = this.refill === undefined ? rate : (this.refill + rate) / 2;
  }
}

const kindOf = (method: string): Kind => (method === 'GET' || method === 'HEAD' ? 'reads' : 'writes');

function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return secs * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** One estimate per kind for one connection (one principal), as a pipeline policy. */
export class ArmBudget {
  readonly reads = new BucketEstimate('reads');
  readonly writes = new BucketEstimate('writes');

  policy(): PipelinePolicy {
    return {
      name: 'apimGogsArmBudget',
      sendRequest: async (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
        const kind = kindOf(request.method);
        const bucket = this[kind];
        await bucket.acquire();
        let response: PipelineResponse;
        try {
          response = await next(request);
        } catch (err) {
          const r = (err as { response?: PipelineResponse }).response;
          bucket.settle(remainingOf(r, kind), r?.status, retryAfterMs(r?.headers.get('retry-after')));
          throw err;
        }
        bucket.settle(
          remainingOf(response, kind),
          response.status,
          retryAfterMs(response.headers.get('retry-after')),
        );
        return response;
      },
    };
  }
}

function remainingOf(response: PipelineResponse | undefined, kind: Kind): number | undefined {
  const v = response?.headers.get(`x-ms-ratelimit-remaining-subscription-${kind}`);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
}
