import type { Arg, Block, Declarator, Expr, Initializer, Stmt, TypeRef } from './ast.js';
import { Lexer, type LexError, type NamedValueResolver, type Token } from './lexer.js';

/**
 * A recursive-descent parser for the C# 7 subset of policy expressions: one expression for
 * `@(...)`, a statement list for `@{...}`. It stops at the first syntax error (C# reports more, but
 * the rest is usually a cascade of the first) and phrases it as csc does.
 */
export class SyntaxError_ {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
    readonly hint?: string,
  ) {}
}

export interface ParseResult<T> {
  tree?: T;
  errors: LexError[];
  /** Every name the expression declares (locals, loop variables, lambda parameters, out and pattern variables). */
  declared: Set<string>;
  /** `return` statements outside lambdas. */
  returns: number;
}

/** Deepest nesting of expressions and statements the parser follows. */
const MAX_DEPTH = 200;

/** C# keywords that name types. */
export const KEYWORD_TYPES = new Set([
  'bool',
  'byte',
  'char',
  'decimal',
  'double',
  'float',
  'int',
  'long',
  'object',
  'sbyte',
  'short',
  'string',
  'uint',
  'ulong',
  'ushort',
  'void',
]);

/** Tokens after which `Name<...>` is a generic name rather than a comparison (C# spec 7.6.4.2). */
const AFTER_TYPE_ARGS = new Set([
  '(',
  ')',
  ']',
  '}',
  ':',
  ';',
  ',',
  '.',
  '?',
  '==',
  '!=',
  '|',
  '^',
  '&&',
  '||',
  '&',
  '[',
  '?.',
]);

/** Tokens that make `(T)x` a cast when T is not a keyword type. */
const startsOperand = (t: Token): boolean =>
  t.kind === 'ident' ||
  t.kind === 'number' ||
  t.kind === 'string' ||
  t.kind === 'char' ||
  t.kind === 'interpolated' ||
  t.kind === 'namedValue' ||
  (t.kind === 'keyword' && t.text !== 'as' && t.text !== 'is') ||
  t.text === '(' ||
  t.text === '!' ||
  t.text === '~';

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '??=']);

/** Binary operators by precedence, loosest first (`??` and assignment are handled apart). */
const BINARY: string[][] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>=', 'is', 'as'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

export class Parser {
  private p = 0;
  /** `return` statements outside lambdas (a block must have one to return on every path). */
  returns = 0;
  private lambdaDepth = 0;
  private depth = 0;

  constructor(
    private readonly t: Token[],
    /** Names declared anywhere, collected while parsing (the checks treat them as in scope everywhere). */
    readonly declared = new Set<string>(),
  ) {}

  private get tok(): Token {
    return this.t[this.p];
  }

  private peek(n = 1): Token {
    return this.t[Math.min(this.p + n, this.t.length - 1)];
  }

  private atEnd(): boolean {
    return this.tok.kind === 'eof';
  }

  private is(text: string): boolean {
    const k = this.tok.kind;
    return this.tok.text === text && (k === 'punct' || k === 'keyword' || k === 'ident');
  }

  private take(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.p++;
    return t;
  }

  private fail(message: string, at: Token = this.tok, hint?: string): never {
    throw new SyntaxError_(at.start, Math.max(at.end, at.start + 1), message, hint);
  }

  private expect(text: string, hint?: string): Token {
    if (!this.is(text)) this.fail(`${quote(text)} expected`, this.tok, hint);
    return this.take();
  }

  /** Tries `f`; on a syntax error, rewinds and gives undefined (for C#'s ambiguous forms). */
  private attempt<T>(f: () => T | undefined): T | undefined {
    const save = this.p;
    try {
      const r = f();
      if (r === undefined) this.p = save;
      return r;
    } catch (err) {
      if (!(err instanceof SyntaxError_)) throw err;
      this.p = save;
      return undefined;
    }
  }

  // ---- entry points

  /** `@( expression )`. */
  single(): Expr {
    if (this.atEnd())
      this.fail(
        'Invalid expression term: the expression is empty',
        this.tok,
        'write a C# expression between @( and )',
      );
    const e = this.expression();
    if (!this.atEnd()) {
      if (this.is(';'))
        this.fail(
          "';' is not allowed in a single-statement expression @(...)",
          this.tok,
          'drop the semicolon, or write several statements as @{ ...; return value; }',
        );
      this.fail(
        `Syntax error: unexpected ${describe(this.tok)}`,
        this.tok,
        'an @(...) expression is one C# expression; use @{ ... return ...; } for statements',
      );
    }
    return e;
  }

  /** `@{ statements }`. */
  multi(): Block {
    const start = this.tok.start;
    const body: Stmt[] = [];
    while (!this.atEnd()) {
      if (this.is('}')) this.fail("'}' unexpected: it closes a block that was not opened");
      body.push(this.statement());
    }
    return { k: 'block', body, start, end: this.tok.end };
  }

  // ---- statements

  private block(): Block {
    const open = this.expect('{');
    const body: Stmt[] = [];
    while (!this.is('}')) {
      if (this.atEnd()) this.fail("'}' expected", open, 'the block opened here is not closed');
      body.push(this.statement());
    }
    const end = this.take().end;
    return { k: 'block', body, start: open.start, end };
  }

  private endStatement(): number {
    if (!this.is(';')) {
      const prev = this.t[this.p - 1];
      throw new SyntaxError_(prev.end, prev.end + 1, '; expected', 'end each statement with ;');
    }
    return this.take().end;
  }

  statement(): Stmt {
    this.enter();
    try {
      return this.statementBody();
    } finally {
      this.depth--;
    }
  }

  private statementBody(): Stmt {
    const t = this.tok;
    const start = t.start;
    if (this.is('{')) return this.block();
    if (this.is(';')) return { k: 'empty', start, end: this.take().end };
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'return': {
          this.take();
          if (this.lambdaDepth === 0) this.returns++;
          const value = this.is(';') ? undefined : this.expression();
          return { k: 'return', value, start, end: this.endStatement() };
        }
        case 'throw': {
          this.take();
          const value = this.is(';') ? undefined : this.expression();
          return { k: 'throw', value, start, end: this.endStatement() };
        }
        case 'break':
        case 'continue':
          this.take();
          return { k: t.text, start, end: this.endStatement() };
        case 'if': {
          this.take();
          this.expect('(');
          const test = this.expression();
          this.expect(')');
          const then = this.embedded();
          let otherwise: Stmt | undefined;
          if (this.is('else')) {
            this.take();
            otherwise = this.embedded();
          }
          return { k: 'if', test, then, otherwise, start, end: (otherwise ?? then).end };
        }
        case 'while': {
          this.take();
          this.expect('(');
          const test = this.expression();
          this.expect(')');
          const body = this.embedded();
          return { k: 'while', test, body, start, end: body.end };
        }
        case 'do': {
          this.take();
          const body = this.embedded();
          this.expect('while');
          this.expect('(');
          const test = this.expression();
          this.expect(')');
          return { k: 'do', body, test, start, end: this.endStatement() };
        }
        case 'for':
          return this.forStatement();
        case 'foreach': {
          this.take();
          this.expect('(');
          const type = this.is('var') ? (this.take(), 'var' as const) : this.type();
          const nameTok = this.identifier();
          this.declared.add(nameTok.text);
          this.expect('in');
          const iterable = this.expression();
          this.expect(')');
          const body = this.embedded();
          return {
            k: 'foreach',
            type,
            name: nameTok.text,
            nameRange: { start: nameTok.start, end: nameTok.end },
            iterable,
            body,
            start,
            end: body.end,
          };
        }
        case 'try':
          return this.tryStatement();
        case 'switch':
          return this.switchStatement();
        case 'using': {
          // using (var md5 = MD5.Create()) { ... }: the resource is a declaration or an expression.
          this.take();
          this.expect('(');
          const resource: Stmt = this.declaration() ?? {
            k: 'expression',
            expr: this.expression(),
            start: this.tok.start,
            end: this.tok.start,
          };
          this.expect(')');
          const body = this.embedded();
          return { k: 'using', resource, body, start, end: body.end };
        }
        case 'checked':
        case 'unchecked':
          if (this.peek().text === '{') {
            this.take();
            const block = this.block();
            return { k: 'checkedBlock', block, start, end: block.end };
          }
          break;
        case 'else':
          this.fail("Invalid expression term 'else'", t, "an 'else' must follow the statement of an 'if'");
      }
    }
    const fn = this.localFunction();
    if (fn) return fn;
    const decl = this.declaration();
    if (decl) {
      decl.end = this.endStatement();
      return decl;
    }
    const expr = this.expression();
    if (!isStatementExpression(expr))
      this.fail(
        'Only assignment, call, increment, decrement, await, and new object expressions can be used as a statement',
        { ...t, end: expr.end } as Token,
        "a value on its own does nothing: assign it, or 'return' it",
      );
    return { k: 'expression', expr, start, end: this.endStatement() };
  }

  /** The statement of an if/else/loop body: a declaration is not allowed there. */
  private embedded(): Stmt {
    return this.statement();
  }

  private forStatement(): Stmt {
    const start = this.take().start;
    this.expect('(');
    const init: Stmt[] = [];
    if (!this.is(';')) {
      const decl = this.declaration();
      if (decl) init.push(decl);
      else {
        do {
          const e = this.expression();
          init.push({ k: 'expression', expr: e, start: e.start, end: e.end });
        } while (this.is(',') && this.take());
      }
    }
    this.expect(';');
    const test = this.is(';') ? undefined : this.expression();
    this.expect(';');
    const update: Expr[] = [];
    if (!this.is(')')) {
      do update.push(this.expression());
      while (this.is(',') && this.take());
    }
    this.expect(')');
    const body = this.embedded();
    return { k: 'for', init, test, update, body, start, end: body.end };
  }

  private tryStatement(): Stmt {
    const start = this.take().start;
    const block = this.block();
    const catches: { type?: TypeRef; name?: string; body: Block }[] = [];
    while (this.is('catch')) {
      this.take();
      let type: TypeRef | undefined;
      let name: string | undefined;
      if (this.is('(')) {
        this.take();
        type = this.type();
        if (this.tok.kind === 'ident') name = this.take().text;
        if (name) this.declared.add(name);
        this.expect(')');
      }
      if (this.is('when')) {
        this.take();
        this.expect('(');
        this.expression();
        this.expect(')');
      }
      catches.push({ type, name, body: this.block() });
    }
    let final: Block | undefined;
    if (this.is('finally')) {
      this.take();
      final = this.block();
    }
    if (!catches.length && !final) this.fail('Expected catch or finally', this.tok);
    return { k: 'try', block, catches, final, start, end: this.t[this.p - 1].end };
  }

  private switchStatement(): Stmt {
    const start = this.take().start;
    this.expect('(');
    const value = this.expression();
    this.expect(')');
    this.expect('{');
    const sections: { labels: (Expr | 'default')[]; body: Stmt[] }[] = [];
    while (!this.is('}')) {
      if (this.atEnd()) this.fail("'}' expected");
      const labels: (Expr | 'default')[] = [];
      while (this.is('case') || this.is('default')) {
        if (this.take().text === 'default') labels.push('default');
        else labels.push(this.expression());
        if (this.is('when')) {
          this.take();
          this.expression();
        }
        this.expect(':');
      }
      if (!labels.length) this.fail("Syntax error: 'case' or 'default' expected", this.tok);
      const body: Stmt[] = [];
      while (!this.is('case') && !this.is('default') && !this.is('}') && !this.atEnd())
        body.push(this.statement());
      sections.push({ labels, body });
    }
    const end = this.take().end;
    return { k: 'switch', value, sections, start, end };
  }

  /** C# 7 local function: `int Twice(int x) { return 2 * x; }` or `=> 2 * x;`. */
  private localFunction(): Stmt | undefined {
    const start = this.tok.start;
    const head = this.attempt(() => {
      if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
        return undefined;
      const returnType = this.type();
      if (this.tok.kind !== 'ident' || this.peek().text !== '(') return undefined;
      const name = this.take().text;
      this.take();
      const params: ({ name: string; type: TypeRef } & { start: number; end: number })[] = [];
      while (!this.is(')')) {
        const type = this.type();
        const p = this.identifier();
        params.push({ name: p.text, type, start: p.start, end: p.end });
        if (!this.is(')')) this.expect(',');
      }
      this.take();
      // Only a body makes it a function; `Foo(x)` alone was a call after all.
      return this.is('{') || this.is('=>') ? { returnType, name, params } : undefined;
    });
    if (!head) return undefined;
    this.declared.add(head.name);
    for (const p of head.params) this.declared.add(p.name);
    // Returns inside belong to the function, not to the expression block.
    this.lambdaDepth++;
    let body: Block | Expr;
    try {
      if (this.is('=>')) {
        this.take();
        body = this.expression();
        this.endStatement();
      } else body = this.block();
    } finally {
      this.lambdaDepth--;
    }
    return { k: 'localFunction', ...head, body, start, end: this.t[this.p - 1].end };
  }

  /** `var x = ...`, `T x = ..., y`; undefined when the tokens do not start a declaration. */
  private declaration(): (Stmt & { k: 'declaration' }) | undefined {
    const start = this.tok.start;
    if (this.is('const')) this.take();
    // Only the head (type, name, then '=', ';', ',' or 'in') decides; an error after it is the user's.
    const type = this.attempt((): TypeRef | 'var' | undefined => {
      let t: TypeRef | 'var';
      if (this.is('var') && this.peek().kind === 'ident') {
        this.take();
        t = 'var';
      } else {
        if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
          return undefined;
        t = this.type();
      }
      if (this.tok.kind !== 'ident') return undefined;
      const next = this.peek().text;
      return next === '=' || next === ';' || next === ',' || next === 'in' ? t : undefined;
    });
    if (!type) return undefined;
    const vars: Declarator[] = [];
    do {
      const name = this.identifier();
      this.declared.add(name.text);
      let init: Expr | undefined;
      if (this.is('=')) {
        this.take();
        init = this.is('{') ? this.initializerExpr() : this.expression();
      }
      vars.push({ name: name.text, start: name.start, end: init?.end ?? name.end, init });
    } while (this.is(',') && this.take());
    return { k: 'declaration', type, vars, start, end: this.tok.start };
  }

  private identifier(): Token {
    if (this.tok.kind !== 'ident') {
      if (this.tok.kind === 'keyword')
        this.fail(
          `Identifier expected; '${this.tok.text}' is a keyword`,
          this.tok,
          `rename it, or write @${this.tok.text}`,
        );
      this.fail('Identifier expected');
    }
    return this.take();
  }

  // ---- types

  type(): TypeRef {
    const start = this.tok.start;
    let name: string;
    let keyword = false;
    let args: TypeRef[] = [];
    if (this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)) {
      name = this.take().text;
      keyword = true;
    } else {
      name = this.identifier().text;
      if (this.is('::')) {
        this.take();
        name = this.identifier().text;
      }
      args = this.typeArgsIfAny();
      while (this.is('.') && this.peek().kind === 'ident') {
        this.take();
        name += '.' + this.take().text;
        const more = this.typeArgsIfAny();
        if (more.length) args = more;
      }
    }
    let nullable = false;
    if (this.is('?') && !startsOperand(this.peek())) {
      this.take();
      nullable = true;
    }
    let rank = 0;
    while (this.is('[') && (this.peek().text === ']' || this.peek().text === ',')) {
      this.take();
      while (this.is(',')) this.take();
      this.expect(']');
      rank++;
    }
    return { name, args, rank, nullable, keyword, start, end: this.t[this.p - 1].end };
  }

  private typeArgsIfAny(): TypeRef[] {
    if (!this.is('<')) return [];
    this.take();
    const args: TypeRef[] = [];
    do args.push(this.type());
    while (this.is(',') && this.take());
    if (!this.is('>')) this.fail("'>' expected");
    this.take();
    return args;
  }

  /** `<T, U>` after a name when what follows makes it a generic name (else undefined, nothing consumed). */
  private genericArgs(): TypeRef[] | undefined {
    if (!this.is('<')) return undefined;
    return this.attempt(() => {
      const args = this.typeArgsIfAny();
      const next = this.tok;
      if (next.kind === 'eof' || AFTER_TYPE_ARGS.has(next.text) || next.text === '>') return args;
      return undefined;
    });
  }

  // ---- expressions

  expression(): Expr {
    this.enter();
    try {
      return this.expressionBody();
    } finally {
      this.depth--;
    }
  }

  /**
   * Nesting is bounded: a hostile policy of 256 KiB of '(' must end as one finding, not a stack
   * overflow. No real expression comes near the limit (csc's own limit is far lower in practice).
   */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.depth = 0;
      this.fail(
        `The expression is nested more than ${MAX_DEPTH} levels deep`,
        this.tok,
        'split it into variables in an @{...} block',
      );
    }
  }

  private expressionBody(): Expr {
    const t = this.tok;
    if (this.is('throw')) {
      this.take();
      const operand = this.expression();
      return { k: 'throw', operand, start: t.start, end: operand.end };
    }
    const lambda = this.lambda();
    if (lambda) return lambda;
    const left = this.conditional();
    let op = this.tok.text;
    if (this.tok.kind === 'punct' && op === '>' && this.peek().text === '>=') op = '>>=';
    if (this.tok.kind === 'punct' && ASSIGN_OPS.has(op)) {
      this.take();
      const value = this.is('{') ? this.initializerExpr() : this.expression();
      return { k: 'assign', op, target: left, value, start: left.start, end: value.end };
    }
    return left;
  }

  private lambda(): Expr | undefined {
    const t = this.tok;
    if (t.kind === 'ident' && this.peek().text === '=>') {
      this.take();
      this.take();
      this.declared.add(t.text);
      const body = this.lambdaBody();
      return {
        k: 'lambda',
        params: [{ name: t.text, start: t.start, end: t.end }],
        body,
        start: t.start,
        end: body.end,
      };
    }
    if (!this.is('(')) return undefined;
    // Find the matching ')' and look for '=>' after it.
    let depth = 0;
    let i = this.p;
    for (; i < this.t.length; i++) {
      const x = this.t[i].text;
      if (x === '(') depth++;
      else if (x === ')' && --depth === 0) break;
      if (this.t[i].kind === 'eof') return undefined;
    }
    if (this.t[i + 1]?.text !== '=>') return undefined;
    this.take();
    const params: ({ name: string; type?: TypeRef } & { start: number; end: number })[] = [];
    while (!this.is(')')) {
      let type: TypeRef | undefined;
      if (
        this.peek().kind === 'ident' ||
        this.peek().text === '<' ||
        this.peek().text === '[' ||
        this.peek().text === '.'
      )
        type = this.type();
      const name = this.identifier();
      this.declared.add(name.text);
      params.push({ name: name.text, type, start: name.start, end: name.end });
      if (!this.is(')')) this.expect(',');
    }
    this.take();
    this.expect('=>');
    const body = this.lambdaBody();
    return { k: 'lambda', params, body, start: t.start, end: body.end };
  }

  private lambdaBody(): Expr | Block {
    this.lambdaDepth++;
    try {
      return this.is('{') ? this.block() : this.expression();
    } finally {
      this.lambdaDepth--;
    }
  }

  private conditional(): Expr {
    const test = this.coalesce();
    if (!this.is('?')) return test;
    this.take();
    const then = this.expression();
    if (!this.is(':')) this.fail("':' expected", this.tok, 'a conditional needs both branches: test ? a : b');
    this.take();
    const otherwise = this.expression();
    return { k: 'conditional', test, then, otherwise, start: test.start, end: otherwise.end };
  }

  private coalesce(): Expr {
    const left = this.binary(0);
    if (!this.is('??')) return left;
    this.take();
    const right = this.coalesce();
    return { k: 'binary', op: '??', left, right, start: left.start, end: right.end };
  }

  /** The operator at the cursor as the binary level sees it, joining `>` `>` and `>` `=`. */
  private binaryOp(): { op: string; width: number } | undefined {
    const t = this.tok;
    if (t.kind === 'keyword' && (t.text === 'is' || t.text === 'as')) return { op: t.text, width: 1 };
    if (t.kind !== 'punct') return undefined;
    if (t.text === '>') {
      const n = this.peek();
      if (n.start === t.end && n.text === '>' && this.peek(2).text !== '=') return { op: '>>', width: 2 };
      if (n.start === t.end && n.text === '=') return { op: '>=', width: 2 };
    }
    return { op: t.text, width: 1 };
  }

  private binary(level: number): Expr {
    if (level >= BINARY.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const o = this.binaryOp();
      if (!o || !BINARY[level].includes(o.op)) return left;
      for (let i = 0; i < o.width; i++) this.take();
      if (o.op === 'as') {
        const type = this.type();
        left = { k: 'as', operand: left, type, start: left.start, end: type.end };
      } else if (o.op === 'is') left = this.isPattern(left);
      else {
        const right = this.binary(level + 1);
        left = { k: 'binary', op: o.op, left, right, start: left.start, end: right.end };
      }
    }
  }

  /** `x is T`, `x is T name`, `x is null`, `x is 42`. */
  private isPattern(operand: Expr): Expr {
    const typed = this.attempt(() => {
      if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
        return undefined;
      const type = this.type();
      let declares: ({ name: string } & { start: number; end: number }) | undefined;
      if (this.tok.kind === 'ident' && !['when', 'and', 'or'].includes(this.tok.text)) {
        const n = this.take();
        this.declared.add(n.text);
        declares = { name: n.text, start: n.start, end: n.end };
      }
      return { k: 'is' as const, operand, type, declares, start: operand.start, end: this.t[this.p - 1].end };
    });
    if (typed) return typed;
    const pattern = this.binary(BINARY.length - 3);
    return { k: 'is', operand, pattern, start: operand.start, end: pattern.end };
  }

  private unary(): Expr {
    const t = this.tok;
    if (t.kind === 'punct' && ['!', '-', '+', '~', '++', '--'].includes(t.text)) {
      this.take();
      this.enter();
      const operand = this.unary();
      this.depth--;
      return { k: 'unary', op: t.text, operand, postfix: false, start: t.start, end: operand.end };
    }
    if (this.is('(')) {
      const cast = this.attempt(() => {
        this.take();
        const type = this.type();
        if (!this.is(')')) return undefined;
        this.take();
        const after = this.tok;
        const keywordCast =
          type.keyword &&
          (after.kind !== 'punct' || ['(', '-', '+', '!', '~', '++', '--'].includes(after.text));
        if (!keywordCast && !startsOperand(after)) return undefined;
        const operand = this.unary();
        return { k: 'cast' as const, type, operand, start: t.start, end: operand.end };
      });
      if (cast) return cast;
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const t = this.tok;
      if (this.is('.') || this.is('?.')) {
        this.take();
        if (this.is('[') && t.text === '?.') {
          e = this.indexer(e, true);
          continue;
        }
        const name = this.identifierOrKeywordMember();
        const typeArgs = this.genericArgs();
        e = {
          k: 'member',
          target: e,
          name: name.text,
          nameStart: name.start,
          typeArgs,
          conditional: t.text === '?.',
          start: e.start,
          end: this.t[this.p - 1].end,
        };
      } else if (this.is('?') && this.peek().text === '[' && this.peek().start === t.end) {
        // `x?[0]`: the lexer gives '?' and '[' apart (a ternary may follow a '?').
        this.take();
        e = this.indexer(e, true);
      } else if (this.is('(')) {
        const args = this.args('(', ')');
        e = { k: 'call', callee: e, args, start: e.start, end: this.t[this.p - 1].end };
      } else if (this.is('[')) e = this.indexer(e, false);
      else if (this.is('++') || this.is('--')) {
        this.take();
        e = { k: 'unary', op: t.text, operand: e, postfix: true, start: e.start, end: t.end };
      } else if (
        this.is('!') &&
        this.tok.kind === 'punct' &&
        this.peek().kind === 'punct' &&
        [')', ';', '.', ','].includes(this.peek().text)
      ) {
        // C# 8 null-forgiving operator: not in C# 7.
        this.fail(
          "Invalid expression term: the null-forgiving '!' needs C# 8; APIM compiles C# 7",
          t,
          "drop the '!'",
        );
      } else return e;
    }
  }

  private identifierOrKeywordMember(): Token {
    if (this.tok.kind === 'ident') return this.take();
    if (this.tok.kind === 'keyword')
      this.fail(`Identifier expected; '${this.tok.text}' is a keyword`, this.tok);
    return this.fail('Identifier expected', this.tok, 'a member name must follow the dot');
  }

  private indexer(target: Expr, conditional: boolean): Expr {
    const args = this.args('[', ']');
    return { k: 'index', target, args, conditional, start: target.start, end: this.t[this.p - 1].end };
  }

  private args(open: string, close: string): Arg[] {
    const openTok = this.expect(open);
    const args: Arg[] = [];
    while (!this.is(close)) {
      if (this.atEnd())
        this.fail(`${quote(close)} expected`, openTok, `the ${quote(open)} here is not closed`);
      args.push(this.arg());
      if (this.is(',')) {
        this.take();
        if (this.is(close)) this.fail('Argument missing', this.tok, 'remove the trailing comma');
      } else if (!this.is(close)) {
        if (this.is(';'))
          this.fail(
            `${quote(close)} expected`,
            this.tok,
            `the ${quote(open)} opened before is not closed before ';'`,
          );
        this.fail(
          `Syntax error, ${quote(',')} expected`,
          this.tok,
          'separate arguments with commas; strings take double quotes',
        );
      }
    }
    this.take();
    return args;
  }

  private arg(): Arg {
    let name: string | undefined;
    if (this.tok.kind === 'ident' && this.peek().text === ':') {
      name = this.take().text;
      this.take();
    }
    if (this.is('out') || this.is('ref') || this.is('in')) {
      const modifier = this.take().text as 'out' | 'ref' | 'in';
      const declared = this.attempt(() => {
        let type: TypeRef | undefined;
        if (this.is('var')) this.take();
        else type = this.type();
        if (this.tok.kind !== 'ident') return undefined;
        const n = this.take();
        this.declared.add(n.text);
        return { name: n.text, type, start: n.start, end: n.end };
      });
      if (declared) {
        const expr: Expr = { k: 'name', name: declared.name, start: declared.start, end: declared.end };
        return { expr, modifier, declares: declared, name };
      }
      return { expr: this.expression(), modifier, name };
    }
    return { expr: this.expression(), name };
  }

  private initializer(): Initializer {
    const open = this.expect('{');
    const items: Expr[] = [];
    while (!this.is('}')) {
      if (this.atEnd()) this.fail("'}' expected", open);
      if (this.is('{')) items.push(this.initializerExpr());
      else if (this.is('[')) {
        const idx = this.args('[', ']');
        this.expect('=');
        const value = this.is('{') ? this.initializerExpr() : this.expression();
        items.push({
          k: 'assign',
          op: '=',
          target: {
            k: 'index',
            target: { k: 'literal', type: 'null', start: open.start, end: open.start },
            args: idx,
            conditional: false,
            start: open.start,
            end: open.start,
          },
          value,
          start: value.start,
          end: value.end,
        });
      } else items.push(this.expression());
      if (this.is(',')) this.take();
      else if (!this.is('}')) this.fail("'}' expected", this.tok, 'separate initializer items with commas');
    }
    const end = this.take().end;
    return { items, start: open.start, end };
  }

  private initializerExpr(): Expr {
    const init = this.initializer();
    return { k: 'initializer', init, start: init.start, end: init.end };
  }

  private newExpression(): Expr {
    const start = this.take().start;
    if (this.is('{')) {
      const init = this.initializer();
      return { k: 'new', init, start, end: init.end };
    }
    if (this.is('[')) {
      this.take();
      while (this.is(',')) this.take();
      this.expect(']');
      const init = this.initializer();
      return { k: 'new', init, start, end: init.end };
    }
    if (this.tok.kind !== 'ident' && !(this.tok.kind === 'keyword' && KEYWORD_TYPES.has(this.tok.text)))
      this.fail('Type expected', this.tok, "'new' must be followed by a type: new JObject()");
    // The element type, then either array sizes `[n]`, a rank `[]`, or arguments.
    const save = this.p;
    const type = this.type();
    if (type.rank === 0 && this.is('[')) {
      this.p = save;
      const base = this.typeNoArray();
      const sizes = this.args('[', ']').map((a) => a.expr);
      let rank = 1;
      while (this.is('[')) {
        this.take();
        this.expect(']');
        rank++;
      }
      const init = this.is('{') ? this.initializer() : undefined;
      return { k: 'new', type: { ...base, rank }, sizes, init, start, end: this.t[this.p - 1].end };
    }
    let args: Arg[] | undefined;
    if (this.is('(')) args = this.args('(', ')');
    const init = this.is('{') ? this.initializer() : undefined;
    if (!args && !init) this.fail("'(' expected", this.tok, `call a constructor: new ${type.name}()`);
    return { k: 'new', type, args, init, start, end: this.t[this.p - 1].end };
  }

  private typeNoArray(): TypeRef {
    const t = this.type();
    return t;
  }

  private primary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'number':
        this.take();
        return { k: 'literal', type: 'number', start: t.start, end: t.end };
      case 'string':
        this.take();
        return { k: 'literal', type: 'string', start: t.start, end: t.end };
      case 'char':
        this.take();
        return { k: 'literal', type: 'char', start: t.start, end: t.end };
      case 'namedValue':
        this.take();
        return { k: 'literal', type: 'namedValue', start: t.start, end: t.end };
      case 'interpolated': {
        this.take();
        const holes = (t.holes ?? []).map((toks) => {
          const sub = new Parser(toks, this.declared);
          if (toks[0].kind === 'eof')
            sub.fail(
              'Empty interpolation hole',
              { ...toks[0], start: toks[0].start - 1, end: toks[0].start + 1 },
              'put an expression between { and }, or write {{ for a literal brace',
            );
          const e = sub.expression();
          if (sub.is(',')) {
            sub.take();
            sub.expression();
          }
          if (sub.tok.kind !== 'eof') sub.fail(`Syntax error: unexpected ${describe(sub.tok)}`, sub.tok);
          return e;
        });
        return { k: 'interpolated', holes, start: t.start, end: t.end };
      }
      case 'ident': {
        this.take();
        const typeArgs = this.genericArgs();
        return { k: 'name', name: t.text, typeArgs, start: t.start, end: this.t[this.p - 1].end };
      }
      case 'keyword':
        switch (t.text) {
          case 'true':
          case 'false':
            this.take();
            return { k: 'literal', type: 'bool', start: t.start, end: t.end };
          case 'null':
            this.take();
            return { k: 'literal', type: 'null', start: t.start, end: t.end };
          case 'new':
            return this.newExpression();
          case 'typeof': {
            this.take();
            this.expect('(');
            const type = this.type();
            this.expect(')');
            return { k: 'typeof', type, start: t.start, end: this.t[this.p - 1].end };
          }
          case 'default': {
            this.take();
            let type: TypeRef | undefined;
            if (this.is('(')) {
              this.take();
              type = this.type();
              this.expect(')');
            }
            return { k: 'default', type, start: t.start, end: this.t[this.p - 1].end };
          }
          case 'checked':
          case 'unchecked': {
            this.take();
            this.expect('(');
            const operand = this.expression();
            this.expect(')');
            return { k: 'checked', operand, start: t.start, end: this.t[this.p - 1].end };
          }
          case 'this':
          case 'base':
            this.fail(
              `Keyword '${t.text}' is not available in the current context`,
              t,
              "a policy expression has no 'this'; use 'context'",
            );
        }
        if (KEYWORD_TYPES.has(t.text)) {
          const type = this.type();
          return { k: 'keywordType', type, start: t.start, end: type.end };
        }
        return this.fail(
          `Invalid expression term '${t.text}'`,
          t,
          t.text === 'return'
            ? 'a single-statement expression @(...) has no return: write @(value), or use @{ ... return value; }'
            : undefined,
        );
      case 'punct':
        if (t.text === '(') {
          this.take();
          const inner = this.expression();
          if (!this.is(')')) {
            if (this.atEnd()) this.fail("')' expected", t, 'the parenthesis opened here is not closed');
            this.fail("')' expected", this.tok);
          }
          const end = this.take().end;
          return { k: 'paren', inner, start: t.start, end };
        }
        return this.fail(
          t.kind === 'punct' && t.text === ')'
            ? "Invalid expression term ')'"
            : `Invalid expression term '${t.text}'`,
          t,
        );
      case 'eof':
        return this.fail(
          'Invalid expression term: the expression ends too early',
          t,
          'complete the expression',
        );
    }
  }
}

function isStatementExpression(e: Expr): boolean {
  switch (e.k) {
    case 'assign':
    case 'call':
      return true;
    case 'unary':
      return e.op === '++' || e.op === '--';
    case 'new':
      return e.type !== undefined && !e.sizes && e.type.rank === 0;
    default:
      return false;
  }
}

function quote(text: string): string {
  return `'${text}'`;
}

function describe(t: Token): string {
  return t.kind === 'eof' ? 'end of expression' : `'${t.text}'`;
}

/** Lexes and parses one expression's code; lexer errors first, then the first syntax error. */
export function parseExpression(
  code: string,
  kind: 'single' | 'multi',
  resolve?: NamedValueResolver,
): ParseResult<Expr | Block> {
  const lexer = new Lexer(code, 0, code.length, resolve);
  const tokens = lexer.all();
  const errors = [...lexer.errors];
  const p = new Parser(tokens);
  try {
    const tree = kind === 'single' ? p.single() : p.multi();
    return { tree: errors.length ? undefined : tree, errors, declared: p.declared, returns: p.returns };
  } catch (err) {
    if (!(err instanceof SyntaxError_)) throw err;
    // A lexer error usually causes the syntax error after it: report the cause only.
    if (!errors.length) errors.push({ start: err.start, end: err.end, message: err.message, hint: err.hint });
    return { errors, declared: p.declared, returns: p.returns };
  }
}
