import { attr, type ElementNode, type NamedValueRef, type PolicyNode } from '../../policy/ast.js';
import type { Emit } from './schema.js';
import { inElement } from './schema.js';
import { BACKEND, DOCUMENT, FRAGMENT, NAMED_VALUE } from './meta.js';
import { policies } from '../walk.js';

/** What the repository (plus the config's external declarations) defines, names lower-cased. */
export interface ReferenceIndex {
  namedValues: Set<string>;
  fragments: Set<string>;
  backends: Set<string>;
}

/** Checks `{{named values}}`, include-fragment ids and backend ids against the repository. */
export function checkReferences(root: ElementNode, index: ReferenceIndex, emit: Emit): void {
  walkNamedValues(root, false, (ref, el) => {
    if (!index.namedValues.has(ref.name.toLowerCase())) {
      emit(
        NAMED_VALUE,
        ref,
        inElement(el, `Cannot find a property '${ref.name}' (named value).`),
        NAMED_VALUE.docs,
      );
    }
  });
  for (const { element: el } of policies(root)) {
    if (el.name === 'include-fragment') {
      if (root.name === 'fragment') {
        emit(
          DOCUMENT,
          el,
          inElement(el, 'A fragment cannot include another fragment.'),
          "Inline the inner fragment's policies.",
        );
        continue;
      }
      const id = attr(el, 'fragment-id');
      if (id && !id.namedValues.length && !index.fragments.has(id.value.toLowerCase())) {
        emit(
          FRAGMENT,
          { line: id.valueLine, column: id.valueColumn },
          inElement(el, `Policy fragment with id '${id.value}' could not be found.`),
          FRAGMENT.docs,
        );
      }
    }
    if (el.name === 'set-backend-service') {
      const id = attr(el, 'backend-id');
      if (id && !id.expression && !id.namedValues.length && !index.backends.has(id.value.toLowerCase())) {
        emit(
          BACKEND,
          { line: id.valueLine, column: id.valueColumn },
          inElement(el, `Backend with id '${id.value}' could not be found.`),
          BACKEND.docs,
        );
      }
    }
  }
}

/** Every named-value reference with its element; Liquid templates (`{{body.x}}`) are not named values. */
export function walkNamedValues(
  el: ElementNode,
  inLiquid: boolean,
  visit: (ref: NamedValueRef, el: ElementNode) => void,
): void {
  for (const a of el.attributes) for (const ref of a.namedValues) visit(ref, el);
  const liquid =
    inLiquid ||
    (el.name === 'set-body' && attr(el, 'template')?.value === 'liquid') ||
    attr(el, 'template')?.value === 'liquid';
  for (const c of el.children as PolicyNode[]) {
    if (c.type === 'element') walkNamedValues(c, liquid, visit);
    else if (c.type === 'text' && !liquid) for (const ref of c.namedValues) visit(ref, el);
  }
}
