import { readFileSync } from 'node:fs';
import path from 'node:path';
import { regenerate } from '../../src/validate/rule-docs.js';
import { ALL_RULES } from '../../src/validate/index.js';
import { projectRoot } from '../support/shared.js';

describe('docs/validate.md rule reference', () => {
  it('is the one generated from the rule metadata (run npx tsx scripts/gen-rule-docs.ts)', async () => {
    const file = path.join(projectRoot, 'docs/validate.md');
    const doc = readFileSync(file, 'utf8');
    expect(await regenerate(doc, file)).toBe(doc);
  });

  it('documents every rule id once, with a stable, unique id', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.summary.length).toBeGreaterThan(10);
      expect(r.docs.length).toBeGreaterThan(30);
    }
  });
});
