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
    for (const { element, container } of policies(ctx.root)) {
      if (element.name !== 'return-response') continue;
      const siblings = container.children;
      const dead = siblings.slice(siblings.indexOf(element) + 1).find((c) => c.type === 'element');
      if (dead && dead.type === 'element') {
        report(
          dead,
          `'${dead.name}' follows return-response and never runs.`,
          'Remove it or move it above return-response.',
        );
      }
    }
  },
};
