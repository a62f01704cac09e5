/**
 * Progress of long work (a plan's reads, a deployment's writes): without it a 400-resource deploy is
 * silent for seconds and a retried 500 for longer. The deploy functions call the callbacks; the
 * pipeline makes the reporter and says where its lines go.
 */
export interface Progress {
  /** How many resources the work will finish (known once the plan is scoped). */
  start?(total: number): void;
  /** One resource finished: its kind, name, change (create, update, delete, unchanged) and time. */
  done(kind: string, name: string, change: string, ms: number): void;
  /** A request is retried after `delayMs` because of `reason` (429 with Retry-After, 5xx, dropped connection). */
  retry(attempt: number, delayMs: number, reason: string): void;
}

export interface ProgressSink {
  /** A plain log line (CI logs, inside the step's group; the CLI's stderr when not a terminal). */
  line(text: string): void;
  /** A terminal: one status line that replaces itself; `undefined` clears it. Lines are not printed per resource then. */
  live?(text: string | undefined): void;
}

export interface ProgressReporter extends Progress {
  /** Ends the work: clears the live line and prints the counts and the elapsed time. */
  finish(): void;
}

/** A live line is redrawn at most this often: a terminal needs no more, and stderr stays cheap. */
const LIVE_INTERVAL_MS = 100;

/**
 * @param words what the work is called on the live line (`Planning`) and in the closing line (`Planned`).
 * @param now the clock (tests pass their own, so that the times in the lines are fixed).
 */
export function progressReporter(
  sink: ProgressSink,
  words: { doing: string; done: string },
  now: () => number = () => performance.now(),
): ProgressReporter {
  const started = now();
  const counts = new Map<string, number>();
  let finished = 0;
  let total: number | undefined;
  let retries = 0;
  let drawn = -Infinity;
  const tally = (): string => [...counts].map(([change, n]) => `${n} ${change}`).join(', ') || 'none';
  const draw = (force = false): void => {
    const t = now();
    if (!sink.live || (!force && t - drawn < LIVE_INTERVAL_MS)) return;
    drawn = t;
    sink.live(`${words.doing} ${finished}${total !== undefined ? `/${total}` : ''}: ${tally()}`);
  };
  return {
    start(n) {
      total = n;
      draw(true);
    },
    done(kind, name, change, ms) {
      finished++;
      counts.set(change, (counts.get(change) ?? 0) + 1);
      if (sink.live) draw(finished === total);
      else
        sink.line(
          `${total !== undefined ? `[${finished}/${total}] ` : ''}${kind} ${name}: ${change} (${Math.round(ms)} ms)`,
        );
    },
    retry(attempt, delayMs, reason) {
      retries++;
      // A notice always gets a line of its own, on a terminal too: a wait should be explained.
      sink.live?.(undefined);
      sink.line(`Retrying in ${formatSeconds(delayMs)} (attempt ${attempt + 1}): ${reason}.`);
      draw(true);
    },
    finish() {
      sink.live?.(undefined);
      const what = `${finished} resource${finished === 1 ? '' : 's'}`;
      const retried = retries ? `, ${retries} retr${retries === 1 ? 'y' : 'ies'}` : '';
      sink.line(`${words.done} ${what} in ${formatSeconds(now() - started)}: ${tally()}${retried}.`);
    },
  };
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
