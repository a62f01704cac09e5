import type { Diagnostic } from '../shared/diagnostic.js';
import { summaryLine, type ReportInput } from './types.js';

/** Under the message column: two spaces, the 8-wide position, the 7-wide severity, two spaces. */
const HELP_INDENT = ' '.repeat(20);

/** For people in a terminal (ESLint's "stylish"): findings grouped by file, aligned, then a total. */
export function formatStylish(r: ReportInput, color = false): string {
  const paint = (code: number, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev: Record<Diagnostic['severity'], string> = {
    error: paint(31, 'error'),
    warning: paint(33, 'warning'),
    info: paint(36, 'info'),
  };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of r.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(paint(4, file));
    for (const d of list) {
      const pos = `${d.line}:${d.column}`.padEnd(8);
      out.push(`  ${pos} ${sev[d.severity].padEnd(color ? 16 : 7)}  ${d.message}  ${paint(90, d.ruleId)}`);
      // The fix ("Did you mean 'rate-limit'?") under the message; a bare link is what the rule id's docs say.
      if (d.help && !/^https?:\/\/\S+$/.test(d.help)) out.push(`${HELP_INDENT}help: ${d.help}`);
    }
    out.push('');
  }
  out.push(summaryLine(r));
  return out.join('\n');
}
