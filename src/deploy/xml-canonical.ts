import type { PolicyNode, ReadResult } from '../policy/ast.js';
import { readPolicy } from '../policy/reader.js';
import { scanExpression, startsExpression } from '../policy/expression-scanner.js';

/**
 * Semantic comparison of APIM policy XML. Both sides (the repository file and what APIM returns with
 * `format=rawxml`) are reduced to one canonical text: attributes sorted, entities decoded, CRLF made LF,
 * indentation and blank lines dropped, `<a></a>` equal to `<a />`. Two policies are equal exactly when
 * their canonical texts are equal; the readable diff is a line diff of the canonical texts, so it only
 * ever shows real changes.
 *
 * The tree comes from the validator's own expression-aware reader (policy/reader.ts): one tokenizer and
 * one entity decoder for the product, so what is compared and deployed is read exactly as it was
 * validated (an `@("<!--")` inside an expression is code to both, never a comment).
 *
 * What is deliberately not significant: whitespace at the start and end of every line of text, blank
 * lines, attribute order and quoting, entity escaping (`=>` vs `=&gt;`), and the provenance comment
 * apim-gogs itself puts at its one place (see provenance.ts). Whitespace inside a line, every other
 * comment, element order and every character of an expression are significant.
 */

export class PolicyXmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

/** The marker that opens the provenance comment (`<!-- apim-gogs: {...} -->`). */
export const PROVENANCE_MARKER = 'apim-gogs:';

/**
 * Reads a policy for comparison. Live content is whatever APIM holds, so no size limit of ours applies
 * here (the deploy path refuses an oversized repository file long before).
 */
export function readForCompare(text: string): ReadResult {
  return readPolicy(text, { maxBytes: Number.MAX_SAFE_INTEGER });
}

/**
 * The provenance comment apim-gogs wrote, found only at its one position: the first child of the
 * root element, or (for a self-closing root, which has no children) the node right before the root.
 * Found as a real comment node by the expression-aware reader, so text inside an expression or a
 * comment further down can never be taken for it.
 */
export function provenanceComment(
  read: ReadResult,
): { offset: number; end: number; value: string } | undefined {
  const root = read.root;
  const tag = read.rootTag;
  if (!root || !tag) return undefined;
  const first: PolicyNode | undefined = root.children[0];
  if (first?.type === 'comment') return isMarked(first.value) ? first : undefined;
  if (root.children.length > 0) return undefined;
  const before = read.comments.filter((c) => c.end <= tag.start).pop();
  return before && isMarked(before.value) ? before : undefined;
}

const isMarked = (value: string): boolean => value.trimStart().startsWith(PROVENANCE_MARKER);

/** Whitespace that never matters: line endings, indentation, trailing spaces, blank lines. */
export function normalizeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/\n/g, '&#10;');
}

/**
 * The canonical text of a policy: one line per element, comment and text line, two-space indentation.
 * Equal canonical text means the same policy. Throws PolicyXmlError for text that is not a policy.
 */
export function canonicalPolicy(text: string): string {
  const read = readForCompare(text);
  if (!read.root) {
    const e = read.errors[0];
    throw new PolicyXmlError(e?.message ?? 'The document has no root element.', e?.line ?? 1, e?.column ?? 1);
  }
  const stamp = provenanceComment(read);
  const body: string[] = [];
  const seen = new Set<PolicyNode>();
  const comment = (value: string, pad: string): string =>
    `${pad}<!-- ${normalizeText(value).replace(/\n/g, ' ')} -->`;
  // Iterative walk: nesting depth is bounded by the reader, but recursion is not needed.
  const stack: { node: PolicyNode | { close: string }; pad: string }[] = [{ node: read.root, pad: '' }];
  while (stack.length) {
    const { node: n, pad } = stack.pop()!;
    if ('close' in n) {
      body.push(`${pad}</${n.close}>`);
    } else if (n.type === 'comment') {
      seen.add(n);
      body.push(comment(n.value, pad));
    } else if (n.type === 'text') {
      const t = normalizeText(n.value);
      if (t) for (const l of t.split('\n')) body.push(pad + l);
    } else {
      const attrs = [...n.attributes]
        .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
        .map((a) => ` ${a.name}="${escapeAttr(normalizeText(a.value))}"`)
        .join('');
      const kids = mergeText(n.children.filter((c) => c !== stamp));
      if (!kids.some((c) => c.type !== 'text' || normalizeText(c.value))) {
        body.push(`${pad}<${n.name}${attrs} />`);
        continue;
      }
      body.push(`${pad}<${n.name}${attrs}>`);
      stack.push({ node: { close: n.name }, pad });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], pad: `${pad}  ` });
    }
  }
  // Comments outside the root element (before it or after it) count too, in their place.
  const outside = read.comments.filter((c) => c !== stamp && !seen.has(c));
  const rootStart = read.rootTag!.start;
  return [
    ...outside.filter((c) => c.end <= rootStart).map((c) => comment(c.value, '')),
    ...body,
    ...outside.filter((c) => c.offset > rootStart).map((c) => comment(c.value, '')),
  ].join('\n');
}

/** Adjacent text pieces (text and CDATA, or text split by a dropped comment) are one text. */
function mergeText(nodes: PolicyNode[]): PolicyNode[] {
  const merged: PolicyNode[] = [];
  for (const n of nodes) {
    const last = merged[merged.length - 1];
    if (n.type === 'text' && last?.type === 'text')
      merged[merged.length - 1] = { ...last, value: last.value + n.value };
    else merged.push(n);
  }
  return merged;
}

/** Canonical text, or the normalized raw text when the policy does not parse (so it still compares). */
export function canonicalOrRaw(text: string): string {
  try {
    return canonicalPolicy(text);
  } catch {
    return normalizeText(text);
  }
}

export function policiesEqual(a: string, b: string): boolean {
  return canonicalOrRaw(a) === canonicalOrRaw(b);
}

const ENTITY = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
const RAW_ONLY = /<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/**
 * The format a repository policy is written in. Raw policy format keeps `<`, `&&`, `"` unescaped in
 * expressions; the XML-escaped form (`@(a &lt; b)`) has entity references there instead. A policy whose
 * expressions hold entity references and no raw `<` or `&` is sent as `xml` (APIM decodes it); anything
 * else as `rawxml` (sent as `rawxml`, an escaped expression would reach the C# compiler as `&lt;`).
 */
export function detectPolicyFormat(text: string): 'xml' | 'rawxml' {
  let entities = false;
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) {
    if (!startsExpression(text, i)) continue;
    const r = scanExpression(text, i);
    if (!r.ok) return 'rawxml';
    const expr = text.slice(i, r.end);
    if (RAW_ONLY.test(expr)) return 'rawxml';
    if (ENTITY.test(expr)) entities = true;
    i = r.end - 1;
  }
  return entities ? 'xml' : 'rawxml';
}
