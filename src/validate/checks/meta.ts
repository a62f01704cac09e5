import type { RuleMeta } from '../rule.js';
import { EXPRESSION_COMPILE, EXPRESSION_TYPE } from './expressions.js';

/**
 * The checks that are not lint rules: what the reader refuses, what the catalog forbids, and what a
 * reference points to. They have stable ids too, so users can configure and suppress them.
 */
const m = (id: string, category: RuleMeta['category'], summary: string, docs: string): RuleMeta => ({
  id,
  category,
  severity: category === 'syntax' || category === 'schema' || category === 'reference' ? 'error' : 'warning',
  summary,
  docs,
});

export const SYNTAX = m(
  'syntax',
  'syntax',
  'The document cannot be read as a raw APIM policy.',
  'Malformed XML, a DTD or entity declaration (never expanded), an undefined entity, a document over the size limit (256 KiB, APIM\'s own), nesting deeper than 200 levels, an empty, binary or non-UTF-8 file. APIM rejects these with "Data at the root level is invalid" or similar. Fix the position shown.',
);
export const EXPRESSION = m(
  'expression-syntax',
  'schema',
  'A policy expression is malformed.',
  'An `@(...)` or `@{...}` expression has unbalanced brackets, an unterminated string or character literal, or a multi-statement block without `return`. APIM compiles expressions on save and rejects the policy.',
);
export const UNKNOWN_POLICY = m(
  'unknown-policy',
  'schema',
  'An element is not a policy APIM knows.',
  'The name is not in the APIM policy reference (often a typo: the message suggests the nearest name). APIM rejects unknown elements.',
);
export const WRONG_SECTION = m(
  'policy-section',
  'schema',
  'A policy stands in a section where APIM does not allow it.',
  'Each policy may appear only in some of inbound, backend, outbound and on-error (the Usage section of its reference page).',
);
export const WRONG_SCOPE = m(
  'policy-scope',
  'schema',
  'A policy stands at a scope where APIM does not allow it.',
  "Scope comes from the file's place in the repository layout (global policy.xml, products/, apis/, apis/*/operations/). Loose files have an unknown scope and are not checked.",
);
export const ATTRIBUTE = m(
  'policy-attribute',
  'schema',
  'An attribute is missing, unknown, or has a value APIM refuses.',
  'Required attributes must be present; unknown attributes are rejected; enumerations, numbers, booleans and ranges are checked on literal values (expressions and named values are decided at run time); some attributes do not accept expressions.',
);
export const CHILD = m(
  'policy-content',
  'schema',
  'An element holds a child element or text it may not hold.',
  'Each policy has a fixed set of child elements (and only some may hold text); required children must be present; some children may appear once only.',
);
export const ONCE = m(
  'policy-once',
  'schema',
  'A policy appears more often than APIM allows.',
  'cors, cache-lookup, cache-store, validate-parameters and validate-headers may appear once per section; rate-limit and quota once per policy document.',
);
export const DOCUMENT = m(
  'document-structure',
  'schema',
  'The document is not a valid `<policies>` or `<fragment>` document.',
  'A policy document is `<policies>` with at most one each of inbound, backend, outbound, on-error. A fragment is `<fragment>` holding policies only: no sections, no `<base />`, no include-fragment. `<base />` stands directly in a section, and never in the global policy (APIM refuses it there: there is no parent policy).',
);
export const NAMED_VALUE = m(
  'named-value-reference',
  'reference',
  'A `{{named value}}` is neither defined in the repository nor declared external.',
  'Define it under `named values/<id>/namedValueInformation.json` (its displayName is the name used in `{{...}}`), or list it under `namedValues.external` in .apim-gogs.yaml when another pipeline owns it. APIM rejects the policy with "Cannot find a property".',
);
export const FRAGMENT = m(
  'fragment-reference',
  'reference',
  'include-fragment names a fragment the repository does not hold.',
  'Add `policy fragments/<id>/policy.xml`, or declare it under `fragments.external` in .apim-gogs.yaml. APIM rejects it: "Policy fragment with id ... could not be found".',
);
export const BACKEND = m(
  'backend-reference',
  'reference',
  'set-backend-service names a backend the repository does not hold.',
  'Add `backends/<id>/backendInformation.json`, or declare it under `backends.external` in .apim-gogs.yaml.',
);
export const LAYOUT = m(
  'repository-layout',
  'schema',
  'A file in the repository layout cannot be used.',
  'A policy.xml outside the APIOps layout, or an information JSON file that does not parse. Fix or move the file.',
);

export const CHECK_RULES: RuleMeta[] = [
  SYNTAX,
  EXPRESSION,
  EXPRESSION_COMPILE,
  EXPRESSION_TYPE,
  UNKNOWN_POLICY,
  WRONG_SECTION,
  WRONG_SCOPE,
  ATTRIBUTE,
  CHILD,
  ONCE,
  DOCUMENT,
  NAMED_VALUE,
  FRAGMENT,
  BACKEND,
  LAYOUT,
];
