import { CHECK_RULES } from './checks/meta.js';
import type { RuleMeta } from './rule.js';
import { LINT_RULES } from './rules/index.js';

/** Every rule id users can configure or suppress: the built-in checks, then the lint rules. */
export const ALL_RULES: RuleMeta[] = [...CHECK_RULES, ...LINT_RULES.map((r) => r.meta)];
const byId = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

export function isLintRule(id: string): boolean {
  return LINT_RULES.some((r) => r.meta.id === id);
}
