import { childElements } from '../../policy/ast.js';
import type { LintRule } from '../rule.js';
import { isSection } from '../walk.js';

const ALLOWED_BEFORE = new Set(['cors', 'set-variable', 'base']);

/** Policies above `<base />` run before the parent scope's, which usually bypasses them. */
export const policyBeforeBase: LintRule = {
  meta: {
    id: 'policy-before-base',
    category: 'lint',
    severity: 'warning',
    summary: 'Only cors and set-variable stand above `<base />`.',
    docs: "A policy above `<base />` runs before the parent scope's policies: a transformation or backend change there runs before global authentication and throttling have judged the request. cors belongs first (preflight requests must be answered before authentication) and set-variable may prepare values; move everything else below `<base />`.",
  },
  checkDocument(ctx, report) {
    if (ctx.root.name !== 'policies' || ctx.scope === 'global') return;
    for (const s of childElements(ctx.root)) {
      if (!isSection(s.name)) continue;
      const elements = childElements(s);
      const base = elements.findIndex((e) => e.name === 'base');
      for (const el of elements.slice(0, Math.max(base, 0))) {
        if (!ALLOWED_BEFORE.has(el.name)) {
          report(
            el,
            `'${el.name}' stands above <base /> in '${s.name}', so it runs before the parent scope's policies.`,
            'Move it below <base />.',
          );
        }
      }
    }
  },
};
