import { progressReporter } from '../../src/shared/progress.js';

// What a user watching a long plan or deployment sees: a line per resource in a CI log, a live counter
// on a terminal, every retry with its wait and reason, and a closing line with counts and time.
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('progress reporter', () => {
  test('in a log: one line per resource, retry notices, and the closing counts and time', () => {
    const c = clock();
    const lines: string[] = [];
    const p = progressReporter(
      { line: (l) => lines.push(l) },
      { doing: 'Deploying', done: 'Deployed' },
      c.now,
    );
    p.start?.(3);
    c.advance(40);
    p.done('apiPolicy', 'apis/orders-api', 'update', 41.4);
    p.retry(1, 3000, '429 TooManyRequests, Retry-After 3 s');
    c.advance(3100);
    p.done('apiPolicy', 'apis/echo-api', 'update', 3120);
    p.done('namedValue', 'namedValues/backend-url', 'create', 12);
    p.finish();
    expect(lines).toEqual([
      '[1/3] apiPolicy apis/orders-api: update (41 ms)',
      'Retrying in 3.0 s (attempt 2): 429 TooManyRequests, Retry-After 3 s.',
      '[2/3] apiPolicy apis/echo-api: update (3120 ms)',
      '[3/3] namedValue namedValues/backend-url: create (12 ms)',
      'Deployed 3 resources in 3.1 s: 2 update, 1 create, 1 retry.',
    ]);
  });

  test('on a terminal: a live counter instead of a line per resource; retries and the end still get lines', () => {
    const c = clock();
    const lines: string[] = [];
    const live: (string | undefined)[] = [];
    const p = progressReporter(
      { line: (l) => lines.push(l), live: (t) => live.push(t) },
      { doing: 'Planning', done: 'Planned' },
      c.now,
    );
    p.start?.(400);
    for (let i = 0; i < 399; i++) {
      c.advance(1);
      p.done('apiPolicy', `apis/api-${i}`, 'unchanged', 1);
    }
    p.retry(2, 1000, '503 ServiceUnavailable');
    p.done('apiPolicy', 'apis/last', 'update', 5);
    p.finish();
    expect(lines).toEqual([
      'Retrying in 1.0 s (attempt 3): 503 ServiceUnavailable.',
      'Planned 400 resources in 0.4 s: 399 unchanged, 1 update, 1 retry.',
    ]);
    // Redrawn at most every 100 ms of work, not 400 times; the last count is drawn; cleared at the end.
    expect(live.length).toBeLessThan(12);
    expect(live[0]).toBe('Planning 0/400: none');
    expect(live).toContain('Planning 400/400: 399 unchanged, 1 update');
    expect(live.at(-1)).toBeUndefined();
  });

  test('nothing to do: the closing line says so', () => {
    const lines: string[] = [];
    const p = progressReporter(
      { line: (l) => lines.push(l) },
      { doing: 'Planning', done: 'Planned' },
      () => 0,
    );
    p.start?.(0);
    p.finish();
    expect(lines).toEqual(['Planned 0 resources in 0.0 s: none.']);
  });
});
