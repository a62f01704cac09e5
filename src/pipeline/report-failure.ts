import type { Host } from '../shared/host.js';
import { ConfigurationError, ExitCode, errorMessage } from '../shared/errors.js';

/** Prints a failure the way its kind deserves and returns the exit code (DESIGN.md "Exit codes"). */
export function reportFailure(host: Host, err: unknown): number {
  if (err instanceof ConfigurationError) {
    host.logger.error(err.hint ? `${err.message} ${err.hint}` : err.message);
    return ExitCode.Configuration;
  }
  // A file the user named that cannot be read or written is their mistake, not a bug.
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const file = (err as NodeJS.ErrnoException | undefined)?.path;
  if (file && code && FILE_ERRORS[code]) {
    host.logger.error(`${file}: ${FILE_ERRORS[code]}.`);
    return ExitCode.Configuration;
  }
  // Not the user's mistake: say so, keep the stack for a bug report, and never exit like "findings".
  host.logger.error(
    `apim-gogs failed unexpectedly (a bug; please report it with the debug log): ${errorMessage(err)}`,
  );
  if (err instanceof Error && err.stack) host.logger.debug(err.stack);
  return ExitCode.Internal;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
};
