/** Where a command writes: stdout for its product (data), stderr for logs. Tests pass their own. */
export interface CliIo {
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

/** One `apim-gogs <name>` sub-command. */
export interface Command {
  name: string;
  /** One line for `apim-gogs --help`. */
  summary: string;
  /** Usage text for `apim-gogs <name> --help`. */
  usage: string;
  /** Returns the process exit code (src/shared/errors.ts ExitCode). */
  run(args: string[], io?: CliIo): Promise<number>;
}
