import { childElements, type Attribute, type ElementNode } from '../../policy/ast.js';
import type { PolicyScope } from '../../policy/repository.js';
import {
  nearestPolicy,
  policyDocUrl,
  policySpec,
  type AttributeSpec,
  type ChildSpec,
  type PolicySpec,
} from '../catalog/index.js';
import type { Located, RuleMeta } from '../rule.js';
import { isDynamic, isSection, policies } from '../walk.js';
import { ATTRIBUTE, CHILD, DOCUMENT, ONCE, UNKNOWN_POLICY, WRONG_SCOPE, WRONG_SECTION } from './meta.js';

/** The index of all policies, for an unknown name with no near match. */
const POLICY_REFERENCE = 'https://learn.microsoft.com/azure/api-management/api-management-policies';

export type Emit = (rule: RuleMeta, at: Located, message: string, help?: string) => void;

/** APIM's own phrasing, so a message matches what the portal would say. */
export const inElement = (el: ElementNode, text: string): string =>
  `Error in element '${el.name}' on line ${el.line}, column ${el.column}: ${text}`;

const IGNORED_ATTRIBUTES = (name: string): boolean => name === 'id' || name.startsWith('xmlns');

/** Checks a parsed document against the catalog: structure, placement, attributes, content. */
export function checkSchema(root: ElementNode, scope: PolicyScope, emit: Emit): void {
  checkDocument(root, scope, emit);
  const perSection = new Map<ElementNode, Map<string, number>>();
  const perDocument = new Map<string, number>();
  for (const visit of policies(root)) {
    const el = visit.element;
    if (el.name === 'base') {
      checkBase(visit.container, el, root, scope, emit);
      continue;
    }
    const spec = policySpec(el.name);
    if (!spec) {
      if (visit.childOfPolicy) continue; // reported as bad content by its parent
      const near = nearestPolicy(el.name);
      emit(
        UNKNOWN_POLICY,
        el,
        inElement(el, `'${el.name}' is not a known policy.`),
        near ? `Did you mean '${near}'?` : POLICY_REFERENCE,
      );
      continue;
    }
    if (!visit.childOfPolicy) {
      if (visit.section && !spec.sections.includes(visit.section)) {
        emit(
          WRONG_SECTION,
          el,
          inElement(el, `The policy is not allowed in the '${visit.section}' section.`),
          `Move it to ${spec.sections.join(', ')}.`,
        );
      }
      if (isCatalogScope(scope) && !spec.scopes.includes(scope)) {
        emit(
          WRONG_SCOPE,
          el,
          inElement(el, `The policy is not allowed at ${scope} scope.`),
          `Allowed scopes: ${spec.scopes.join(', ')}.`,
        );
      }
      count(visit.container, el, spec, perSection, perDocument, emit);
    }
    checkAttributes(el, spec.attributes, emit, policyDocUrl(spec.name));
    checkContent(el, spec, emit);
  }
}

function isCatalogScope(scope: PolicyScope): scope is 'global' | 'product' | 'api' | 'operation' {
  return scope === 'global' || scope === 'product' || scope === 'api' || scope === 'operation';
}

function checkDocument(root: ElementNode, scope: PolicyScope, emit: Emit): void {
  const help = 'https://learn.microsoft.com/azure/api-management/api-management-howto-policies';
  if (root.name === 'fragment') {
    if (scope !== 'fragment' && scope !== 'unknown') {
      emit(
        DOCUMENT,
        root,
        inElement(root, `A <fragment> document cannot be a ${scope} policy.`),
        'Put fragments under `policy fragments/<id>/policy.xml`.',
      );
    }
    return;
  }
  if (root.name !== 'policies') {
    emit(
      DOCUMENT,
      root,
      inElement(root, `The root element must be <policies> or <fragment>, not <${root.name}>.`),
      help,
    );
    return;
  }
  if (scope === 'fragment') {
    emit(
      DOCUMENT,
      root,
      inElement(root, 'A policy fragment must have a <fragment> root.'),
      'Replace <policies> and its sections with <fragment>.',
    );
  }
  const seen = new Set<string>();
  for (const s of childElements(root)) {
    if (!isSection(s.name)) {
      emit(
        DOCUMENT,
        s,
        inElement(s, `<policies> holds only inbound, backend, outbound and on-error, not <${s.name}>.`),
        help,
      );
    } else if (seen.has(s.name)) {
      emit(DOCUMENT, s, inElement(s, `The section '${s.name}' appears twice.`), 'Merge the two sections.');
    }
    seen.add(s.name);
  }
  reportText(root, emit, 'policies');
  for (const s of childElements(root)) if (isSection(s.name)) reportText(s, emit, s.name);
}

function checkBase(
  container: ElementNode,
  el: ElementNode,
  root: ElementNode,
  scope: PolicyScope,
  emit: Emit,
): void {
  if (root.name === 'fragment') {
    emit(
      DOCUMENT,
      el,
      inElement(el, 'A fragment cannot contain <base />.'),
      'Remove it; the including policy decides inheritance.',
    );
  } else if (!isSection(container.name)) {
    emit(
      DOCUMENT,
      el,
      inElement(el, '<base /> must stand directly in a section.'),
      'Move it out of the enclosing policy.',
    );
  } else if (scope === 'global') {
    // An error, as APIM has it: saving a global policy with <base /> fails ("not allowed in this scope").
    emit(
      DOCUMENT,
      el,
      inElement(el, 'Policy is not allowed in this scope (global): there is no parent policy.'),
      'Remove <base /> from the global policy.',
    );
  }
}

function count(
  container: ElementNode,
  el: ElementNode,
  spec: PolicySpec,
  perSection: Map<ElementNode, Map<string, number>>,
  perDocument: Map<string, number>,
  emit: Emit,
): void {
  if (spec.oncePerSection) {
    const counts = perSection.get(container) ?? new Map<string, number>();
    perSection.set(container, counts);
    const n = (counts.get(el.name) ?? 0) + 1;
    counts.set(el.name, n);
    if (n === 2)
      emit(
        ONCE,
        el,
        inElement(el, `'${el.name}' may appear only once per section.`),
        'Merge or remove the repeated policy.',
      );
  }
  if (spec.oncePerDocument) {
    const n = (perDocument.get(el.name) ?? 0) + 1;
    perDocument.set(el.name, n);
    if (n === 2)
      emit(
        ONCE,
        el,
        inElement(el, `'${el.name}' may appear only once per policy document.`),
        'Merge or remove the repeated policy.',
      );
  }
}

export function checkAttributes(
  el: ElementNode,
  specs: AttributeSpec[] | undefined,
  emit: Emit,
  help: string,
): void {
  if (!specs) return;
  for (const a of el.attributes) {
    if (IGNORED_ATTRIBUTES(a.name)) continue;
    const spec = specs.find((s) => s.name === a.name);
    if (!spec) {
      const known = specs.map((s) => s.name).join(', ') || 'none';
      emit(
        ATTRIBUTE,
        a,
        inElement(el, `The '${a.name}' attribute is not declared.`),
        `Known attributes: ${known}. ${help}`,
      );
      continue;
    }
    checkValue(el, a, spec, emit, help);
  }
  for (const s of specs) {
    if (s.required && !el.attributes.some((a) => a.name === s.name)) {
      emit(ATTRIBUTE, el, inElement(el, `The required attribute '${s.name}' is missing.`), help);
    }
  }
}

function checkValue(el: ElementNode, a: Attribute, spec: AttributeSpec, emit: Emit, help: string): void {
  const at = { line: a.valueLine, column: a.valueColumn };
  if (a.expression && spec.expressions === false) {
    emit(
      ATTRIBUTE,
      at,
      inElement(el, `The '${a.name}' attribute does not accept policy expressions.`),
      `Use a literal value or a named value. ${help}`,
    );
    return;
  }
  if (isDynamic(a)) return;
  const v = a.value.trim();
  if (spec.values && !spec.values.some((x) => x.toLowerCase() === v.toLowerCase())) {
    emit(
      ATTRIBUTE,
      at,
      inElement(el, `The '${a.name}' attribute has the invalid value '${a.value}'.`),
      `Use one of: ${spec.values.join(', ')}.`,
    );
    return;
  }
  const bad = typeProblem(v, spec);
  if (bad) emit(ATTRIBUTE, at, inElement(el, `The '${a.name}' attribute ${bad}.`), help);
}

function typeProblem(v: string, spec: AttributeSpec): string | undefined {
  if (spec.type === 'boolean' && !/^(true|false)$/i.test(v)) return `must be true or false, not '${v}'`;
  if (
    (spec.type === 'integer' && !/^-?\d+$/.test(v)) ||
    (spec.type === 'number' && !/^-?\d+(\.\d+)?$/.test(v))
  ) {
    return `must be a number, not '${v}'`;
  }
  const n = Number(v);
  if (spec.type === 'integer' || spec.type === 'number' || spec.min !== undefined || spec.max !== undefined) {
    if (Number.isNaN(n))
      return spec.min !== undefined || spec.max !== undefined ? `must be a number, not '${v}'` : undefined;
    if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}, not ${v}`;
    if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}, not ${v}`;
  }
  return undefined;
}

function checkContent(el: ElementNode, spec: PolicySpec, emit: Emit): void {
  if (spec.content === 'any') return;
  if (!spec.text) reportText(el, emit, el.name);
  if (spec.content === 'policies') return;
  const children = childElements(el);
  const allowed = spec.children ?? {};
  const names = Object.keys(allowed);
  const counts = new Map<string, number>();
  for (const c of children) {
    const cs: ChildSpec | undefined = allowed[c.name];
    if (!cs) {
      const list = names.length
        ? `List of possible elements expected: ${names.map((n) => `'${n}'`).join(', ')}.`
        : 'It has no child elements.';
      emit(
        CHILD,
        c,
        inElement(el, `The element '${el.name}' cannot contain element '${c.name}'. ${list}`),
        policyDocUrl(spec.name),
      );
      continue;
    }
    const n = (counts.get(c.name) ?? 0) + 1;
    counts.set(c.name, n);
    if (cs.max !== undefined && n === cs.max + 1) {
      emit(
        CHILD,
        c,
        inElement(el, `'${c.name}' may appear at most ${cs.max} time(s) in '${el.name}'.`),
        policyDocUrl(spec.name),
      );
    }
    if (cs.attributes) checkAttributes(c, cs.attributes, emit, policyDocUrl(spec.name));
    if (cs.content === 'policies' && c.children.length) reportText(c, emit, c.name);
  }
  for (const r of spec.requiredChildren ?? []) {
    if (!counts.has(r))
      emit(
        CHILD,
        el,
        inElement(el, `The element '${el.name}' needs at least one '${r}' element.`),
        policyDocUrl(spec.name),
      );
  }
}

function reportText(el: ElementNode, emit: Emit, name: string): void {
  const text = el.children.find((c) => c.type === 'text' && (c.cdata || c.value.trim() !== ''));
  if (!text || text.type !== 'text') return;
  const names = el.name === name ? name : el.name;
  emit(
    CHILD,
    text,
    inElement(el, `The element '${names}' cannot contain text.`),
    'Remove the text or move it into the child element that takes it.',
  );
}
