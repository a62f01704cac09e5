import { ConfigurationError } from '../shared/errors.js';

/**
 * Refuses a ref input that git would not accept as a ref name, before it reaches git's argv. The rules
 * are git check-ref-format's, plus a leading '-' (an argument like `--upload-pack=x` would be read as
 * an option). The error shows the input with control characters escaped, so a newline in it cannot
 * forge a log line.
 */
export function assertRefName(ref: string, inputName = 'ref'): void {
  const problem = refNameProblem(ref);
  if (!problem) return;
  throw new ConfigurationError(
    `The ${inputName} input ${JSON.stringify(ref).slice(0, 200)} is not a git ref name: ${problem}.`,
    'Give a branch or tag name (main, refs/tags/v1.2) or a full 40-character commit SHA.',
  );
}

function refNameProblem(ref: string): string | undefined {
  if (ref === '') return 'it is empty';
  if (ref.length > 1024) return 'it is longer than 1024 characters';
  if (ref.startsWith('-')) return "it starts with '-'";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(ref)) return 'it holds a space or a control character';
  if (/[~^:?*[\\]/.test(ref)) return 'it holds one of ~ ^ : ? * [ \\';
  if (ref.includes('..')) return "it holds '..'";
  if (ref.includes('@{')) return "it holds '@{'";
  if (ref === '@') return "it is '@'";
  if (ref.endsWith('/') || ref.startsWith('/') || ref.includes('//')) return "it has an empty '/' component";
  if (ref.endsWith('.')) return "it ends with '.'";
  for (const part of ref.split('/')) {
    if (part.startsWith('.')) return "a component starts with '.'";
    if (part.endsWith('.lock')) return "a component ends with '.lock'";
  }
  return undefined;
}
