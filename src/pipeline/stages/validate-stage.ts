import { changedFiles } from '../../gogs/changed-files.js';
import { gitCredentials } from '../../gogs/credentials.js';
import { NoPolicyFilesError } from '../../policy/artifacts.js';
import { loadEnvironmentRepository } from '../../policy/environment.js';
import type { PolicyRepository } from '../../policy/repository.js';
import { formatReport } from '../../report/index.js';
import { atOrAbove } from '../../shared/diagnostic.js';
import type { Host } from '../../shared/host.js';
import { validateRepository, type ValidationResult } from '../../validate/index.js';
import { fileFilter } from '../file-targets.js';
import type { Settings } from '../settings.js';
import { writeUserFile } from '../user-file.js';
import type { Source } from './source-stage.js';

export interface Validated {
  result: ValidationResult;
  /** What was read and validated, handed on so that the deploy stage deploys exactly this. */
  repository: PolicyRepository;
  /** Environment file values with the command line's --var values on top: validated and deployed alike. */
  templateValues: Record<string, string>;
  /** True when findings at or above fail-severity were found. */
  failed: boolean;
}

/**
 * The gate every door passes before any ARM call: validates the whole repository as it will be
 * deployed (templates rendered) and reports it. On a pull request only the files it changes are
 * annotated (the rest are still checked and counted).
 */
export async function validateStage(host: Host, s: Settings, source: Source): Promise<Validated> {
  return host.logger.group('Validate policies', async () => {
    const env = s.validation.environment;
    const loaded = await loadEnvironmentRepository(source.path, {
      artifactsPath: s.validation.artifactsPath,
      environment: env,
      vars: s.validation.vars,
    }).catch((err: unknown) => {
      // Nothing to validate is not a failure of validate (a pre-commit run on a new repository);
      // a deployment still refuses it (it would deploy nothing from the wrong folder).
      if (!(err instanceof NoPolicyFilesError) || s.mode !== 'validate') throw err;
      host.logger.warning(`${err.message} ${err.hint ?? ''}`.trim());
      return undefined;
    });
    if (!loaded) return emptyValidation(host, s, source.path);
    const { repository, templateValues, apiops } = loaded;
    if (apiops) {
      host.logger.info(`APIOps overrides from ${apiops.file} applied for environment ${env}.`);
      for (const w of apiops.warnings) host.logger.warning(w);
    }
    const whole = await validateRepository({
      root: source.path,
      configFile: s.validation.config,
      environment: env,
      externalNamedValues: s.validation.externalNamedValues,
      repository,
      templateValues,
    });
    const result = s.validation.files ? onlyFiles(host, whole, repository, s.validation.files) : whole;
    await annotate(host, s, source, result);
    host.setOutput('diagnostics', String(result.diagnostics.length));
    await host.appendSummary(formatReport(result, 'markdown'));
    // The validate command's product is the report (data on the CLI's stdout, or a file); in every
    // other mode it is a log section.
    if (s.mode === 'validate') {
      const report = formatReport(result, s.report.format ?? 'stylish');
      if (s.report.file) await writeUserFile(s.report.file, `${report}\n`, 'output');
      else host.emitReport(report);
    } else if (!host.findingsInLog) {
      host.logger.info(formatReport(result, 'stylish'));
    }
    const failed = result.diagnostics.some((d) => atOrAbove(d.severity, s.validation.failSeverity));
    return { result, failed, repository, templateValues };
  });
}

/**
 * `validate FILE…`: the findings (and the count) of the named files only. A file that is not a policy
 * of the repository is said so; none at all is a warning, not a failure.
 */
function onlyFiles(
  host: Host,
  result: ValidationResult,
  repository: PolicyRepository,
  files: string[],
): ValidationResult {
  const wanted = fileFilter(files);
  const policies = repository.policies.map((p) => p.file).filter(wanted);
  if (policies.length === 0)
    host.logger.warning(
      `No policy file of the repository ${repository.root} matches ${files.join(' ')}: nothing to validate.`,
    );
  const diagnostics = result.diagnostics.filter((d) => wanted(d.file));
  const count = (sev: string) => diagnostics.filter((d) => d.severity === sev).length;
  return {
    diagnostics,
    summary: {
      files: policies.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
  };
}

/** A repository without policy files, in validate mode: an empty report (exit 0 after the warning). */
async function emptyValidation(host: Host, s: Settings, root: string): Promise<Validated> {
  const result: ValidationResult = {
    diagnostics: [],
    summary: { files: 0, errors: 0, warnings: 0, infos: 0 },
  };
  host.setOutput('diagnostics', '0');
  const report = formatReport(result, s.report.format ?? 'stylish');
  if (s.report.file) await writeUserFile(s.report.file, `${report}\n`, 'output');
  else host.emitReport(report);
  const repository: PolicyRepository = {
    root,
    policies: [],
    namedValues: [],
    backends: [],
    fragments: [],
    problems: [],
  };
  return { result, failed: false, repository, templateValues: {} };
}

async function annotate(host: Host, s: Settings, source: Source, result: ValidationResult): Promise<void> {
  let shown = result.diagnostics;
  if (s.pullRequest && source.gogs) {
    const g = source.gogs;
    const changed = await changedFiles(
      source.path,
      gitCredentials(g.gogsUrl, g.token, g.caFile),
      s.pullRequest.baseRef ?? g.defaultBranch,
    );
    shown = shown.filter((d) => changed.has(d.file));
    const hidden = result.diagnostics.length - shown.length;
    if (hidden > 0)
      host.logger.info(`${hidden} finding(s) in files this pull request does not change are not annotated.`);
  }
  for (const d of shown) host.annotate(d);
}
