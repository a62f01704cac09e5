import { ExitCode } from '../../shared/errors.js';

/**
 * The sentence the task fails with (tl.setResult): Azure DevOps shows it as the step's error and in
 * the run's summary, where "exited with code 1" would leave the reader to guess. Drift is told apart
 * from findings by the pipeline's `drift` output (verify sets it before it returns 1).
 */
export function taskResultMessage(code: number, facts: { drift?: boolean } = {}): string {
  const sentence =
    code === ExitCode.Findings && facts.drift
      ? 'Live APIM differs from the commit (drift): see the drift report above.'
      : code === ExitCode.Findings
        ? 'Validation found problems: see the issues above.'
        : code === ExitCode.Configuration
          ? 'An input or the configuration is wrong: see the error above.'
          : code === ExitCode.RolledBack
            ? 'The deployment failed and was rolled back: APIM is as it was (see the error above).'
            : code === ExitCode.RollbackIncomplete
              ? 'The deployment failed and was NOT fully rolled back: see the summary for what is left changed.'
              : 'apim-gogs failed unexpectedly (a bug): see the error above.';
  return `${sentence} (exit code ${code})`;
}
