import { mapLimit } from '../../src/deploy/concurrency.js';

/** A controllable task: resolves or rejects when the test says, and records how many ran at once. */
function tracker() {
  let running = 0;
  let peak = 0;
  const release: (() => void)[] = [];
  const task = async (n: number): Promise<number> => {
    running++;
    peak = Math.max(peak, running);
    await new Promise<void>((r) => release.push(r));
    running--;
    return n * 10;
  };
  return { task, peak: () => peak, releaseAll: () => release.splice(0).forEach((r) => r()) };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('mapLimit', () => {
  it('keeps at most `limit` calls in flight and returns results in input order', async () => {
    const t = tracker();
    const all = mapLimit([1, 2, 3, 4, 5, 6, 7], 3, t.task);
    for (let i = 0; i < 5; i++) {
      await settle();
      t.releaseAll();
    }
    expect(await all).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(t.peak()).toBe(3);
  });

  it('passes each item its index', async () => {
    expect(await mapLimit(['a', 'b', 'c'], 2, async (s, i) => `${i}${s}`)).toEqual(['0a', '1b', '2c']);
  });

  it('runs one at a time for a limit below 1, and returns [] for no items', async () => {
    const t = tracker();
    const all = mapLimit([1, 2, 3], 0, t.task);
    for (let i = 0; i < 4; i++) {
      await settle();
      t.releaseAll();
    }
    expect(await all).toEqual([10, 20, 30]);
    expect(t.peak()).toBe(1);
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('PUT apis/b failed: 409 Conflict');
        return n;
      }),
    ).rejects.toThrow('PUT apis/b failed: 409 Conflict');
  });
});
