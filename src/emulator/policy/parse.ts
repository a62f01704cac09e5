import { expressionEnd, splitExpressions, startsExpression, type Segment } from './expression.js';

/**
 * A small reader for APIM policy documents in `xml` or `rawxml` format. It stands in for the service's
 * own parser, so it is deliberately independent of the project's validator (src/policy, src/validate):
 * the two must be able to disagree. Positions are 1-based and point at an element's name, as .NET's
 * XmlReader reports them (APIM's messages come from .NET).
 */

export interface PolicyAttribute {
  name: string;
  value: Segment[];
  line: number;
  column: number;
}

export interface PolicyElement {
  kind: 'element';
  name: string;
  attributes: PolicyAttribute[];
  children: PolicyNode[];
  line: number;
  column: number;
}

export interface PolicyText {
  kind: 'text';
  value: Segment[];
}

export interface PolicyComment {
  kind: 'comment';
  text: string;
}

export type PolicyNode = PolicyElement | PolicyText | PolicyComment;

export interface PolicyDocument {
  /** Comments before the root element. */
  prolog: PolicyComment[];
  root: PolicyElement;
}

/** A well-formedness error, worded like .NET's XmlException (`... Line 3, position 5.`). */
export class PolicySyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} Line ${line}, position ${column}.`);
  }
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const nameChar = /[A-Za-z0-9_.:-]/;

class Reader {
  private i = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly src: string,
    private readonly raw: boolean,
  ) {
    for (let k = 0; k < src.length; k++) {
      if (src[k] === '\n' || (src[k] === '\r' && src[k + 1] !== '\n')) this.lineStarts.push(k + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  fail(reason: string, offset = this.i): never {
    const { line, column } = this.position(offset);
    throw new PolicySyntaxError(reason, line, column);
  }

  document(): PolicyDocument {
    const prolog: PolicyComment[] = [];
    let root: PolicyElement | undefined;
    while (true) {
      this.skipSpace();
      if (this.i >= this.src.length) break;
      if (this.src.startsWith('<?', this.i)) this.processingInstruction();
      else if (this.src.startsWith('<!--', this.i)) {
        const comment = this.comment();
        if (!root) prolog.push(comment);
      } else if (this.src.startsWith('<!', this.i)) this.refuseDtd();
      else if (this.src[this.i] === '<' && !root) root = this.element();
      else if (this.src[this.i] === '<') this.fail('There are multiple root elements.', this.i + 1);
      else this.fail('Data at the root level is invalid.');
    }
    if (!root) this.fail('Root element is missing.');
    return { prolog, root };
  }

  private skipSpace(): void {
    while (this.i < this.src.length && /\s/.test(this.src[this.i])) this.i++;
  }

  private processingInstruction(): void {
    if (this.i !== 0 && !/^\s*$/.test(this.src.slice(0, this.i)))
      this.fail('Unexpected XML declaration. The XML declaration must be the first node in the document.');
    const end = this.src.indexOf('?>', this.i);
    if (end === -1) this.fail('Unexpected end of file while parsing PI has occurred.');
    this.i = end + 2;
  }

  private refuseDtd(): never {
    // A policy never needs a DTD; expanding entities would be an XXE hole, so refuse as .NET does by default.
    this.fail(
      'For security reasons DTD is prohibited in this XML document. To enable DTD processing set the DtdProcessing property on XmlReaderSettings to Parse and pass the settings into XmlReader.Create method.',
    );
  }

  private comment(): PolicyComment {
    const end = this.src.indexOf('-->', this.i + 4);
    if (end === -1) this.fail('Unexpected end of file while parsing Comment has occurred.');
    const text = this.src.slice(this.i + 4, end);
    this.i = end + 3;
    return { kind: 'comment', text };
  }

  private name(): string {
    const start = this.i;
    if (!/[A-Za-z_:]/.test(this.src[this.i] ?? '')) {
      const c = this.src[this.i];
      this.fail(
        c === undefined
          ? 'Unexpected end of file has occurred.'
          : `Name cannot begin with the '${c}' character, hexadecimal value 0x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}.`,
      );
    }
    while (this.i < this.src.length && nameChar.test(this.src[this.i])) this.i++;
    return this.src.slice(start, this.i);
  }

  private element(): PolicyElement {
    this.i++; // '<'
    const nameAt = this.i;
    const name = this.name();
    const { line, column } = this.position(nameAt);
    const attributes: PolicyAttribute[] = [];
    while (true) {
      const before = this.i;
      this.skipSpace();
      const c = this.src[this.i];
      if (c === undefined) this.fail(`Unexpected end of file while parsing Name has occurred.`);
      if (c === '/' && this.src[this.i + 1] === '>') {
        this.i += 2;
        return { kind: 'element', name, attributes, children: [], line, column };
      }
      if (c === '>') {
        this.i++;
        break;
      }
      if (before === this.i) this.fail(`'${c}' is an unexpected token. Expecting white space.`);
      const attrAt = this.i;
      const attrName = this.name();
      if (attributes.some((a) => a.name === attrName))
        this.fail(`'${attrName}' is a duplicate attribute name.`, attrAt);
      this.skipSpace();
      if (this.src[this.i] !== '=')
        this.fail(`'${this.src[this.i] ?? ''}' is an unexpected token. The expected token is '='.`);
      this.i++;
      this.skipSpace();
      const value = this.attributeValue();
      attributes.push({ name: attrName, value, ...this.position(attrAt) });
    }
    const children = this.content(name, line, column);
    return { kind: 'element', name, attributes, children, line, column };
  }

  private attributeValue(): Segment[] {
    const quote = this.src[this.i];
    if (quote !== '"' && quote !== "'")
      this.fail(`'${quote ?? ''}' is an unexpected token. The expected token is '"' or '''.`);
    this.i++;
    return this.segmentsUntil((c) => c === quote, true);
  }

  /** Reads text (attribute value or element content) up to a stop character, keeping expressions raw. */
  private segmentsUntil(stop: (c: string) => boolean, inAttribute: boolean): Segment[] {
    const segments: Segment[] = [];
    let plain = '';
    const flush = (): void => {
      if (plain) segments.push({ text: plain, expression: false });
      plain = '';
    };
    while (true) {
      const c = this.src[this.i];
      if (c === undefined) this.fail('Unexpected end of file has occurred.');
      if (this.raw && startsExpression(this.src, this.i)) {
        const end = expressionEnd(this.src, this.i);
        if (end === -1) this.fail('The policy expression is not closed.');
        flush();
        segments.push({ text: this.src.slice(this.i, end), expression: true });
        this.i = end;
        continue;
      }
      if (stop(c)) break;
      if (c === '<' && inAttribute)
        this.fail("'<', hexadecimal value 0x3C, is an invalid attribute character.");
      if (c === '&') plain += this.entity();
      else plain += this.src[this.i++];
    }
    if (inAttribute) this.i++; // closing quote
    flush();
    if (!this.raw) return splitExpressions(segments.map((s) => s.text).join(''));
    return segments.length ? segments : [{ text: '', expression: false }];
  }

  private entity(): string {
    const end = this.src.indexOf(';', this.i);
    const ref = end === -1 ? '' : this.src.slice(this.i + 1, end);
    let value: string | undefined;
    if (/^#x[0-9a-fA-F]+$/.test(ref)) value = String.fromCodePoint(parseInt(ref.slice(2), 16));
    else if (/^#[0-9]+$/.test(ref)) value = String.fromCodePoint(parseInt(ref.slice(1), 10));
    else value = entities[ref];
    if (value === undefined) {
      if (/^[A-Za-z_][\w.-]*$/.test(ref)) this.fail(`Reference to undeclared entity '${ref}'.`, this.i + 1);
      this.fail('An error occurred while parsing EntityName.', this.i + 1);
    }
    this.i = end + 1;
    return value;
  }

  private content(parent: string, line: number, column: number): PolicyNode[] {
    const children: PolicyNode[] = [];
    while (true) {
      if (this.i >= this.src.length)
        this.fail(`Unexpected end of file has occurred. The following elements are not closed: ${parent}.`);
      if (this.src.startsWith('</', this.i)) {
        const at = this.i + 2;
        this.i += 2;
        const closing = this.name();
        if (closing !== parent)
          this.fail(
            `The '${parent}' start tag on line ${line} position ${column} does not match the end tag of '${closing}'.`,
            at,
          );
        this.skipSpace();
        if (this.src[this.i] !== '>')
          this.fail(`'${this.src[this.i] ?? ''}' is an unexpected token. The expected token is '>'.`);
        this.i++;
        return children;
      }
      if (this.src.startsWith('<!--', this.i)) children.push(this.comment());
      else if (this.src.startsWith('<![CDATA[', this.i)) children.push(this.cdata());
      else if (this.src.startsWith('<!', this.i)) this.refuseDtd();
      else if (this.src.startsWith('<?', this.i)) this.fail('Unexpected XML declaration.');
      else if (this.src[this.i] === '<') children.push(this.element());
      else children.push({ kind: 'text', value: this.segmentsUntil((c) => c === '<', false) });
    }
  }

  private cdata(): PolicyText {
    const end = this.src.indexOf(']]>', this.i);
    if (end === -1) this.fail('Unexpected end of file while parsing CDATA has occurred.');
    const text = this.src.slice(this.i + 9, end);
    this.i = end + 3;
    return { kind: 'text', value: splitExpressions(text) };
  }
}

/** Parses a policy document; throws PolicySyntaxError with .NET-like wording and positions. */
export function parsePolicy(text: string, format: 'xml' | 'rawxml'): PolicyDocument {
  return new Reader(text, format === 'rawxml').document();
}
