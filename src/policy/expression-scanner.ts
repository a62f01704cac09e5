import { entityAt } from './entities.js';

/**
 * Finds where a policy expression ends in raw policy text, without any XML parsing: APIM's raw
 * format leaves `"`, `<`, `>` and `&&` unescaped inside `@(...)` and `@{...}`, so only a C#-aware
 * scan (brackets, string/char/verbatim/interpolated literals, comments) knows the extent. XML
 * entities are decoded on the fly, so the escaped form (`&quot;`, `&lt;`) scans the same way.
 */
export type ScanResult =
  | { ok: true; end: number; code: string; hasReturn: boolean }
  | { ok: false; offset: number; message: string };

const OPEN: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
const CLOSE = new Set([')', '}', ']']);

class Fail {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

class Scanner {
  code = '';
  hasReturn = false;
  i: number;
  constructor(
    private readonly s: string,
    start: number,
    private readonly limit: number,
  ) {
    this.i = start;
  }

  /** The character at the cursor after entity decoding, and how many raw characters it takes. */
  peek(at = this.i): [string, number] {
    const c = this.s[at];
    if (c === '&') {
      const e = entityAt(this.s, at);
      if (e) return [e.char, e.length];
    }
    return [c, 1];
  }

  next(): string {
    if (this.i >= this.limit) return '';
    const [c, n] = this.peek();
    this.i += n;
    this.code += c;
    return c;
  }

  /** Scans code until the bracket that closes `opener` (already consumed). */
  code_(opener: string, openAt: number): void {
    const stack: [string, number][] = [[opener, openAt]];
    while (stack.length) {
      const at = this.i;
      const c = this.next();
      if (c === '') {
        const [o, where] = stack[stack.length - 1];
        throw new Fail(where, `Unbalanced '${o}': the expression has no closing '${OPEN[o]}'.`);
      }
      if (OPEN[c]) stack.push([c, at]);
      else if (CLOSE.has(c)) {
        const [o] = stack[stack.length - 1];
        if (OPEN[o] !== c) throw new Fail(at, `Unexpected '${c}': expected '${OPEN[o]}'.`);
        stack.pop();
      } else if (c === '"') this.string(at, false);
      else if (c === "'") this.char(at);
      else if (c === '@' && this.peek()[0] === '"') {
        this.next();
        this.string(at, true);
      } else if (c === '$') this.interpolated(at);
      else if (c === '/' && this.peek()[0] === '/') this.skipUntil('\n');
      else if (c === '/' && this.peek()[0] === '*') this.blockComment(at);
      else if (isIdentStart(c)) this.identifier(c);
    }
  }

  identifier(first: string): void {
    let word = first;
    while (this.i < this.limit && isIdentPart(this.peek()[0])) word += this.next();
    if (word === 'return') this.hasReturn = true;
  }

  string(openAt: number, verbatim: boolean): void {
    for (;;) {
      const c = this.next();
      if (c === '' || (!verbatim && c === '\n')) throw new Fail(openAt, 'Unterminated string literal.');
      if (!verbatim && c === '\\') this.next();
      else if (c === '"') {
        if (verbatim && this.peek()[0] === '"') this.next();
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
    if (this.peek()[0] === '@') {
      this.next();
      verbatim = true;
    }
    if (this.peek()[0] !== '"') return;
    this.next();
    for (;;) {
      const at = this.i;
      const c = this.next();
      if (c === '' || (!verbatim && c === '\n')) throw new Fail(openAt, 'Unterminated string literal.');
      if (c === '{') {
        if (this.peek()[0] === '{') this.next();
        else this.code_('{', at);
      } else if (!verbatim && c === '\\') this.next();
      else if (c === '"') {
        if (verbatim && this.peek()[0] === '"') this.next();
        else return;
      }
    }
  }

  blockComment(openAt: number): void {
    this.next();
    for (;;) {
      const c = this.next();
      if (c === '') throw new Fail(openAt, 'Unterminated comment.');
      if (c === '*' && this.peek()[0] === '/') {
        this.next();
        return;
      }
    }
  }

  skipUntil(ch: string): void {
    while (this.i < this.limit && this.next() !== ch);
  }
}

const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isIdentPart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

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
  return { ok: true, end: sc.i, code: sc.code.slice(0, -1), hasReturn: sc.hasReturn };
}
