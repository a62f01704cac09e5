import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Files under `dir` (recursively) whose bytes contain any of `secrets`. */
export async function filesContaining(dir: string, secrets: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) hits.push(...(await filesContaining(p, secrets)));
    else if (entry.isFile()) {
      const text = await readFile(p, 'latin1');
      if (secrets.some((s) => text.includes(s))) hits.push(p);
    }
  }
  return hits;
}

/**
 * Log text with the host's own mask commands removed: `::add-mask::<value>` (GitHub) and
 * `##vso[task.setsecret]<value>` (Azure DevOps) are how a step tells the runner or agent what to
 * hide; they consume those lines and never show them.
 */
export function visibleLog(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('##vso[task.setsecret]'))
    .join('\n');
}
