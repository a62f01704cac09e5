import type { Diagnostic } from '../shared/diagnostic.js';

/** What every formatter renders (the shape validateRepository returns). */
export interface ReportInput {
  diagnostics: Diagnostic[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(r: ReportInput): string {
  const { files, errors, warnings, infos } = r.summary;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
}
