// Regenerates the rule reference in docs/validation.md from the rule metadata (ids, categories, default
// severities, summaries, docs). Run: npx tsx scripts/gen-rule-docs.ts  (test/validate/docs.test.ts
// fails when the file is out of date).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { regenerate } from './rule-reference.js';

for (const doc of ['docs/validation.md']) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', doc);
  writeFileSync(file, await regenerate(readFileSync(file, 'utf8'), file));
  console.log(`updated ${file}`);
}
