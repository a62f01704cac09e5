import type { Diagnostic } from '../shared/diagnostic.js';
import { neutralise } from '../shared/workflow-text.js';
import { summaryLine, type ReportInput } from './types.js';

/** Logging-command escaping as azure-pipelines-task-lib does it: the message, then property values. */
const escapeMessage = (s: string): string =>
  s.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escape = (s: string): string => escapeMessage(s).replace(/]/g, '%5D').replace(/;/g, '%3B');

/** `##vso[task.logissue type=error;sourcepath=..;linenumber=..;columnnumber=..;code=..]message` */
export function azureLogIssue(d: Diagnostic): string {
  // Azure DevOps knows only error and warning issues; an info finding is logged as plain text.
  if (d.severity === 'info')
    return neutralise(`${d.file}:${d.line}:${d.column} info ${d.ruleId}: ${d.message}`);
  const props = [
    `type=${d.severity}`,
    `sourcepath=${d.file}`,
    `linenumber=${d.line}`,
    `columnnumber=${d.column}`,
    `code=${d.ruleId}`,
  ];
  return `##vso[task.logissue ${props.map((p) => neutralise(escape(p))).join(';')}]${neutralise(escapeMessage(d.message))}`;
}

export function formatAzurePipelines(r: ReportInput): string {
  return [...r.diagnostics.map(azureLogIssue), summaryLine(r)].join('\n');
}
