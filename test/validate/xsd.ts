import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { attr, childElements, type ElementNode } from '../../src/policy/ast.js';
import { readPolicy } from '../../src/policy/reader.js';

/** What the VS Code extension's XSDs say about one policy element: enough to cross-check the catalog. */
export interface XsdPolicy {
  name: string;
  attributes: { name: string; required: boolean; values: string[]; type?: string }[];
  /** Child element names; '*' when the XSD skips the contents (xs:any). */
  children: string[];
}

const local = (el: ElementNode): string => el.name.replace(/^xs:/, '');
const find = (el: ElementNode, name: string): ElementNode[] =>
  childElements(el).filter((c) => local(c) === name);

/** Reads the XSD folder (with the project's own reader: the files are plain XML). */
export function readXsds(dir: string): XsdPolicy[] {
  const complex = new Map<string, ElementNode>();
  const simple = new Map<string, ElementNode>();
  const elements: ElementNode[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.xsd'))) {
    const { root } = readPolicy(readFileSync(path.join(dir, f), 'utf8'), { maxBytes: 1 << 24 });
    if (!root) throw new Error(`unreadable XSD ${f}`);
    for (const c of childElements(root)) {
      const n = attr(c, 'name')?.value;
      if (!n) continue;
      if (local(c) === 'complexType') complex.set(n, c);
      else if (local(c) === 'simpleType') simple.set(n, c);
      else if (local(c) === 'element' && f === `${n}.xsd`) elements.push(c);
    }
  }
  const enumOf = (typeName: string | undefined, inline?: ElementNode): string[] => {
    const st = inline ?? (typeName ? simple.get(typeName) : undefined);
    if (!st) return [];
    const out: string[] = [];
    for (const r of find(st, 'restriction'))
      out.push(...find(r, 'enumeration').map((e) => attr(e, 'value')?.value ?? ''));
    for (const u of find(st, 'union')) {
      for (const m of (attr(u, 'memberTypes')?.value ?? '').split(/\s+/)) out.push(...enumOf(m));
      for (const s of find(u, 'simpleType')) out.push(...enumOf(undefined, s));
    }
    return out;
  };
  const collect = (ct: ElementNode | undefined, acc: XsdPolicy, seen = new Set<ElementNode>()): void => {
    if (!ct || seen.has(ct)) return;
    seen.add(ct);
    for (const a of find(ct, 'attribute')) {
      acc.attributes.push({
        name: attr(a, 'name')?.value ?? '',
        required: attr(a, 'use')?.value === 'required',
        values: enumOf(attr(a, 'type')?.value, find(a, 'simpleType')[0]),
        type: attr(a, 'type')?.value,
      });
    }
    const walkParticles = (el: ElementNode): void => {
      for (const c of childElements(el)) {
        const k = local(c);
        if (k === 'element') acc.children.push(attr(c, 'name')?.value ?? attr(c, 'ref')?.value ?? '');
        else if (k === 'any') acc.children.push('*');
        else if (k === 'sequence' || k === 'choice' || k === 'all') walkParticles(c);
      }
    };
    walkParticles(ct);
    for (const content of [...find(ct, 'complexContent'), ...find(ct, 'simpleContent')]) {
      for (const ext of [...find(content, 'extension'), ...find(content, 'restriction')]) {
        collect(complex.get(attr(ext, 'base')?.value ?? ''), acc, seen);
        collect(ext, acc, seen);
      }
    }
  };
  return elements.map((el) => {
    const acc: XsdPolicy = { name: attr(el, 'name')?.value ?? '', attributes: [], children: [] };
    collect(find(el, 'complexType')[0] ?? complex.get(attr(el, 'type')?.value ?? ''), acc);
    return acc;
  });
}
