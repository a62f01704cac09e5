import type { Host } from '../shared/host.js';
import { ConfigurationError, ExitCode, errorMessage } from '../shared/errors.js';

/** Prints a failure the way its kind deserves and returns the exit code (DESIGN.md "Exit codes"). */
export function reportFailure(host: Host, err: unknown): number {
  if (err instanceof ConfigurationError) {
    host.logger.error(err.hint ? `${err.message} ${err.hint}` : err.message);
    return ExitCode.Configuration;
  }
  // Not the user's mistake: say so, and keep the stack for a bug report.
  host.logger.error(`apim-gogs failed unexpectedly: ${errorMessage(err)}`);
  if (err instanceof Error && err.stack) host.logger.debug(err.stack);
  return ExitCode.Findings;
}
