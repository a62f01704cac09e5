import type { ReportInput } from './types.js';

/** The machine contract (DESIGN.md): `{ "diagnostics": [...], "summary": {...} }`. */
export function formatJson(r: ReportInput): string {
  return JSON.stringify({ diagnostics: r.diagnostics, summary: r.summary }, null, 2);
}
