// Writes action.yml, task.json and the README's tables from the one input table (scripts/metadata.ts).
// `--check` fails when any of them differs. Run by `npm run package`; test/action-metadata.test.ts checks them.
import { readFileSync, writeFileSync } from 'node:fs';
import { actionYml, readmeWithTables, taskJson } from './metadata.js';

const check = process.argv.includes('--check');
const stale: string[] = [];
const read = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
for (const [file, text] of [
  ['action.yml', actionYml()],
  ['azure-pipelines/apim-gogs/task.json', taskJson()],
  ['README.md', readmeWithTables(read('README.md'))],
] as const) {
  if (read(file) === text) continue;
  if (check) stale.push(file);
  else writeFileSync(file, text);
}
if (stale.length) {
  console.error(`Stale (regenerate with npx tsx scripts/gen-metadata.ts): ${stale.join(', ')}`);
  process.exit(1);
}
