import type { ArmRetryOptions } from '../deploy/retry.js';
import type { Host } from '../shared/host.js';
import { progressReporter, type ProgressReporter } from '../shared/progress.js';

/**
 * Runs a long piece of deploy work (plan's reads, apply's writes) with a progress reporter on the
 * host: one line per resource in a CI log (inside the step's group), a live counter on a terminal,
 * retry notices either way, and a closing line with the counts and the elapsed time.
 */
export async function withProgress<T>(
  host: Host,
  words: { doing: string; done: string },
  work: (progress: ProgressReporter, retry: ArmRetryOptions) => Promise<T>,
): Promise<T> {
  const progress = progressReporter(
    { line: (text) => host.logger.info(text), live: host.liveLine?.bind(host) },
    words,
  );
  try {
    return await work(progress, { onRetry: (...a) => progress.retry(...a) });
  } finally {
    progress.finish();
  }
}
