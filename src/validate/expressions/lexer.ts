/**
 * A C# lexer for the code inside `@(...)` and `@{...}`. Offsets are into the decoded code (XML
 * entities already replaced by the reader); positions.ts maps them back to the policy file. Errors
 * carry the C# compiler's own wording, which is what APIM shows when it refuses the policy.
 */
export type TokenKind =
  | 'ident'
  | 'keyword'
  | 'number'
  | 'string'
  | 'char'
  | 'interpolated'
  | 'punct'
  /** `{{name}}`: a named value, replaced by APIM before the expression is compiled. */
  | 'namedValue'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** For interpolated strings: the tokens of each `{hole}`, ending with an 'eof' token. */
  holes?: Token[][];
}

export interface LexError {
  start: number;
  end: number;
  message: string;
  hint?: string;
}

export const KEYWORDS = new Set(
  (
    'abstract as base bool break byte case catch char checked class const continue decimal default delegate do ' +
    'double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface ' +
    'internal is lock long namespace new null object operator out override params private protected public readonly ' +
    'ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong ' +
    'unchecked unsafe ushort using virtual void volatile while'
  ).split(' '),
);

/** Longest first, so `??=` wins over `??` and `?`. '>' is always alone: the parser joins `>>` and `>=` (generics). */
const PUNCTUATORS = [
  '<<=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '&&',
  '||',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<',
  '??',
  '?.',
  '::',
  '->',
  '+',
  '-',
  '*',
  '/',
  '%',
  '&',
  '|',
  '^',
  '!',
  '~',
  '=',
  '<',
  '>',
  '?',
  ':',
  ';',
  ',',
  '.',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
];

/** By char code: no regular expression per character (the lexer runs on every expression of every file). */
const isIdentStart = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95 || k > 127;
};
const isIdentPart = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95 || k > 127;
};
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Punctuators by their first character, longest first. */
const PUNCTUATORS_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATORS) PUNCTUATORS_BY_FIRST.set(p[0], [...(PUNCTUATORS_BY_FIRST.get(p[0]) ?? []), p]);

const SIMPLE_ESCAPES = new Set(["'", '"', '\\', '0', 'a', 'b', 'f', 'n', 'r', 't', 'v']);

/**
 * The value of a named value, when the repository defines it and it is not secret. APIM replaces
 * `{{name}}` before it compiles, so a value that is code (a number, JSON) is lexed in its place.
 */
export type NamedValueResolver = (name: string) => string | undefined;

export class Lexer {
  readonly errors: LexError[] = [];
  private i: number;
  /** Tokens of a substituted named value, still to be handed out. */
  private readonly pending: Token[] = [];

  constructor(
    private readonly s: string,
    start = 0,
    private readonly limit = s.length,
    private readonly resolve?: NamedValueResolver,
    /** How many interpolated strings enclose this lexer (bounded: each level is a recursion). */
    private readonly nesting = 0,
  ) {
    this.i = start;
  }

  /** Every token to the end, then 'eof'. */
  all(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      out.push(t);
      if (t.kind === 'eof') return out;
    }
  }

  /** Tokens of an interpolation hole: up to its `}` or format `:` at bracket depth 0 (left unread). */
  hole(): Token[] {
    const out: Token[] = [];
    let depth = 0;
    for (;;) {
      this.skipTrivia();
      const c = this.s[this.i];
      if (this.i >= this.limit || (depth === 0 && (c === '}' || c === ':'))) {
        out.push({ kind: 'eof', text: '', start: this.i, end: this.i });
        return out;
      }
      const t = this.next();
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
      out.push(t);
    }
  }

  get offset(): number {
    return this.i;
  }

  private error(start: number, end: number, message: string, hint?: string): void {
    this.errors.push({ start, end, message, hint });
  }

  private skipTrivia(): void {
    const s = this.s;
    while (this.i < this.limit) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0')
        this.i++;
      else if (c === '/' && s[this.i + 1] === '/') {
        while (this.i < this.limit && s[this.i] !== '\n') this.i++;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const end = s.indexOf('*/', this.i + 2);
        if (end === -1 || end + 2 > this.limit) {
          this.error(this.i, this.i + 2, "End-of-file found, '*/' expected");
          this.i = this.limit;
        } else this.i = end + 2;
      } else return;
    }
  }

  next(): Token {
    const queued = this.pending.shift();
    if (queued) return queued;
    this.skipTrivia();
    const s = this.s;
    const start = this.i;
    if (start >= this.limit) return { kind: 'eof', text: '', start, end: start };
    const c = s[start];
    if (c === '{' && s[start + 1] === '{') {
      const m = /^\{\{[^{}"'\n]+\}\}/.exec(s.slice(start, Math.min(this.limit, start + 300)));
      if (m) {
        const end = start + m[0].length;
        const value = this.resolve?.(m[0].slice(2, -2).trim());
        if (value === undefined) return this.token(start, 'namedValue', end);
        this.i = end;
        return this.substitute(m[0], value, start, end);
      }
    }
    if (c === '#' && s[start + 1] === '{') {
      // An environment placeholder left unrendered (reported by the template check): a value, like a named value.
      const m = /^#\{[A-Za-z_][A-Za-z0-9_.-]*\}#/.exec(s.slice(start, start + 200));
      if (m) return this.token(start, 'namedValue', start + m[0].length);
    }
    if (isIdentStart(c) || (c === '@' && isIdentStart(s[start + 1] ?? ''))) {
      let end = start + 1;
      while (end < this.limit && isIdentPart(s[end])) end++;
      const text = s.slice(start, end);
      return this.token(start, KEYWORDS.has(text) ? 'keyword' : 'ident', end);
    }
    if (isDigit(c) || (c === '.' && isDigit(s[start + 1] ?? '')))
      return this.token(start, 'number', this.number(start));
    if (c === '"') return this.token(start, 'string', this.string(start + 1, false));
    if (c === '@' && s[start + 1] === '"') return this.token(start, 'string', this.string(start + 2, true));
    if (c === "'") return this.token(start, 'char', this.char(start));
    if ((c === '$' && s[start + 1] === '"') || (c === '$' && s[start + 1] === '@' && s[start + 2] === '"'))
      return this.interpolated(start, s[start + 1] === '@', start + (s[start + 1] === '@' ? 3 : 2));
    if (c === '@' && s[start + 1] === '$' && s[start + 2] === '"')
      return this.interpolated(start, true, start + 3);
    for (const p of PUNCTUATORS_BY_FIRST.get(c) ?? [])
      if (s.startsWith(p, start) && start + p.length <= this.limit)
        return this.token(start, 'punct', start + p.length);
    this.error(start, start + 1, `Unexpected character '${c}'`);
    this.i = start + 1;
    return this.next();
  }

  private token(start: number, kind: TokenKind, end: number): Token {
    this.i = end;
    return { kind, text: this.s.slice(start, end), start, end };
  }

  /** Lexes a named value's text in place of its reference; every token and error points at the reference. */
  private substitute(reference: string, value: string, start: number, end: number): Token {
    const inner = new Lexer(value, 0, value.length);
    for (const t of inner.all()) if (t.kind !== 'eof') this.pending.push(relocate(t, start, end));
    for (const e of inner.errors)
      this.errors.push({ ...e, start, end, message: `${e.message} (in the value of ${reference})` });
    return this.next();
  }

  private number(start: number): number {
    const s = this.s;
    let i = start;
    if (s[i] === '0' && /[xXbB]/.test(s[i + 1] ?? '')) {
      i += 2;
      while (/[0-9A-Fa-f_]/.test(s[i] ?? '')) i++;
    } else {
      while (isDigit(s[i] ?? '') || s[i] === '_') i++;
      if (s[i] === '.' && isDigit(s[i + 1] ?? '')) {
        i++;
        while (isDigit(s[i] ?? '') || s[i] === '_') i++;
      }
      if (/[eE]/.test(s[i] ?? '') && /[-+0-9]/.test(s[i + 1] ?? '')) {
        i += 2;
        while (isDigit(s[i] ?? '')) i++;
      }
    }
    while (/[uUlLfFdDmM]/.test(s[i] ?? '')) i++;
    return i;
  }

  /** Checks one escape sequence at `s[i]` ('\\'); returns where it ends. */
  private escape(i: number): number {
    const s = this.s;
    const e = s[i + 1] ?? '';
    if (SIMPLE_ESCAPES.has(e)) return i + 2;
    const hex = (n: number, exact: boolean): number => {
      let j = i + 2;
      while (j < i + 2 + n && /[0-9A-Fa-f]/.test(s[j] ?? '')) j++;
      if (j === i + 2 || (exact && j !== i + 2 + n))
        this.error(
          i,
          j,
          'Unrecognized escape sequence',
          'a regular expression or a Windows path belongs in a verbatim string: @"\\d+"',
        );
      return j;
    };
    if (e === 'u') return hex(4, true);
    if (e === 'U') return hex(8, true);
    if (e === 'x') return hex(4, false);
    this.error(
      i,
      i + 2,
      'Unrecognized escape sequence',
      `write "\\\\${e}" or use a verbatim string @"...\\${e}..." (a regular expression belongs in @"...")`,
    );
    return i + 2;
  }

  /** A string body from `i` (after the opening quote); returns the offset after the closing quote. */
  private string(i: number, verbatim: boolean): number {
    const s = this.s;
    const open = verbatim ? i - 2 : i - 1;
    for (;;) {
      if (i >= this.limit || (!verbatim && s[i] === '\n')) {
        this.error(
          open,
          i,
          'Newline in constant',
          'close the string with " on the same line, or use a verbatim string @"..." for text over several lines',
        );
        // The rest is the remainder of a broken string: lexing it would only add errors.
        return this.limit;
      }
      const c = s[i];
      if (c === '"') {
        if (verbatim && s[i + 1] === '"') i += 2;
        else return i + 1;
      } else if (c === '\\' && !verbatim) i = this.escape(i);
      else i++;
    }
  }

  private char(start: number): number {
    const s = this.s;
    let i = start + 1;
    let count = 0;
    while (i < this.limit && s[i] !== "'" && s[i] !== '\n') {
      i = s[i] === '\\' ? this.escape(i) : i + 1;
      count++;
    }
    if (s[i] !== "'" || i >= this.limit) {
      this.error(
        start,
        i,
        'Newline in constant',
        'a character literal holds one character between single quotes; strings take double quotes: "text"',
      );
      return this.limit;
    }
    if (count === 0) this.error(start, i + 1, 'Empty character literal', 'a string takes double quotes: ""');
    else if (count > 1)
      this.error(
        start,
        i + 1,
        'Too many characters in character literal',
        `C# strings take double quotes: write "${s.slice(start + 1, i)}" (single quotes hold one character)`,
      );
    return i + 1;
  }

  private interpolated(start: number, verbatim: boolean, bodyStart: number): Token {
    const s = this.s;
    const holes: Token[][] = [];
    let i = bodyStart;
    for (;;) {
      if (i >= this.limit || (!verbatim && s[i] === '\n')) {
        this.error(start, i, 'Newline in constant', 'close the interpolated string with " on the same line');
        break;
      }
      const c = s[i];
      if (c === '"') {
        if (verbatim && s[i + 1] === '"') i += 2;
        else {
          i++;
          break;
        }
      } else if (c === '\\' && !verbatim) i = this.escape(i);
      else if (c === '{' && s[i + 1] === '{') i += 2;
      else if (c === '}' && s[i + 1] === '}') i += 2;
      else if (c === '{') {
        if (this.nesting >= 50) {
          this.error(start, i + 1, 'Interpolated strings are nested more than 50 levels deep');
          this.i = this.limit;
          return { kind: 'interpolated', text: s.slice(start, this.limit), start, end: this.limit, holes };
        }
        const inner = new Lexer(s, i + 1, this.limit, this.resolve, this.nesting + 1);
        const toks = inner.hole();
        this.errors.push(...inner.errors);
        holes.push(toks);
        i = inner.offset;
        if (s[i] === ':') {
          // The format string runs to the closing brace.
          while (i < this.limit && s[i] !== '}' && s[i] !== '"' && s[i] !== '\n') i++;
        }
        if (s[i] === '}') i++;
        else {
          this.error(i, i + 1, "'}' expected", 'close the interpolation hole with }');
        }
      } else if (c === '}') {
        this.error(i, i + 1, "'}' unexpected in interpolated string", 'write }} for a literal brace');
        i++;
      } else i++;
    }
    this.i = i;
    return { kind: 'interpolated', text: s.slice(start, i), start, end: i, holes };
  }
}

/** Every token of `t` and of its interpolation holes placed at [start, end) (a named value's reference). */
function relocate(t: Token, start: number, end: number): Token {
  return { ...t, start, end, holes: t.holes?.map((h) => h.map((x) => relocate(x, start, end))) };
}

/** Tokens of `code` (with the lexer's errors). */
export function tokenize(
  code: string,
  resolve?: NamedValueResolver,
): { tokens: Token[]; errors: LexError[] } {
  const lexer = new Lexer(code, 0, code.length, resolve);
  const tokens = lexer.all();
  return { tokens, errors: lexer.errors };
}
