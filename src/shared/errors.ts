/** Exit codes shared by the CLI, the action and the Azure DevOps task (DESIGN.md "Exit codes"). */
export const ExitCode = {
  Ok: 0,
  /** Findings at or above the fail severity, or drift found by verify. */
  Findings: 1,
  /** Usage or configuration error: the user's input is wrong. */
  Configuration: 2,
  /** Deployment failed and every change was rolled back. */
  RolledBack: 3,
  /** Deployment failed and some changes could not be rolled back. */
  RollbackIncomplete: 4,
  /** apim-gogs itself failed (a bug): never shares a code with findings. */
  Internal: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A mistake the user can fix (a wrong input, an unreachable server, a token without access).
 * Separates the user's mistakes from bugs: these print as one clear message, never a stack.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    message: string,
    /** What to do about it, in one sentence. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
