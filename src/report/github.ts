import type { Diagnostic } from '../shared/diagnostic.js';
import {
  escapeCommandData as escapeData,
  escapeCommandProperty as escapeProperty,
} from '../shared/workflow-text.js';
import { summaryLine, type ReportInput } from './types.js';

const COMMAND: Record<Diagnostic['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** One GitHub annotation line per diagnostic: `::error file=..,line=..,col=..,title=..::message`. */
export function githubAnnotation(d: Diagnostic): string {
  const props = [`file=${d.file}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endLine) props.push(`endLine=${d.endLine}`);
  if (d.endColumn && (!d.endLine || d.endLine === d.line)) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=apim-gogs ${d.ruleId}`);
  const line = props.map((p) => {
    const eq = p.indexOf('=');
    return `${p.slice(0, eq)}=${escapeProperty(p.slice(eq + 1))}`;
  });
  return `::${COMMAND[d.severity]} ${line.join(',')}::${escapeData(`${d.message} (${d.help})`)}`;
}

export function formatGithub(r: ReportInput): string {
  return [...r.diagnostics.map(githubAnnotation), summaryLine(r)].join('\n');
}
