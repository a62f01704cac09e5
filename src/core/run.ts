import type { Host } from '../host/host.js';
import { ExitCode } from './errors.js';
import { readInputs } from './inputs.js';
import { reportFailure } from './report-failure.js';
import { azureStage } from './stages/azure-stage.js';
import { checkoutStage } from './stages/checkout-stage.js';
import { validateStage } from './stages/validate-stage.js';

/**
 * The main job, the same for every host: inputs -> checkout -> validate -> plan -> apply -> report.
 * Returns the exit code; the host entry point sets it.
 */
export async function runJob(host: Host): Promise<number> {
  try {
    const inputs = readInputs(host);
    const checkedOut = await checkoutStage(host, inputs);
    if (inputs.mode === 'checkout') return ExitCode.Ok;

    const validation = await validateStage(host, inputs, checkedOut);
    if (validation.failed) {
      host.logger.error(
        `Validation found problems at or above ${inputs.failSeverity}${inputs.mode === 'deploy' ? ': nothing was deployed' : ''}.`,
      );
      return ExitCode.Findings;
    }
    if (inputs.mode === 'validate') return ExitCode.Ok;

    return await azureStage(host, inputs, checkedOut);
  } catch (err) {
    return reportFailure(host, err);
  }
}
