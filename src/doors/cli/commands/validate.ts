import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { atOrAbove, isSeverity } from '../../../shared/diagnostic.js';
import { ConfigurationError, ExitCode } from '../../../shared/errors.js';
import { formatReport, isReportFormat, REPORT_FORMATS } from '../../../report/index.js';
import { validateRepository } from '../../../validate/index.js';
import type { Command } from '../command.js';
import { parseArgs } from '../parse-args.js';

/** `apim-gogs validate [dir]`: checks a repository in the APIOps layout, prints a report, sets the exit code. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'Validate the policies of a repository (syntax, schema, references, lint rules)',
  usage: [
    'apim-gogs validate [dir] [--format FORMAT] [--fail-severity SEVERITY] [--config FILE] [--environment NAME] [--output FILE]',
    '',
    `  --format          ${REPORT_FORMATS.join(' | ')} (default stylish)`,
    '  --fail-severity   error | warning | info: exit 1 when a finding is at or above it (default error)',
    '  --config          ruleset file (default: .apim-gogs.yaml in dir, when present)',
    '  --environment     selects environments.<name> of the ruleset (protected environments, named values)',
    '  --external-named-values  comma-separated named values defined outside the repository',
    '  --output          write the report to FILE instead of standard output',
    '',
    'Exit codes: 0 no finding at or above the fail severity, 1 findings, 2 usage or configuration error.',
  ].join('\n'),
  async run(args, host) {
    const { options, positionals } = parseArgs(args, {
      values: ['format', 'fail-severity', 'config', 'environment', 'output', 'external-named-values'],
    });
    if (positionals.length > 1)
      throw new ConfigurationError(`validate takes one directory, not ${positionals.length}.`);
    const root = path.resolve(positionals[0] ?? '.');
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw new ConfigurationError(
        `The directory ${root} does not exist.`,
        'Pass the root of the policy repository.',
      );
    }
    const format = options.get('format') ?? 'stylish';
    if (!isReportFormat(format)) {
      throw new ConfigurationError(
        `Unknown format '${format}'.`,
        `Use one of: ${REPORT_FORMATS.join(', ')}.`,
      );
    }
    const failSeverity = options.get('fail-severity') ?? 'error';
    if (!isSeverity(failSeverity))
      throw new ConfigurationError(`Unknown severity '${failSeverity}'.`, 'Use error, warning or info.');
    const config = options.get('config');
    if (config && !existsSync(config))
      throw new ConfigurationError(`The ruleset file ${config} does not exist.`);
    const result = await validateRepository({
      root,
      configFile: config,
      environment: options.get('environment'),
      externalNamedValues: options
        .get('external-named-values')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    const report = formatReport(result, format);
    const output = options.get('output');
    if (output) await writeFile(output, `${report}\n`);
    else host.logger.info(report);
    return result.diagnostics.some((d) => atOrAbove(d.severity, failSeverity))
      ? ExitCode.Findings
      : ExitCode.Ok;
  },
};
