import { decodeEntities, entityAt } from './entities.js';

/**
 * Finds where a policy expression ends in raw policy text, without any XML parsing: APIM's raw
 * format leaves `"`, `<`, `>` and `&&` unescaped inside `@(...)` and `@{...}`, so only a C#-aware
 * scan (brackets, string/char/verbatim/interpolated literals, comments) knows the extent. XML
 * entities are decoded on the fly, so the escaped form (`&quot;`, `&lt;`) scans the same way.
 */
export type ScanResult =
  | { ok: true; end: number; code: string; hasReturn: boolean }
  | { ok: false; offset: number; message: string };

/** Characters the code scan must look at: brackets, quotes, '@', '$', '/', '&' (entities), 'r' (return). */
const SIGNIFICANT = new Uint8Array(128);
for (const c of '()[]{}"\'@$/&r') SIGNIFICANT[c.charCodeAt(0)] = 1;

const OPEN: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

class Fail {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

class Scanner {
  hasReturn = false;
  i: number;
  /** Raw width of the character `peek` last decoded (an entity is several raw characters). */
  private w = 1;
  constructor(
    private readonly s: string,
    start: number,
    private readonly limit: number,
  ) {
    this.i = start;
  }

  /** The character at `at` after entity decoding ('' at the end); sets its raw width. */
  peek(at = this.i): string {
    if (at >= this.limit) return '';
    const c = this.s[at];
    this.w = 1;
    if (c === '&') {
      const e = entityAt(this.s, at);
      if (e) {
        this.w = e.length;
        return e.char;
      }
    }
    return c;
  }

  next(): string {
    const c = this.peek();
    if (c !== '') this.i += this.w;
    return c;
  }

  /** Scans code until the bracket that closes `opener` (already consumed). */
  code_(opener: string, openAt: number): void {
    const stack: [string, number][] = [[opener, openAt]];
    while (stack.length) {
      // Most of an expression is names, dots and spaces: skip them without decoding.
      while (this.i < this.limit && !SIGNIFICANT[this.s.charCodeAt(this.i)]) this.i++;
      const at = this.i;
      const c = this.next();
      if (c === '') {
        const [o, where] = stack[stack.length - 1];
        throw new Fail(where, `Unbalanced '${o}': the expression has no closing '${OPEN[o]}'.`);
      }
      if (c === '(' || c === '{' || c === '[') stack.push([c, at]);
      else if (c === ')' || c === '}' || c === ']') {
        const [o] = stack[stack.length - 1];
        if (OPEN[o] !== c) throw new Fail(at, `Unexpected '${c}': expected '${OPEN[o]}'.`);
        stack.pop();
      } else if (c === '"') this.string(at, false);
      else if (c === "'") this.char(at);
      else if (c === '@' && this.peek() === '"') {
        this.next();
        this.string(at, true);
      } else if (c === '$') this.interpolated(at);
      else if (c === '/' && this.peek() === '/') this.skipUntil('\n');
      else if (c === '/' && this.peek() === '*') this.blockComment(at);
      else if (c === 'r' && !isIdentPart(this.s.charCodeAt(at - 1))) this.identifier(at);
    }
  }

  /** Only `return` matters (a multi-statement expression must have one). */
  identifier(at: number): void {
    let end = at + 1;
    while (end < this.limit && isIdentPart(this.s.charCodeAt(end))) end++;
    if (end - at === 6 && this.s.startsWith('return', at)) this.hasReturn = true;
    this.i = end;
  }

  string(openAt: number, verbatim: boolean): void {
    for (;;) {
      const c = this.next();
      if (c === '' || (!verbatim && c === '\n')) throw new Fail(openAt, 'Unterminated string literal.');
      if (!verbatim && c === '\\') this.next();
      else if (c === '"') {
        if (verbatim && this.peek() === '"') this.next();
        else return;
      }
    }
  }

  char(openAt: number): void {
    for (;;) {
      const c = this.next();
      if (c === '' || c === '\n') throw new Fail(openAt, 'Unterminated character literal.');
      if (c === '\\') this.next();
      else if (c === "'") return;
    }
  }

  /** `$"..{hole}.."`, `$@"..."` and `@$"..."`; holes are code and may hold strings of their own. */
  interpolated(openAt: number): void {
    let verbatim = false;
    if (this.peek() === '@') {
      this.next();
      verbatim = true;
    }
    if (this.peek() !== '"') return;
    this.next();
    for (;;) {
      const at = this.i;
      const c = this.next();
      if (c === '' || (!verbatim && c === '\n')) throw new Fail(openAt, 'Unterminated string literal.');
      if (c === '{') {
        if (this.peek() === '{') this.next();
        else this.code_('{', at);
      } else if (!verbatim && c === '\\') this.next();
      else if (c === '"') {
        if (verbatim && this.peek() === '"') this.next();
        else return;
      }
    }
  }

  blockComment(openAt: number): void {
    this.next();
    for (;;) {
      const c = this.next();
      if (c === '') throw new Fail(openAt, 'Unterminated comment.');
      if (c === '*' && this.peek() === '/') {
        this.next();
        return;
      }
    }
  }

  skipUntil(ch: string): void {
    for (let c = this.next(); c !== '' && c !== ch; c = this.next());
  }
}

/** [A-Za-z0-9_] by char code (NaN, before the start, is not). */
const isIdentPart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** True when `s[i]` starts a policy expression. */
export function startsExpression(s: string, i: number): boolean {
  return s[i] === '@' && (s[i + 1] === '(' || s[i + 1] === '{');
}

/** Scans the expression starting at `s[start]` ('@'); `limit` bounds the scan (end of input). */
export function scanExpression(s: string, start: number, limit = s.length): ScanResult {
  const sc = new Scanner(s, start + 2, limit);
  const opener = s[start + 1];
  try {
    // '@(' / '@{' are consumed; the scanner's code starts after them.
    sc.code_(opener, start + 1);
  } catch (err) {
    if (err instanceof Fail) return { ok: false, offset: err.offset, message: err.message };
    throw err;
  }
  const raw = s.slice(start + 2, sc.i - 1);
  const decoded = decodeEntities(raw, true);
  return { ok: true, end: sc.i, code: 'value' in decoded ? decoded.value : raw, hasReturn: sc.hasReturn };
}
