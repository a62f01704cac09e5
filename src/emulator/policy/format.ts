import type { Segment } from './expression.js';
import type { PolicyDocument, PolicyElement, PolicyNode } from './parse.js';

/**
 * Writes a policy back the way APIM returns stored XML (an indenting .NET XmlWriter): two-space indent,
 * CRLF line ends, `<x />` for empty elements, whitespace-only text dropped, mixed content kept inline.
 * In `xml` format every `<`, `>` and `&` is escaped, so `=>` inside an expression comes back as
 * `=&gt;`; in `rawxml` format expressions come back unescaped.
 */

export type PolicyFormat = 'xml' | 'rawxml';

const CRLF = '\r\n';

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, CRLF);
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;')
    .replace(/\n/g, '&#xA;');
}

function writeSegments(segments: Segment[], format: PolicyFormat, escape: (t: string) => string): string {
  return segments.map((s) => (s.expression && format === 'rawxml' ? s.text : escape(s.text))).join('');
}

function isBlank(node: PolicyNode): boolean {
  return node.kind === 'text' && node.value.every((s) => !s.expression && /^\s*$/.test(s.text));
}

function startTag(el: PolicyElement, format: PolicyFormat): string {
  const attrs = el.attributes
    .map((a) => ` ${a.name}="${writeSegments(a.value, format, escapeAttribute)}"`)
    .join('');
  return `<${el.name}${attrs}`;
}

function writeNode(node: PolicyNode, format: PolicyFormat, indent: string | undefined): string {
  if (node.kind === 'comment') return `<!--${node.text.replace(/\r?\n/g, CRLF)}-->`;
  if (node.kind === 'text') return writeSegments(node.value, format, escapeText);
  return writeElement(node, format, indent);
}

/** `indent` undefined means inline (inside mixed content), where XmlWriter stops indenting. */
function writeElement(el: PolicyElement, format: PolicyFormat, indent: string | undefined): string {
  const mixed = el.children.some((c) => c.kind === 'text' && !isBlank(c));
  const children = mixed ? el.children : el.children.filter((c) => !isBlank(c));
  if (children.length === 0) return `${startTag(el, format)} />`;
  if (mixed || indent === undefined) {
    const inner = children.map((c) => writeNode(c, format, undefined)).join('');
    return `${startTag(el, format)}>${inner}</${el.name}>`;
  }
  const childIndent = `${indent}  `;
  const lines = children.map((c) => `${childIndent}${writeNode(c, format, childIndent)}`);
  return `${startTag(el, format)}>${CRLF}${lines.join(CRLF)}${CRLF}${indent}</${el.name}>`;
}

/** The whole document as APIM stores it. */
export function formatPolicy(doc: PolicyDocument, format: PolicyFormat): string {
  const prolog = doc.prolog.map((c) => writeNode(c, format, '') + CRLF).join('');
  return prolog + writeElement(doc.root, format, '');
}

/** A fragment in `xml` format comes back without its `<fragment>` wrapper (see the ARM examples). */
export function formatFragmentContent(doc: PolicyDocument, format: PolicyFormat): string {
  return doc.root.children
    .filter((c) => !isBlank(c))
    .map((c) => writeNode(c, format, ''))
    .join(CRLF);
}
