/**
 * The report format names, apart from the formatters: input checking needs the names at start-up,
 * and the formatters (SARIF lists every rule, so it loads the whole validator) only when a report is made.
 */
export const REPORT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'azure-pipelines', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}
