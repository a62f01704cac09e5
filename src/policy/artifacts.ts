import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../shared/errors.js';
import { loadRepository } from './layout.js';
import type { PolicyRepository } from './repository.js';

/**
 * artifacts-path: the folder of the repository that holds the APIOps layout. APIOps repositories
 * keep it in a subfolder (the APIOps sample uses `SampleArtifacts/`, its pipelines `apimartifacts/`);
 * apim-gogs' default is the repository root. Every mode and door reads the repository through
 * loadArtifacts, so they all see the same files and say the same thing when the folder is wrong.
 */

/** Top-level folders of the APIOps layout that apim-gogs reads. */
const LAYOUT_FOLDERS = ['apis', 'products', 'policy fragments', 'named values', 'backends', 'workspaces'];

/** The absolute folder of the layout inside a loaded repository. */
export function artifactsRoot(repo: Pick<PolicyRepository, 'root' | 'artifactsPath'>): string {
  return path.join(repo.root, repo.artifactsPath ?? '');
}

/**
 * Checks an artifacts-path value against the repository root: relative, inside the repository, an
 * existing folder. Returns it normalised with forward slashes ('' for the root).
 */
export async function checkArtifactsPath(root: string, value: string | undefined): Promise<string> {
  const raw = (value ?? '').trim();
  if (!raw || raw === '.' || raw === './') return '';
  const rel = path.posix.normalize(raw.replace(/\\/g, '/')).replace(/^\.\/+|\/+$/g, '');
  if (path.isAbsolute(raw) || rel === '..' || rel.startsWith('../')) {
    throw new ConfigurationError(
      `artifacts-path '${raw}' is not a folder inside the repository.`,
      'Give the folder relative to the repository root, e.g. artifacts-path: apimartifacts',
    );
  }
  const abs = path.join(root, rel);
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isDirectory()) {
    const found = await findLayoutFolders(root);
    throw new ConfigurationError(
      `artifacts-path '${rel}' does not exist in the repository ${root}.`,
      found.length
        ? `The APIOps layout is in: ${found.join(', ')}. Set artifacts-path to one of them.`
        : 'Set artifacts-path to the folder that holds apis/, products/, named values/ ... (default: the root).',
    );
  }
  return rel;
}

/** Whether the repository holds anything placed by the layout (not only loose XML files). */
export function hasLayout(repo: PolicyRepository): boolean {
  return (
    repo.policies.some((p) => p.scope !== 'unknown') ||
    repo.namedValues.length > 0 ||
    repo.backends.length > 0 ||
    repo.fragments.length > 0
  );
}

/**
 * Loads the repository from its artifacts folder. A folder with no APIOps layout is a configuration
 * error that names the subfolders that do hold one (instead of "0 files checked", or false findings
 * on an artifacts folder read as loose files); a folder of loose policies is still validated.
 */
export async function loadArtifacts(root: string, artifactsPath?: string): Promise<PolicyRepository> {
  const absRoot = path.resolve(root);
  const rel = await checkArtifactsPath(absRoot, artifactsPath);
  const repo = await loadRepository(absRoot, { artifactsPath: rel });
  if (hasLayout(repo)) return repo;
  const where = rel ? `artifacts-path '${rel}'` : `the repository root ${absRoot}`;
  const found = (await findLayoutFolders(path.join(absRoot, rel))).map((f) => (rel ? `${rel}/${f}` : f));
  if (found.length) {
    throw new ConfigurationError(
      `No APIOps layout in ${where}: no policy.xml, apis/, products/, named values/, backends/ or policy fragments/ there.`,
      `The layout is in ${found.map((f) => `'${f}'`).join(', ')}: set artifacts-path: ${found[0]} (CLI: --artifacts-path ${JSON.stringify(found[0])}).`,
    );
  }
  if (repo.policies.length === 0) {
    throw new NoPolicyFilesError(
      `No policy files in ${where}: nothing to validate or deploy.`,
      'Point artifacts-path at the folder of the APIOps layout (policy.xml, apis/, products/, named values/, backends/, policy fragments/).',
    );
  }
  return repo;
}

/** A folder with no policy file at all: an error for a deployment, a warning for validate. */
export class NoPolicyFilesError extends ConfigurationError {}

/** Subfolders (two levels deep at most) that hold the APIOps layout, for the hint. */
export async function findLayoutFolders(dir: string, depth = 2): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string, level: number): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    const names = new Set(entries.map((e) => e.name));
    if (rel && (LAYOUT_FOLDERS.some((f) => names.has(f)) || names.has('policy.xml'))) {
      out.push(rel);
      return;
    }
    if (level >= depth) return;
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (!rel && LAYOUT_FOLDERS.includes(e.name)) continue;
      await visit(rel ? `${rel}/${e.name}` : e.name, level + 1);
    }
  };
  await visit('', 0);
  return out.sort();
}
