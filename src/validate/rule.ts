import type { Category, Severity } from '../shared/diagnostic.js';
import type { ElementNode } from '../policy/ast.js';
import type { PolicyScope, PolicyRepository } from '../policy/repository.js';
import type { EffectivePolicy } from '../policy/effective.js';

/** A rule's metadata: the stable id users configure and suppress, and the text its doc page shows. */
export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters and how to fix it (the generated rule reference shows it). */
  docs: string;
  /** Where users read more; defaults to the rule reference. */
  url?: string;
}

export interface Located {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A finding before configuration (severity, off, suppression) is applied. */
export interface Finding extends Located {
  ruleId: string;
  file: string;
  message: string;
  help?: string;
}

export type Report = (at: Located, message: string, help?: string) => void;

/** One parsed policy document as lint rules see it. */
export interface DocumentContext {
  file: string;
  scope: PolicyScope;
  root: ElementNode;
  /** Settings for this run: the environment and whether it is protected. */
  environment?: string;
  protectedEnvironment: boolean;
  /** The rule's own options from the ruleset (`rules: { id: [severity, {options}] }`). */
  options: Record<string, unknown>;
  /** Named values defined in the repository, by display name. */
  namedValues: Map<string, PolicyRepository['namedValues'][number]>;
}

/** The whole repository, for rules that judge an API's effective policy. */
export interface RepositoryContext {
  repo: PolicyRepository;
  effective: EffectivePolicy[];
  options: Record<string, unknown>;
  /** Reports at a file's position. */
  report: (file: string, at: Located, message: string, help?: string) => void;
}

export interface LintRule {
  meta: RuleMeta;
  checkDocument?(ctx: DocumentContext, report: Report): void;
  checkRepository?(ctx: RepositoryContext): void;
}

export function ruleDocUrl(id: string): string {
  return `https://github.com/apim-gogs/apim-gogs/blob/main/docs/validation.md#${id.replace(/[^a-z0-9-]/g, '')}`;
}
