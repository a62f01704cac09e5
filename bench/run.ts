// `npm run bench -- <name> [<name>...]`: runs bench/<name>.ts's run(); no name runs them all.
// Benchmarks print ratios measured side by side in one run, so the machine's speed cancels out.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));
const names = process.argv.slice(2);
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`Unknown benchmark "${name}". Available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of names.length ? names : available) {
  console.log(`\n## bench: ${name}`);
  const mod = (await import(path.join(here, `${name}.ts`))) as { run: () => Promise<void> };
  await mod.run();
}
