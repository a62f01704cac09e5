/**
 * The one shape every finding takes (DESIGN.md "Diagnostics"); every output format renders from it.
 */
export type Severity = 'error' | 'warning' | 'info';
export type Category = 'syntax' | 'schema' | 'reference' | 'lint' | 'security';

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  category: Category;
  /** Repository-relative path with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** A URL or a sentence that says what to do. */
  help: string;
}

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when `severity` is at or above `threshold`. */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return rank[severity] >= rank[threshold];
}

export function isSeverity(value: string): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info';
}

/** Stable order for reports: by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)
  );
}
