import { childElements } from '../../policy/ast.js';
import type { LintRule } from '../rule.js';
import { policies } from '../walk.js';

/** return-response ends the pipeline, so policies after it in the same block never run. */
export const unreachableAfterReturnResponse: LintRule = {
  meta: {
    id: 'unreachable-after-return-response',
    category: 'lint',
    severity: 'warning',
    summary: 'Nothing follows return-response in the same block.',
    docs: 'return-response aborts the pipeline and answers the caller; any policy after it in the same section or branch never runs. Remove the dead policies or move them before return-response.',
  },
  checkDocument(ctx, report) {
    const containers = new Set(Array.from(policies(ctx.root), (v) => v.container));
    for (const c of containers) {
      const elements = childElements(c);
      const at = elements.findIndex((e) => e.name === 'return-response');
      const dead = at === -1 ? undefined : elements[at + 1];
      if (dead)
        report(
          dead,
          `'${dead.name}' follows return-response and never runs.`,
          'Remove it or move it above return-response.',
        );
    }
  },
};
