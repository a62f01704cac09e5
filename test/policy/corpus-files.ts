import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hasShared, sharedDir } from '../support/shared.js';

/** The real policies in ../shared/corpus (read in place, never copied), relative path and text. */
export function corpusPolicies(): { file: string; text: string }[] {
  if (!hasShared) return [];
  const root = path.join(sharedDir, 'corpus');
  const out: { file: string; text: string }[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(path.join(root, dir.name))
      .filter((n) => n.endsWith('.xml'))
      .sort()) {
      out.push({ file: `${dir.name}/${f}`, text: readFileSync(path.join(root, dir.name, f), 'utf8') });
    }
  }
  return out;
}
