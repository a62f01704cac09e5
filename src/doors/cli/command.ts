import type { Host } from '../../shared/host.js';

/** One `apim-gogs <name>` sub-command. */
export interface Command {
  name: string;
  /** One line for `apim-gogs --help`. */
  summary: string;
  /** Usage text for `apim-gogs <name> --help`. */
  usage: string;
  /** Returns the process exit code (see core/errors.ts ExitCode). */
  run(args: string[], host: Host): Promise<number>;
}
