import type { Host } from '../shared/host.js';
import { ExitCode } from '../shared/errors.js';
import { reportFailure } from './report-failure.js';
import type { Settings } from './settings.js';
import { sourceStage } from './stages/source-stage.js';

/**
 * THE pipeline, the same for every door: settings -> checkout (or a local directory) -> load ->
 * validate -> plan -> apply | verify -> report. The only place stages are wired. `settings` is a
 * function so that an input mistake is reported (and exits 2) like any other failure.
 * Returns the exit code (DESIGN.md "Exit codes"); the door sets it.
 */
export async function runPipeline(host: Host, settings: () => Settings): Promise<number> {
  try {
    const s = settings();
    const source = await sourceStage(host, s);
    if (s.mode === 'checkout') return ExitCode.Ok;
    if (s.mode === 'extract') {
      const { extractStage } = await import('./stages/extract-stage.js');
      return await extractStage(host, s, source, {
        artifactsPath: s.validation.artifactsPath,
        push: s.gogsPush,
      });
    }

    // Loaded on demand: a checkout-only step never parses the validator or the Azure SDKs.
    const { validateStage } = await import('./stages/validate-stage.js');
    const validated = await validateStage(host, s, source);
    if (validated.failed) {
      host.logger.error(
        `Validation found problems at or above ${s.validation.failSeverity}${s.mode === 'validate' ? '' : ': nothing was sent to APIM'}.`,
      );
      return ExitCode.Findings;
    }
    if (s.mode === 'validate') return ExitCode.Ok;

    const { azureStage } = await import('./stages/azure-stage.js');
    return await azureStage(host, s, source, validated);
  } catch (err) {
    return reportFailure(host, err);
  }
}
