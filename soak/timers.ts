/**
 * Tracks the timers this process arms (global setTimeout), so that a suite can tell whether work
 * left one armed behind it: a referenced timer still pending after its work ended keeps a CLI
 * process alive (the request-timeout bug held it for 120 s). Installed once, before any suite runs.
 */
const pending = new Map<NodeJS.Timeout, number>();
let installed = false;

export function trackTimers(): void {
  if (installed) return;
  installed = true;
  const set = globalThis.setTimeout;
  const clear = globalThis.clearTimeout;
  const tracked = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t = set(
      (...a: unknown[]) => {
        pending.delete(t);
        fn(...a);
      },
      ms,
      ...args,
    );
    pending.set(t, Date.now() + (ms ?? 0));
    return t;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(tracked, set);
  globalThis.clearTimeout = ((t?: NodeJS.Timeout | string | number) => {
    if (t && typeof t === 'object') pending.delete(t);
    clear(t as NodeJS.Timeout);
  }) as typeof clearTimeout;
}

/** Referenced timers that will still be pending `boundMs` from now. */
export function lingeringTimers(boundMs: number): number {
  const horizon = Date.now() + boundMs;
  let n = 0;
  for (const [t, due] of pending) if (t.hasRef() && due > horizon) n++;
  return n;
}
