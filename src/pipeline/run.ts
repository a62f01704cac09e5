import type { Host } from '../shared/host.js';
import { ExitCode } from '../shared/errors.js';
import { readInputs } from './inputs.js';
import { reportFailure } from './report-failure.js';
import { checkoutStage } from './stages/checkout-stage.js';

/**
 * The main job, the same for every host: inputs -> checkout -> validate -> plan -> apply -> report.
 * Returns the exit code; the host entry point sets it.
 */
export async function runJob(host: Host): Promise<number> {
  try {
    const inputs = readInputs(host);
    const checkedOut = await checkoutStage(host, inputs);
    if (inputs.mode === 'checkout') return ExitCode.Ok;

    // Loaded on demand: a checkout-only step never parses the validator or the Azure SDKs.
    const { validateStage } = await import('./stages/validate-stage.js');
    const validation = await validateStage(host, inputs, checkedOut);
    if (validation.failed) {
      host.logger.error(
        `Validation found problems at or above ${inputs.failSeverity}${inputs.mode === 'deploy' ? ': nothing was deployed' : ''}.`,
      );
      return ExitCode.Findings;
    }
    if (inputs.mode === 'validate') return ExitCode.Ok;

    const { azureStage } = await import('./stages/azure-stage.js');
    return await azureStage(host, inputs, checkedOut, validation);
  } catch (err) {
    return reportFailure(host, err);
  }
}
