import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigurationError } from '../shared/errors.js';

/**
 * `apim-gogs validate FILE…` (what pre-commit hooks and editors pass): the named files are validated
 * in the context of the repository that holds them, so that references (fragments, named values, the
 * global policy above an API's) resolve; only their findings are reported. A quoted glob
 * (`'apis/**\/policy.xml'`) is matched with picomatch against the repository's files.
 */
export interface FileTargets {
  /** Absolute root of the repository the files belong to. */
  root: string;
  /** Repository-relative paths (forward slashes) and globs, as the report names files. */
  files: string[];
}

/** What marks a repository root, strongest first: apim-gogs' ruleset, then git. */
const ROOT_MARKERS = ['.apim-gogs.yaml', '.git'];

/**
 * One DIR: the repository itself (undefined: the caller reads it as a folder). Otherwise files and
 * globs, relative to `cwd`, whose repository root is `rootOption` or found by walking up from the
 * first of them.
 */
export function resolveFileTargets(
  paths: readonly string[],
  cwd: string,
  rootOption?: string,
): FileTargets | undefined {
  if (paths.length === 0) return undefined;
  const kinds = paths.map((p) => ({ p, abs: path.resolve(cwd, p), glob: picomatch.scan(p).isGlob }));
  const plain = kinds.filter((k) => !k.glob);
  for (const k of plain)
    if (!existsSync(k.abs))
      throw new ConfigurationError(`${k.p} does not exist.`, 'Name policy files or the repository folder.');
  if (paths.length === 1 && plain.length === 1 && statSync(plain[0].abs).isDirectory() && !rootOption)
    return undefined;
  const folders = plain.filter((k) => statSync(k.abs).isDirectory());
  if (folders.length)
    throw new ConfigurationError(
      `${folders[0].p} is a folder: validate takes one repository folder, or files.`,
      'Pass the repository folder alone, or the policy files (and --root for their repository).',
    );

  const root = rootOption ? checkedRoot(path.resolve(cwd, rootOption)) : findRoot(kinds[0]);
  const files = kinds.map((k) => {
    const rel = path
      .relative(root, k.glob ? path.resolve(cwd, k.p) : k.abs)
      .split(path.sep)
      .join('/');
    if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel))
      throw new ConfigurationError(
        `${k.p} is outside the repository ${root}.`,
        'Name files of one repository, or pass its folder with --root.',
      );
    return rel;
  });
  return { root, files };
}

function checkedRoot(dir: string): string {
  if (!existsSync(dir)) throw new ConfigurationError(`--root ${dir} does not exist.`);
  if (!statSync(dir).isDirectory())
    throw new ConfigurationError(
      `--root ${dir} is a file, not a folder.`,
      'Pass the folder of the policy repository (the one that holds .apim-gogs.yaml, .git or apis/).',
    );
  return dir;
}

/**
 * The nearest ancestor holding `.apim-gogs.yaml` or `.git`; failing that, the nearest holding an
 * `apis/` folder (the APIOps layout without git); failing that, an error asking for --root.
 */
function findRoot(first: { p: string; abs: string; glob: boolean }): string {
  const start = first.glob ? path.resolve(picomatch.scan(first.abs).base || '/') : path.dirname(first.abs);
  const ancestors: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    ancestors.push(dir);
    if (dir === path.dirname(dir)) break;
  }
  const marked =
    ancestors.find((d) => ROOT_MARKERS.some((m) => existsSync(path.join(d, m)))) ??
    ancestors.find((d) => existsSync(path.join(d, 'apis')) && statSync(path.join(d, 'apis')).isDirectory());
  if (!marked)
    throw new ConfigurationError(
      `No repository holds ${first.p}: no folder above it has .apim-gogs.yaml, .git or apis/.`,
      'Pass the repository folder with --root.',
    );
  return marked;
}

/** Whether a report's file (repository-relative) is one of the targets, a path or a glob. */
export function fileFilter(files: readonly string[]): (file: string) => boolean {
  const matchers = files.map((f) =>
    picomatch.scan(f).isGlob ? picomatch(f, { dot: true }) : (x: string) => x === f,
  );
  return (file) => matchers.some((m) => m(file));
}
