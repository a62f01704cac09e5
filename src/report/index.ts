import { ConfigurationError } from '../shared/errors.js';
import { formatAzurePipelines } from './azure-pipelines.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { ReportInput } from './types.js';
import { REPORT_FORMATS, isReportFormat, type ReportFormat } from './formats.js';

export { REPORT_FORMATS, isReportFormat, type ReportFormat } from './formats.js';

const FORMATTERS: Record<ReportFormat, (r: ReportInput) => string> = {
  stylish: (r) => formatStylish(r),
  json: formatJson,
  sarif: (r) => formatSarif(r),
  github: formatGithub,
  'azure-pipelines': formatAzurePipelines,
  markdown: (r) => formatMarkdown(r),
};

/** Renders a validation result in one of the formats; an unknown format is a usage error. */
export function formatReport(result: ReportInput, format: string): string {
  if (!isReportFormat(format)) {
    throw new ConfigurationError(
      `Unknown report format '${format}'.`,
      `Use one of: ${REPORT_FORMATS.join(', ')}.`,
    );
  }
  return FORMATTERS[format](result);
}

export { githubAnnotation } from './github.js';
export { azureLogIssue } from './azure-pipelines.js';
export type { ReportInput } from './types.js';
