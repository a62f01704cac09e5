import { childElements, type ElementNode } from '../../policy/ast.js';
import { policySpec } from '../catalog/index.js';
import type { LintRule } from '../rule.js';

/**
 * Catalog categories whose policies only judge, throttle, check or observe the request: above
 * `<base />` they reject earlier or record more, but never change what the parent scope's policies
 * see, nor answer in their place. APIM's own default Starter product policy puts rate-limit and quota
 * there, and so do Microsoft's published snippets: a deliberate, common pattern, not a mistake.
 */
const JUDGING_CATEGORIES = new Set(['access-restriction', 'validation', 'logging']);

/** Policies outside those categories that are just as harmless above `<base />`. */
const HARMLESS = new Set([
  'base',
  // cors must come first: a preflight request is answered before authentication would refuse it.
  'cors',
  // Prepare values, read or keep a cached value: nothing the request carries changes.
  'set-variable',
  'cache-lookup-value',
  'cache-store-value',
  // Token throttling and content safety for AI backends: throttling by another measure.
  'azure-openai-token-limit',
  'llm-token-limit',
  'llm-content-safety',
  // The fragment's own policies are judged where the fragment is defined.
  'include-fragment',
]);

/** Policies that hold other policies: harmless when everything inside them is. */
const CONTAINERS = new Set(['choose', 'when', 'otherwise', 'limit-concurrency']);

function isHarmless(el: ElementNode): boolean {
  if (CONTAINERS.has(el.name)) return childElements(el).every(isHarmless);
  if (HARMLESS.has(el.name)) return true;
  const category = policySpec(el.name)?.category;
  return category !== undefined && JUDGING_CATEGORIES.has(category);
}

/**
 * A policy above `<base />` in inbound runs before the parent scope's policies have judged the
 * request. Only inbound is checked: in the other sections the parent's policies still run after and
 * have the last word, which is the safe order.
 */
export const policyBeforeBase: LintRule = {
  meta: {
    id: 'policy-before-base',
    category: 'lint',
    severity: 'warning',
    summary: 'Above `<base />` in inbound stand only policies that judge the request, such as throttling.',
    docs: "A policy above `<base />` in inbound runs before the parent scope's policies: a transformation, a backend change, an outgoing call or a response there happens before global authentication and throttling have judged the request. Policies that only judge or observe it may stand there: throttling (rate-limit and quota, as in APIM's default Starter product policy), access restrictions (ip-filter, check-header, validate-jwt), validation, logging, cors, set-variable and cached-value lookups, and choose or limit-concurrency holding only those. Move everything else below `<base />`. Outbound, backend and on-error are not checked: there the parent's policies run after the child's.",
  },
  checkDocument(ctx, report) {
    if (ctx.root.name !== 'policies' || ctx.scope === 'global') return;
    const inbound = childElements(ctx.root).find((s) => s.name === 'inbound');
    if (!inbound) return;
    const elements = childElements(inbound);
    const base = elements.findIndex((e) => e.name === 'base');
    for (const el of elements.slice(0, Math.max(base, 0))) {
      if (!isHarmless(el)) {
        report(
          el,
          `'${el.name}' stands above <base /> in 'inbound', so it changes or answers the request before the parent scope's policies judge it.`,
          'Move it below <base />.',
        );
      }
    }
  },
};
