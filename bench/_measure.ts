/** Median wall time of `fn` over `rounds`, in milliseconds. */
export async function medianMs(fn: () => Promise<unknown>, rounds: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Runs every function in turn, round after round, and returns each one's median. */
export async function interleaved(fns: (() => Promise<unknown>)[], rounds: number): Promise<number[]> {
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < rounds; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      times[k].push(performance.now() - t);
    }
  }
  return times.map((xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]);
}

/** Runs a and b alternately (a, b, a, b, ...) and returns both medians, so drift hits both alike. */
export async function sideBySide(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  rounds: number,
): Promise<{ a: number; b: number }> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await a();
    ta.push(performance.now() - t);
    t = performance.now();
    await b();
    tb.push(performance.now() - t);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { a: median(ta), b: median(tb) };
}
