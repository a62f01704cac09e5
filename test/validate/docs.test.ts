import { readFileSync } from 'node:fs';
import path from 'node:path';
import { regenerate } from '../../scripts/rule-reference.js';
import { ALL_RULES } from '../../src/validate/index.js';
import { projectRoot } from '../support/shared.js';

describe('the rule reference in docs/validation.md', () => {
  it.each(['docs/validation.md'])(
    'in %s is the one generated from the rule metadata (run npx tsx scripts/gen-rule-docs.ts)',
    async (name) => {
      const file = path.join(projectRoot, name);
      const doc = readFileSync(file, 'utf8');
      expect(await regenerate(doc, file)).toBe(doc);
    },
    // Loading Prettier's markdown printer takes seconds on a busy machine: more than the unit 10 s allows.
    30_000,
  );

  it('documents every rule id once, with a stable, unique id', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.summary.length).toBeGreaterThan(10);
      expect(r.docs.length).toBeGreaterThan(30);
    }
  });
});
