/**
 * The tree the reader builds from a raw policy document. Every node carries the 1-based line and
 * column of its first character in the original text, so each diagnostic points where the user looks.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `{{DisplayName}}`: a named-value reference, a whole value or part of one. */
export interface NamedValueRef extends Span {
  name: string;
}

/** A policy expression: `@( single C# expression )` or `@{ statements; return ...; }`. */
export interface Expression extends Span {
  kind: 'single' | 'multi';
  /** The C# code between the delimiters, XML entities decoded. */
  code: string;
}

export interface Attribute {
  name: string;
  /** The value with XML entities decoded. */
  value: string;
  line: number;
  column: number;
  valueLine: number;
  valueColumn: number;
  expression?: Expression;
  namedValues: NamedValueRef[];
}

export interface ElementNode extends Span {
  type: 'element';
  name: string;
  attributes: Attribute[];
  children: PolicyNode[];
}

export interface TextNode {
  type: 'text';
  value: string;
  line: number;
  column: number;
  cdata: boolean;
  expression?: Expression;
  namedValues: NamedValueRef[];
}

export interface CommentNode {
  type: 'comment';
  value: string;
  line: number;
  column: number;
  /** Offsets of `<!--` and just past `-->` in the text given to the reader (a BOM counts). */
  offset: number;
  end: number;
}

export type PolicyNode = ElementNode | TextNode | CommentNode;

export type ReaderErrorCode = 'syntax' | 'dtd' | 'entity' | 'size' | 'depth' | 'empty' | 'expression';

export interface ReaderError {
  code: ReaderErrorCode;
  message: string;
  line: number;
  column: number;
}

export interface ReadResult {
  root?: ElementNode;
  /**
   * Offsets of the root's `<` and just past its start tag's `>` in the text given to the reader (a BOM
   * counts): where apim-gogs puts and finds its provenance comment (deploy/provenance.ts).
   */
  rootTag?: { start: number; end: number; selfClosing: boolean };
  /** Fatal errors stop the reader (the tree is then absent); expression errors do not. */
  errors: ReaderError[];
  comments: CommentNode[];
}

export function attr(el: ElementNode, name: string): Attribute | undefined {
  return el.attributes.find((a) => a.name === name);
}

export function childElements(el: ElementNode): ElementNode[] {
  return el.children.filter((c): c is ElementNode => c.type === 'element');
}
