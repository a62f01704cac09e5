import type {
  Attribute,
  CommentNode,
  ElementNode,
  Expression,
  NamedValueRef,
  ReadResult,
  ReaderError,
  ReaderErrorCode,
  TextNode,
} from './ast.js';
import { decodeEntities } from './entities.js';
import { scanExpression, startsExpression } from './expression-scanner.js';
import { LineMap } from './positions.js';

/**
 * The expression-aware reader for APIM's raw policy format. A hand-written tokenizer rather than sax
 * or xml2js: expressions must be cut out before any XML rule applies (they hold unescaped `"`, `<`,
 * `&&`), every node needs its exact start position, and hostile input must end as one diagnostic
 * rather than a crash, a hang or an entity expansion. It never recurses, so nesting depth cannot
 * overflow the stack.
 */
export interface ReadOptions {
  /** Largest document accepted, in UTF-8 bytes (APIM: 256 KiB for a policy). */
  maxBytes?: number;
  /** Deepest element nesting accepted. */
  maxDepth?: number;
}

export const POLICY_MAX_BYTES = 256 * 1024;
export const DEFAULT_MAX_DEPTH = 200;

class Fatal {
  constructor(readonly error: ReaderError) {}
}

/** XML name characters by char code (ASCII letters, digits, _ : . - and anything non-ASCII). */
const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const NAMED_VALUE = /\{\{([^{}]*)\}\}/g;

export function readPolicy(input: string, options: ReadOptions = {}): ReadResult {
  const maxBytes = options.maxBytes ?? POLICY_MAX_BYTES;
  // Cheap check first: a UTF-16 length above the limit is already too many bytes.
  if (input.length > maxBytes || Buffer.byteLength(input, 'utf8') > maxBytes) {
    return fail(
      'size',
      `The document is ${Buffer.byteLength(input, 'utf8')} bytes; APIM accepts at most ${maxBytes}.`,
    );
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '')
    return fail('empty', 'The document is empty; a policy needs a <policies> or <fragment> root.');
  const reader = new Reader(text, options.maxDepth ?? DEFAULT_MAX_DEPTH, input.length - text.length);
  try {
    reader.run();
  } catch (err) {
    if (!(err instanceof Fatal)) throw err;
    // A broken expression usually derails the XML after it: report the cause, not the cascade.
    const errors = reader.errors.length ? reader.errors : [err.error];
    return { errors, comments: reader.comments };
  }
  return { root: reader.root, rootTag: reader.rootTag, errors: reader.errors, comments: reader.comments };
}

function fail(code: ReaderErrorCode, message: string): ReadResult {
  return { errors: [{ code, message, line: 1, column: 1 }], comments: [] };
}

class Reader {
  root?: ElementNode;
  rootTag?: ReadResult['rootTag'];
  readonly errors: ReaderError[] = [];
  readonly comments: CommentNode[] = [];
  private readonly stack: ElementNode[] = [];
  private readonly lines: LineMap;
  private i = 0;

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
    /** 1 when a BOM was cut off the input: offsets handed out count it. */
    private readonly shift: number,
  ) {
    this.lines = new LineMap(s);
  }

  run(): void {
    const s = this.s;
    while (this.i < s.length) {
      if (s[this.i] !== '<') this.text();
      else if (s.startsWith('<!--', this.i)) this.comment();
      else if (s.startsWith('<![CDATA[', this.i)) this.cdata();
      else if (s.startsWith('<!', this.i)) {
        this.fatal(
          'dtd',
          'DTD and entity declarations are not allowed in a policy; remove the <!DOCTYPE ...>.',
        );
      } else if (s.startsWith('<?', this.i)) this.processingInstruction();
      else if (s[this.i + 1] === '/') this.endTag();
      else this.startTag();
    }
    if (this.stack.length) {
      const open = this.stack[this.stack.length - 1];
      this.fatalAt(open.line, open.column, 'syntax', `The element '${open.name}' is not closed.`);
    }
    if (!this.root) this.fatal('syntax', 'The document has no root element.', 0);
  }

  private pos(offset: number): { line: number; column: number } {
    return this.lines.at(offset);
  }

  private fatal(code: ReaderErrorCode, message: string, offset = this.i): never {
    const { line, column } = this.pos(offset);
    this.fatalAt(line, column, code, message);
  }

  private fatalAt(line: number, column: number, code: ReaderErrorCode, message: string): never {
    throw new Fatal({ code, message, line, column });
  }

  private comment(): void {
    const end = this.s.indexOf('-->', this.i + 4);
    if (end === -1) this.fatal('syntax', 'The comment is not closed with -->.');
    // Strict XML forbids '--' inside a comment, but real policies have it (an unclosed comment
    // running into the next '<!--'), so it is accepted, as the corpus shows APIM users do.
    const node: CommentNode = {
      type: 'comment',
      value: this.s.slice(this.i + 4, end),
      ...this.pos(this.i),
      offset: this.i + this.shift,
      end: end + 3 + this.shift,
    };
    this.comments.push(node);
    this.current()?.children.push(node);
    this.i = end + 3;
  }

  private cdata(): void {
    const start = this.i;
    const end = this.s.indexOf(']]>', start + 9);
    if (end === -1) this.fatal('syntax', 'The CDATA section is not closed with ]]>.');
    const parent = this.current();
    if (!parent) this.fatal('syntax', 'Data at the root level is invalid.');
    const value = this.s.slice(start + 9, end);
    parent.children.push({ type: 'text', value, cdata: true, namedValues: [], ...this.pos(start) });
    this.i = end + 3;
  }

  private processingInstruction(): void {
    const end = this.s.indexOf('?>', this.i + 2);
    if (end === -1) this.fatal('syntax', 'The processing instruction is not closed with ?>.');
    const isDecl = /^<\?xml[\s?]/.test(this.s.slice(this.i, this.i + 6));
    if (!isDecl || this.root || this.s.slice(0, this.i).trim() !== '') {
      this.fatal(
        'syntax',
        'Unexpected processing instruction; only an XML declaration at the start is allowed.',
      );
    }
    this.i = end + 2;
  }

  private current(): ElementNode | undefined {
    return this.stack[this.stack.length - 1];
  }

  private readName(): string {
    const s = this.s;
    const start = this.i;
    if (!isNameStart(s.charCodeAt(this.i))) {
      this.fatal('syntax', `Expected a name but found ${describe(s[this.i])}.`);
    }
    while (this.i < s.length && isNameChar(s.charCodeAt(this.i))) this.i++;
    return s.slice(start, this.i);
  }

  private skipSpace(): void {
    while (this.i < this.s.length && isSpace(this.s.charCodeAt(this.i))) this.i++;
  }

  private startTag(): void {
    const start = this.i;
    this.i++;
    const name = this.readName();
    const line = this.lines.line(start);
    const column = this.lines.column(start);
    const el: ElementNode = {
      type: 'element',
      name,
      attributes: [],
      children: [],
      line,
      column,
      endLine: line,
      endColumn: column,
    };
    for (;;) {
      const before = this.i;
      this.skipSpace();
      const c = this.s[this.i];
      if (c === undefined) this.fatal('syntax', `The start tag of '${name}' is not closed.`, start);
      if (c === '>' || (c === '/' && this.s[this.i + 1] === '>')) break;
      if (this.i === before) this.fatal('syntax', `Expected whitespace or '>' in the tag '${name}'.`);
      const attribute = this.attribute(name);
      for (const a of el.attributes) {
        if (a.name === attribute.name) {
          this.fatalAt(
            attribute.line,
            attribute.column,
            'syntax',
            `Duplicate attribute '${attribute.name}'.`,
          );
        }
      }
      el.attributes.push(attribute);
    }
    const parent = this.current();
    if (!parent && this.root) this.fatal('syntax', 'There are multiple root elements.', start);
    if (parent) parent.children.push(el);
    else {
      this.root = el;
      const selfClosing = this.s[this.i] === '/';
      this.rootTag = {
        start: start + this.shift,
        end: this.i + (selfClosing ? 2 : 1) + this.shift,
        selfClosing,
      };
    }
    if (this.s[this.i] === '/') {
      this.i += 2;
      this.setEnd(el);
      return;
    }
    this.i++;
    if (this.stack.length >= this.maxDepth) {
      this.fatal('depth', `Elements are nested deeper than ${this.maxDepth} levels.`, start);
    }
    this.stack.push(el);
  }

  private setEnd(el: ElementNode): void {
    el.endLine = this.lines.line(this.i);
    el.endColumn = this.lines.column(this.i);
  }

  private endTag(): void {
    const start = this.i;
    this.i += 2;
    const name = this.readName();
    this.skipSpace();
    if (this.s[this.i] !== '>') this.fatal('syntax', `The end tag '${name}' is not closed with '>'.`);
    this.i++;
    const open = this.stack.pop();
    if (!open) this.fatal('syntax', `Unexpected end tag '${name}'.`, start);
    if (open.name !== name) {
      this.fatal(
        'syntax',
        `The end tag '${name}' does not match the start tag '${open.name}' (line ${open.line}, column ${open.column}).`,
        start,
      );
    }
    this.setEnd(open);
  }

  private attribute(element: string): Attribute {
    const nameAt = this.i;
    const name = this.readName();
    this.skipSpace();
    if (this.s[this.i] !== '=')
      this.fatal('syntax', `The attribute '${name}' of '${element}' needs a value ('=' expected).`);
    this.i++;
    this.skipSpace();
    const q = this.s[this.i];
    if (q !== '"' && q !== "'") this.fatal('syntax', `The value of '${name}' must be in quotes.`);
    const valueStart = ++this.i;
    let expression: Expression | undefined;
    let lenient = false;
    const lead = skipWs(this.s, valueStart);
    if (startsExpression(this.s, lead)) {
      const scanned = this.expression(lead, this.s.indexOf(q, lead));
      if (scanned) {
        expression = scanned.expression;
        lenient = true;
        this.i = scanned.end;
      }
    }
    const close = this.s.indexOf(q, this.i);
    if (close === -1) this.fatal('syntax', `The value of '${name}' is not closed with ${q}.`, valueStart - 1);
    const raw = this.s.slice(valueStart, close);
    if (!lenient) {
      const lt = raw.indexOf('<');
      if (lt !== -1) {
        this.fatal(
          'syntax',
          `'<' is not allowed in the value of '${name}'; write &lt; or use a policy expression.`,
          valueStart + lt,
        );
      }
    }
    const value = this.decode(raw, valueStart, lenient);
    this.i = close + 1;
    return {
      name,
      value,
      line: this.lines.line(nameAt),
      column: this.lines.column(nameAt),
      valueLine: this.lines.line(valueStart),
      valueColumn: this.lines.column(valueStart),
      expression,
      namedValues: this.namedValues(raw, valueStart),
    };
  }

  /**
   * Scans an expression at `at`. When it cannot be closed, the error is kept (it is the user's C#,
   * not the XML, that is wrong) and the value is read as plain text up to `fallbackEnd`, so one bad
   * expression gives one diagnostic instead of a cascade.
   */
  private expression(at: number, fallbackEnd: number): { expression: Expression; end: number } | undefined {
    const r = scanExpression(this.s, at);
    const start = this.pos(at);
    if (!r.ok) {
      this.errors.push({ code: 'expression', message: r.message, ...this.pos(r.offset) });
      if (fallbackEnd === -1) this.fatal('syntax', 'The policy expression is not closed.', at);
      return undefined;
    }
    const kind = this.s[at + 1] === '(' ? 'single' : 'multi';
    if (kind === 'multi' && !r.hasReturn) {
      this.errors.push({
        code: 'expression',
        message: "A multi-statement expression @{...} must return a value: add 'return ...;'.",
        ...start,
      });
    }
    const end = this.pos(r.end);
    return {
      expression: { kind, code: r.code, ...start, endLine: end.line, endColumn: end.column },
      end: r.end,
    };
  }

  private text(): void {
    const start = this.i;
    const parent = this.current();
    let expression: Expression | undefined;
    const lead = skipWs(this.s, start);
    if (parent && startsExpression(this.s, lead)) {
      const scanned = this.expression(lead, this.s.indexOf('<', lead));
      if (scanned) {
        expression = scanned.expression;
        this.i = scanned.end;
      }
    }
    let end = this.s.indexOf('<', this.i);
    if (end === -1) end = this.s.length;
    this.i = end;
    if (!parent) {
      if (lead < end) this.fatal('syntax', 'Data at the root level is invalid.', lead);
      return;
    }
    // Indentation between tags means nothing to any check; not keeping it halves the nodes.
    if (lead >= end) return;
    const raw = this.s.slice(start, end);
    const value = this.decode(raw, start, expression !== undefined);
    const node: TextNode = {
      type: 'text',
      value,
      cdata: false,
      expression,
      namedValues: this.namedValues(raw, start),
      ...this.pos(start),
    };
    parent.children.push(node);
  }

  private decode(raw: string, offset: number, lenient: boolean): string {
    const d = decodeEntities(raw, lenient);
    if ('value' in d) return d.value;
    const ref = /^&[^;\s<&]{0,40};?/.exec(raw.slice(d.badOffset))?.[0] ?? '&';
    return this.fatal(
      'entity',
      `'${ref}' is not an entity a policy may use (only &lt; &gt; &amp; &quot; &apos; and &#...;); write '&' as &amp;.`,
      offset + d.badOffset,
    );
  }

  private namedValues(raw: string, offset: number): NamedValueRef[] {
    if (!raw.includes('{{')) return NONE;
    const refs: NamedValueRef[] = [];
    for (const m of raw.matchAll(NAMED_VALUE)) {
      const a = this.pos(offset + m.index);
      const b = this.pos(offset + m.index + m[0].length);
      refs.push({ name: m[1].trim(), ...a, endLine: b.line, endColumn: b.column });
    }
    return refs;
  }
}

/** Shared by every node without named values (never mutated), to spare an array per node. */
const NONE: NamedValueRef[] = [];

function skipWs(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function describe(c: string | undefined): string {
  return c === undefined ? 'the end of the document' : `'${c}'`;
}
