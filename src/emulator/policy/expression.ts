/**
 * Finds where a policy expression ends. Raw policy XML keeps `"`, `<`, `>` and `&&` unescaped inside
 * `@(...)` and `@{...}`, so the extent must be found by reading C# (balanced brackets, string, verbatim
 * string and char literals, comments) before any XML rule applies.
 */

/** True when `src[i]` starts an expression: `@(` or `@{` (but not `@{{`, a named value after an @). */
export function startsExpression(src: string, i: number): boolean {
  if (src[i] !== '@') return false;
  const next = src[i + 1];
  return next === '(' || (next === '{' && src[i + 2] !== '{');
}

/** Skips a C# string or char literal starting at `i`; returns the index after it, or -1 if unterminated. */
function skipLiteral(src: string, i: number): number {
  const verbatim =
    src[i] === '@' || (src[i] === '$' && src[i + 1] === '@') || (src[i] === '@' && src[i + 1] === '$');
  let j = i;
  while (src[j] !== '"' && src[j] !== "'") j++;
  const quote = src[j++];
  while (j < src.length) {
    const c = src[j];
    if (verbatim && c === '"' && src[j + 1] === '"') j += 2;
    else if (!verbatim && c === '\\') j += 2;
    else if (c === quote) return j + 1;
    else j++;
  }
  return -1;
}

/** True when a literal starts at `i`: `"`, `'`, `@"`, `$"`, `$@"` or `@$"`. */
function literalStart(src: string, i: number): boolean {
  const c = src[i];
  if (c === '"' || c === "'") return true;
  if ((c === '@' || c === '$') && src[i + 1] === '"') return true;
  return src.startsWith('$@"', i) || src.startsWith('@$"', i);
}

/**
 * Given `src[start] === '@'` and an expression opener after it, returns the index just after the
 * matching closer, or -1 when the expression never closes.
 */
export function expressionEnd(src: string, start: number): number {
  const open = src[start + 1];
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (literalStart(src, i)) {
      i = skipLiteral(src, i);
      if (i === -1) return -1;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      if (nl === -1) return -1;
      i = nl + 1;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const endComment = src.indexOf('*/', i + 2);
      if (endComment === -1) return -1;
      i = endComment + 2;
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/** A piece of a text or attribute value: plain text (entity-decoded) or a raw expression. */
export interface Segment {
  text: string;
  expression: boolean;
}

/** Splits already-decoded text into plain and expression segments (used for `xml` input). */
export function splitExpressions(text: string): Segment[] {
  const segments: Segment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (startsExpression(text, i)) {
      const end = expressionEnd(text, i);
      if (end !== -1) {
        if (plain) segments.push({ text: plain, expression: false });
        segments.push({ text: text.slice(i, end), expression: true });
        plain = '';
        i = end;
        continue;
      }
    }
    plain += text[i++];
  }
  if (plain || segments.length === 0) segments.push({ text: plain, expression: false });
  return segments;
}

export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('');
}
