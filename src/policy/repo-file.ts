import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLError } from 'yaml';
import { ConfigurationError } from '../shared/errors.js';

/**
 * Reading files of an untrusted repository. Repository content decides nothing about which files of
 * the runner are read: a path that is a symbolic link (or passes through one) is refused, so
 * `environments/prod.yaml -> ~/.azure/credentials` can neither be rendered into a policy nor quoted
 * in an error. Sizes are checked with lstat before any read, so a 600 MB file is refused without
 * being loaded. Parse errors give a position and a reason, never the file's text.
 */

/** Largest YAML/JSON settings file read (environment values, ruleset, information JSON). */
export const SETTINGS_MAX_BYTES = 1024 * 1024;

/** Refused: a link, or a file larger than allowed. Names the repository path and what to do. */
export function symlinkError(rel: string): ConfigurationError {
  return new ConfigurationError(
    `'${rel}' is a symbolic link; apim-gogs reads nothing through links in the repository (one could point outside the checkout).`,
    'Replace the link with the file or folder itself.',
  );
}

export function tooLargeError(rel: string, size: number, max: number): ConfigurationError {
  return new ConfigurationError(
    `'${rel}' is ${size} bytes; apim-gogs reads at most ${max} bytes from this file.`,
    'Make the file smaller, or remove it if it does not belong in the repository.',
  );
}

/**
 * Checks every component of `rel` below `root` with lstat: a symbolic link anywhere on the way throws;
 * a missing component returns undefined; otherwise the final entry's stat.
 */
export async function statInside(root: string, rel: string): Promise<import('node:fs').Stats | undefined> {
  const parts = rel.split(/[\\/]+/).filter((p) => p && p !== '.');
  if (parts.some((p) => p === '..')) {
    throw new ConfigurationError(`'${rel}' leaves the repository ('..'); give a path inside it.`);
  }
  let at = path.resolve(root);
  let st: import('node:fs').Stats | undefined;
  for (let i = 0; i < parts.length; i++) {
    at = path.join(at, parts[i]);
    st = await lstat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw err;
    });
    if (!st) return undefined;
    if (st.isSymbolicLink()) throw symlinkError(parts.slice(0, i + 1).join('/'));
  }
  return st;
}

/**
 * Reads the repository file `rel` (forward slashes, relative to `root`) as UTF-8 text, or undefined when
 * it does not exist. Throws ConfigurationError for a link, a non-file or a file over `maxBytes`.
 */
export async function readRepoText(
  root: string,
  rel: string,
  maxBytes = SETTINGS_MAX_BYTES,
): Promise<string | undefined> {
  const st = await statInside(root, rel);
  if (!st) return undefined;
  if (!st.isFile())
    throw new ConfigurationError(`'${rel}' is not a regular file.`, 'Replace it with a file.');
  if (st.size > maxBytes) throw tooLargeError(rel, st.size, maxBytes);
  return (await readFile(path.join(root, rel), 'utf8')).replace(/^\uFEFF/, '');
}

/** Aliases accepted in one YAML document; an alias bomb stops here instead of exhausting memory. */
const MAX_ALIASES = 100;

/**
 * Parses YAML from a repository file. A syntax error or an alias bomb is a ConfigurationError that
 * names the file, line and column and the kind of problem, and quotes none of the file.
 */
export function parseYamlText(text: string, file: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: MAX_ALIASES, prettyErrors: false, logLevel: 'error' });
  } catch (err) {
    if (err instanceof YAMLError) {
      const at = lineColumn(text, err.pos[0]);
      throw new ConfigurationError(
        `${file}:${at.line}:${at.column}: invalid YAML (${err.code}).`,
        'Fix the YAML syntax at that position.',
      );
    }
    if (err instanceof ReferenceError || /alias/i.test(String(err))) {
      throw new ConfigurationError(
        `${file}: too many YAML aliases (more than ${MAX_ALIASES}); refused as a resource-exhaustion attempt.`,
        'Write the values out instead of expanding anchors.',
      );
    }
    throw err;
  }
}

/** Parses JSON from a repository file; errors name file, line and column, never the text. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = jsonErrorPosition(text, err);
    throw new ConfigurationError(
      `${file}${at ? `:${at.line}:${at.column}` : ''}: invalid JSON.`,
      'Fix the JSON syntax at that position.',
    );
  }
}

/** Line and column of a JSON.parse error (Node says "at position N" or "line L column C"). */
export function jsonErrorPosition(text: string, err: unknown): { line: number; column: number } | undefined {
  const msg = String(err);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const m = /position (\d+)/.exec(msg);
  return m ? lineColumn(text, Number(m[1])) : undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
