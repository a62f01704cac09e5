import type { Host } from '../host/host.js';
import { checkoutStage } from './stages/checkout-stage.js';
import { readInputs } from './inputs.js';
import { reportFailure } from './report-failure.js';
import { ExitCode } from './errors.js';

/**
 * The main job, the same for every host: inputs -> checkout -> validate -> plan -> apply -> report.
 * Returns the exit code; the host entry point sets it.
 */
export async function runJob(host: Host): Promise<number> {
  try {
    const inputs = readInputs(host);
    const checkedOut = await checkoutStage(host, inputs);
    if (inputs.mode === 'checkout') return ExitCode.Ok;
    void checkedOut;
    return ExitCode.Ok;
  } catch (err) {
    return reportFailure(host, err);
  }
}
