import type { Diagnostic } from '../shared/diagnostic.js';
import { codeSpan, tableCell } from '../shared/markdown.js';
import { summaryLine, type ReportInput } from './types.js';

const ICON: Record<Diagnostic['severity'], string> = { error: '🛑', warning: '⚠️', info: 'ℹ️' };

/**
 * The run summary (GitHub step summary, Azure DevOps uploadsummary): a total and a table, capped. A
 * level-3 heading, as the plan, deploy and release-gate sections are, under the run's level-2 title.
 */
export function formatMarkdown(r: ReportInput, limit = 200): string {
  const out = ['### apim-gogs validate', '', `**${summaryLine(r)}**`, ''];
  if (!r.diagnostics.length) {
    out.push('No findings.');
    return out.join('\n');
  }
  out.push('| | File | Line | Rule | Message |', '|---|---|---|---|---|');
  for (const d of r.diagnostics.slice(0, limit)) {
    out.push(
      `| ${ICON[d.severity]} ${d.severity} | ${codeSpan(d.file)} | ${d.line}:${d.column} | ${tableCell(d.ruleId)} | ${tableCell(d.message)} |`,
    );
  }
  if (r.diagnostics.length > limit)
    out.push('', `…and ${r.diagnostics.length - limit} more (see the json or SARIF report).`);
  return out.join('\n');
}
