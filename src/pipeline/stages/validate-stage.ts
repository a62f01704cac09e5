import path from 'node:path';
import { atOrAbove } from '../../shared/diagnostic.js';
import { changedFiles } from '../../gogs/changed-files.js';
import type { CheckoutResult } from '../../gogs/checkout.js';
import { gitCredentials } from '../../gogs/credentials.js';
import type { Host } from '../../shared/host.js';
import { loadRepository } from '../../policy/layout.js';
import type { PolicyRepository } from '../../policy/repository.js';
import { loadEnvironmentValues } from '../../policy/template.js';
import { formatReport } from '../../report/index.js';
import { validateRepository, type ValidationResult } from '../../validate/index.js';
import type { JobInputs } from '../inputs.js';

export interface ValidateStageResult {
  result: ValidationResult;
  /** What was read from the checkout, handed on so the deploy stage does not read it again. */
  repository: PolicyRepository;
  templateValues: Record<string, string>;
  /** True when findings at or above fail-severity were found. */
  failed: boolean;
}

/**
 * Validates the whole checked-out repository and annotates the run. On a pull request only the files
 * it changes are annotated (the rest are still checked and counted).
 */
export async function validateStage(
  host: Host,
  inputs: JobInputs,
  co: CheckoutResult,
): Promise<ValidateStageResult> {
  return host.logger.group('Validate policies', async () => {
    const repository = await loadRepository(co.path);
    const templateValues = inputs.environment ? await loadEnvironmentValues(co.path, inputs.environment) : {};
    const result = await validateRepository({
      root: co.path,
      configFile: inputs.config ? path.resolve(co.path, inputs.config) : undefined,
      environment: inputs.environment,
      repository,
      templateValues,
    });
    let annotate = result.diagnostics;
    if (inputs.pullRequest) {
      const base = inputs.baseRef ?? co.repository.defaultBranch;
      const changed = await changedFiles(
        co.path,
        gitCredentials(inputs.gogsUrl, inputs.token, inputs.gogsCaFile),
        base,
      );
      annotate = annotate.filter((d) => changed.has(d.file));
      const hidden = result.diagnostics.length - annotate.length;
      if (hidden > 0)
        host.logger.info(
          `${hidden} finding(s) in files this pull request does not change are not annotated.`,
        );
    }
    for (const d of annotate) host.annotate(d);
    host.logger.info(formatReport(result, 'stylish'));
    host.setOutput('diagnostics', String(result.diagnostics.length));
    await host.appendSummary(formatReport(result, 'markdown'));
    const failed = result.diagnostics.some((d) => atOrAbove(d.severity, inputs.failSeverity));
    return { result, failed, repository, templateValues };
  });
}
