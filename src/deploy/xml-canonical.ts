/**
 * Semantic comparison of APIM policy XML. Both sides (the repository file and what APIM returns with
 * `format=rawxml`) are reduced to one canonical text: attributes sorted, entities decoded, CRLF made LF,
 * indentation and blank lines dropped, `<a></a>` equal to `<a />`. Two policies are equal exactly when
 * their canonical texts are equal; the readable diff is a line diff of the canonical texts, so it only
 * ever shows real changes.
 *
 * Raw policy XML is not XML: `@(...)` and `@{...}` expressions keep `"`, `<`, `>` and `&&` unescaped,
 * also inside attribute values. The tokenizer below finds each expression's extent itself (balanced
 * brackets, C# string/char/verbatim literals, comments) before it treats anything as markup.
 *
 * What is deliberately not significant: whitespace at the start and end of every line of text, blank
 * lines, attribute order and quoting, entity escaping (`=>` vs `=&gt;`), and the provenance comment
 * apim-gogs itself puts at the top of a policy (see provenance.ts). Whitespace inside a line, comments
 * (other than the provenance comment), element order and every character of an expression are significant.
 */

export interface XmlElement {
  type: 'element';
  name: string;
  /** Sorted by name. */
  attributes: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | { type: 'text'; value: string } | { type: 'comment'; value: string };

export class PolicyXmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

/** The marker that opens the provenance comment; comments starting with it are never compared. */
export const PROVENANCE_MARKER = 'apim-gogs:';

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

/** Parses raw or escaped policy XML into a tree (entities decoded). Throws PolicyXmlError. */
export function parsePolicyXml(text: string): XmlNode[] {
  const src = text.replace(/^\uFEFF/, '');
  const root: XmlElement = { type: 'element', name: '#root', attributes: [], children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const fail = (message: string, at: number): never => {
    const before = src.slice(0, at);
    const line = before.split('\n').length;
    throw new PolicyXmlError(message, line, at - before.lastIndexOf('\n'));
  };
  const top = (): XmlElement => stack[stack.length - 1];
  let textStart = -1;
  let textBuf = '';
  const flushText = (): void => {
    if (textStart !== -1) {
      top().children.push({ type: 'text', value: decodeEntities(textBuf) });
      textStart = -1;
      textBuf = '';
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '@' && (src[i + 1] === '(' || src[i + 1] === '{')) {
      const end = expressionEnd(src, i + 1);
      if (end === -1) fail('Unterminated policy expression', i);
      if (textStart === -1) textStart = i;
      textBuf += src.slice(i, end);
      i = end;
      continue;
    }
    if (c !== '<') {
      if (textStart === -1) textStart = i;
      textBuf += c;
      i++;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end === -1) fail('Unterminated comment', i);
      flushText();
      top().children.push({ type: 'comment', value: src.slice(i + 4, end) });
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i + 9);
      if (end === -1) fail('Unterminated CDATA section', i);
      if (textStart === -1) textStart = i;
      // Escape so the later decode gives back the CDATA content unchanged.
      textBuf += src.slice(i + 9, end).replace(/&/g, '&amp;');
      i = end + 3;
    } else if (src.startsWith('<!', i)) {
      fail('DTDs and entity declarations are not allowed in a policy', i);
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i + 2);
      if (end === -1) fail('Unterminated processing instruction', i);
      i = end + 2;
    } else if (src[i + 1] === '/') {
      flushText();
      NAME.lastIndex = i + 2;
      const m = NAME.exec(src);
      if (!m) fail('Malformed end tag', i);
      const name = m![0];
      let j = i + 2 + name.length;
      while (/\s/.test(src[j] ?? '')) j++;
      if (src[j] !== '>') fail(`Malformed end tag </${name}>`, i);
      if (stack.length === 1 || top().name !== name) fail(`Unexpected end tag </${name}>`, i);
      stack.pop();
      i = j + 1;
    } else {
      flushText();
      NAME.lastIndex = i + 1;
      const m = NAME.exec(src);
      if (!m) fail("'<' that starts no element (escape it as &lt;)", i);
      const el: XmlElement = { type: 'element', name: m![0], attributes: [], children: [] };
      let j = i + 1 + el.name.length;
      const seen = new Set<string>();
      for (;;) {
        const ws = j;
        while (/\s/.test(src[j] ?? '')) j++;
        if (src[j] === '>' || src.startsWith('/>', j)) break;
        if (j === ws) fail(`Malformed start tag <${el.name}>`, j);
        NAME.lastIndex = j;
        const a = NAME.exec(src);
        if (!a) fail(`Malformed attribute in <${el.name}>`, j);
        const attr = a![0];
        j += attr.length;
        while (/\s/.test(src[j] ?? '')) j++;
        if (src[j] !== '=') fail(`Attribute '${attr}' has no value`, j);
        j++;
        while (/\s/.test(src[j] ?? '')) j++;
        const q = src[j];
        if (q !== '"' && q !== "'") fail(`Attribute '${attr}' value is not quoted`, j);
        const start = j + 1;
        let k = start;
        if (src[k] === '@' && (src[k + 1] === '(' || src[k + 1] === '{')) {
          const end = expressionEnd(src, k + 1);
          if (end !== -1) k = end;
        }
        const close = src.indexOf(q, k);
        if (close === -1) fail(`Unterminated value of attribute '${attr}'`, j);
        if (seen.has(attr)) fail(`Duplicate attribute '${attr}'`, j);
        seen.add(attr);
        el.attributes.push([attr, decodeEntities(src.slice(start, close))]);
        j = close + 1;
      }
      el.attributes.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
      top().children.push(el);
      if (src[j] === '>') {
        stack.push(el);
        i = j + 1;
      } else {
        i = j + 2;
      }
    }
  }
  flushText();
  if (stack.length > 1) fail(`Element <${top().name}> is not closed`, src.length);
  return root.children;
}

/**
 * Index just past the expression whose opening bracket is at `open` (`(` or `{`), or -1. Skips C#
 * string, verbatim-string, char literals and comments so brackets inside them do not count.
 */
export function expressionEnd(src: string, open: number): number {
  const opener = src[open];
  const closer = opener === '(' ? ')' : '}';
  let depth = 0;
  let i = open;
  while (i < src.length) {
    const c = src[i];
    if (c === '"' || (c === '@' && src[i + 1] === '"') || (c === '$' && src[i + 1] === '"')) {
      const verbatim = c === '@' || (c === '$' && src[i - 1] === '@');
      i = c === '"' ? i + 1 : i + 2;
      while (i < src.length) {
        if (verbatim && src[i] === '"' && src[i + 1] === '"') i += 2;
        else if (!verbatim && src[i] === '\\') i += 2;
        else if (src[i] === '"') break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === "'") {
      const close = src[i + 1] === '\\' ? src.indexOf("'", i + 3) : src.indexOf("'", i + 2);
      if (close !== -1 && close - i <= 8) {
        i = close + 1;
        continue;
      }
    }
    if (c === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl === -1 ? src.length : nl;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? src.length : end + 2;
      continue;
    }
    if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED_ENTITIES[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

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

function isProvenance(node: XmlNode): boolean {
  return node.type === 'comment' && node.value.trim().startsWith(PROVENANCE_MARKER);
}

/**
 * The canonical text of a policy: one line per element, comment and text line, two-space indentation.
 * Equal canonical text means the same policy. Throws PolicyXmlError for text that is not a policy.
 */
export function canonicalPolicy(text: string): string {
  const out: string[] = [];
  const walk = (nodes: XmlNode[], depth: number): void => {
    const pad = '  '.repeat(depth);
    // Adjacent text pieces (split by a dropped comment) are one text.
    const merged: XmlNode[] = [];
    for (const n of nodes) {
      if (isProvenance(n)) continue;
      const last = merged[merged.length - 1];
      if (n.type === 'text' && last?.type === 'text')
        merged[merged.length - 1] = { type: 'text', value: last.value + n.value };
      else merged.push(n);
    }
    for (const n of merged) {
      if (n.type === 'text') {
        const t = normalizeText(n.value);
        if (t) for (const l of t.split('\n')) out.push(pad + l);
      } else if (n.type === 'comment') {
        out.push(`${pad}<!-- ${normalizeText(n.value).replace(/\n/g, ' ')} -->`);
      } else {
        const attrs = n.attributes.map(([k, v]) => ` ${k}="${escapeAttr(normalizeText(v))}"`).join('');
        const kids = n.children.filter(
          (c) => !(c.type === 'text' && !normalizeText(c.value)) && !isProvenance(c),
        );
        if (kids.length === 0) {
          out.push(`${pad}<${n.name}${attrs} />`);
        } else {
          out.push(`${pad}<${n.name}${attrs}>`);
          walk(n.children, depth + 1);
          out.push(`${pad}</${n.name}>`);
        }
      }
    }
  };
  walk(parsePolicyXml(text), 0);
  return out.join('\n');
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

/**
 * The format a repository policy is written in. Raw policy format keeps `<`, `&&`, `"` unescaped in
 * expressions; the XML-escaped form (`@(a &lt; b)`) has entity references there instead. A policy whose
 * expressions hold entity references and no raw `<` or `&` is sent as `xml` (APIM decodes it); anything
 * else as `rawxml` (sent as `rawxml`, an escaped expression would reach the C# compiler as `&lt;`).
 */
export function detectPolicyFormat(text: string): 'xml' | 'rawxml' {
  let entities = false;
  for (let i = text.indexOf('@'); i !== -1; i = text.indexOf('@', i + 1)) {
    if (text[i + 1] !== '(' && text[i + 1] !== '{') continue;
    const end = expressionEnd(text, i + 1);
    if (end === -1) return 'rawxml';
    const expr = text.slice(i, end);
    if (/<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(expr)) return 'rawxml';
    if (/&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/.test(expr)) entities = true;
    i = end - 1;
  }
  return entities ? 'xml' : 'rawxml';
}
