import { existsSync } from 'node:fs';
import path from 'node:path';
import { LINT_RULES } from '../../../src/validate/rules/index.js';
import { projectRoot } from '../../support/shared.js';

// One table-driven test file per lint rule (rule-table.ts), named by the rule id, so a new rule cannot
// land untested. expression-variable-unset keeps its own in test/validate/ for now.
it.each(LINT_RULES.map((r) => r.meta.id))('lint rule %s has its table test', (id) => {
  const candidates = [`test/validate/rules/${id}.test.ts`, `test/validate/${id}.test.ts`];
  expect(candidates.filter((f) => existsSync(path.join(projectRoot, f)))).toHaveLength(1);
});
