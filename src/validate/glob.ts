import picomatch from 'picomatch/posix.js';

/** Whether a repository-relative path (forward slashes) is one that a ruleset's glob list names. */
export type PathMatcher = (file: string) => boolean;

const OPTIONS = { dot: true };

/**
 * A ruleset glob list (`overrides[].files`, `ignore`) with the glob semantics users know from
 * .gitignore and eslint, by picomatch: `**` any folders, `*` and `?` within a name, braces
 * `{a,b}` and `{1..3}`, classes `[a-z]` and `[^a-z]`. A pattern that starts with `!` excludes: a path matches the list
 * when it matches one of the other patterns (or there are none) and no excluding one. An empty list
 * matches nothing. Dot folders match like any other.
 */
export function globList(patterns: readonly string[]): PathMatcher {
  if (!patterns.length) return () => false;
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const included = include.length ? picomatch(include, OPTIONS) : () => true;
  const excluded = exclude.length ? picomatch(exclude, OPTIONS) : () => false;
  return (file) => included(file) && !excluded(file);
}
