import { childElements } from '../../policy/ast.js';
import type { LintRule } from '../rule.js';
import { isSection } from '../walk.js';

/** PSRule Azure.APIM.PolicyBase: below global, every section keeps the parent's policies. */
export const baseRequired: LintRule = {
  meta: {
    id: 'base-required',
    category: 'lint',
    severity: 'warning',
    summary: 'Every section of a product, API or operation policy contains `<base />`.',
    docs: 'Without `<base />` a section silently drops the policies of the scope above it, such as global rate limits, authentication and CORS (PSRule rule Azure.APIM.PolicyBase). Add `<base />` to each section; leave it out only on purpose, and then suppress this rule for the section with a comment.',
  },
  checkDocument(ctx, report) {
    if (!['product', 'api', 'operation'].includes(ctx.scope) || ctx.root.name !== 'policies') return;
    for (const s of childElements(ctx.root)) {
      if (isSection(s.name) && !childElements(s).some((c) => c.name === 'base')) {
        report(
          s,
          `The '${s.name}' section has no <base />, so the ${parentOf(ctx.scope)} policies do not run here.`,
          'Add <base /> to the section.',
        );
      }
    }
  },
};

function parentOf(scope: string): string {
  return scope === 'operation' ? 'API' : scope === 'api' ? 'product and global' : 'global';
}
