import { childElements, type ElementNode } from '../policy/ast.js';
import { policySpec, SECTIONS, type Section } from './catalog/index.js';

/** One policy element met while walking a document. */
export interface PolicyVisit {
  element: ElementNode;
  /** The section it runs in; undefined inside a fragment (decided by where it is included). */
  section?: Section;
  /** The element whose content holds it (a section, a fragment, when, retry, send-request...). */
  container: ElementNode;
  /** True for a policy inside another policy's own children (set-header inside send-request). */
  childOfPolicy: boolean;
}

export const isSection = (name: string): name is Section => (SECTIONS as readonly string[]).includes(name);

/**
 * Every policy in a `<policies>` or `<fragment>` document, in document order, descending into the
 * content the catalog marks as nested policies (choose/when, retry, wait, send-request...).
 */
export function policies(root: ElementNode): PolicyVisit[] {
  // Every check walks the same document; walk it once.
  let visits = cache.get(root);
  if (!visits) {
    visits = [];
    if (root.name === 'fragment') list(root, undefined, false, visits);
    else if (root.name === 'policies') {
      for (const s of childElements(root)) if (isSection(s.name)) list(s, s.name, false, visits);
    }
    cache.set(root, visits);
  }
  return visits;
}

const cache = new WeakMap<ElementNode, PolicyVisit[]>();

function list(
  container: ElementNode,
  section: Section | undefined,
  childOfPolicy: boolean,
  out: PolicyVisit[],
): void {
  for (const element of childElements(container)) {
    out.push({ element, section, container, childOfPolicy });
    inside(element, section, out);
  }
}

function inside(element: ElementNode, section: Section | undefined, out: PolicyVisit[]): void {
  const spec = policySpec(element.name);
  if (!spec) return;
  if (spec.content === 'policies') {
    list(element, section, false, out);
    return;
  }
  for (const child of childElements(element)) {
    const cs = spec.children?.[child.name];
    if (cs?.content === 'policies') list(child, section, false, out);
    else if (cs?.content === 'policy') {
      out.push({ element: child, section, container: element, childOfPolicy: true });
      inside(child, section, out);
    }
  }
}

/** Policies directly in a section (not nested), for rules about order. */
export function sectionElements(root: ElementNode, section: Section): ElementNode[] | undefined {
  const s = childElements(root).find((c) => c.name === section);
  return s ? childElements(s) : undefined;
}

/** True when the value is decided at run time (an expression or a named value), so literal checks do not apply. */
export function isDynamic(value: { expression?: unknown; namedValues: unknown[]; value?: string }): boolean {
  return (
    value.expression !== undefined ||
    value.namedValues.length > 0 ||
    // An environment placeholder left unrendered is already reported as template/unresolved-placeholder;
    // judging its text as the final value would report it a second time.
    (value.value !== undefined && UNRESOLVED_PLACEHOLDER.test(value.value))
  );
}

const UNRESOLVED_PLACEHOLDER = /#\{[A-Za-z_][A-Za-z0-9_.-]*\}#/;
