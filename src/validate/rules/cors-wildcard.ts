import { childElements } from '../../policy/ast.js';
import type { LintRule } from '../rule.js';
import { policies } from '../walk.js';

/** PSRule Azure.APIM.CORSPolicy: a wildcard origin lets any web site call the API from a browser. */
export const corsWildcard: LintRule = {
  meta: {
    id: 'cors-wildcard',
    category: 'security',
    severity: 'warning',
    summary: 'cors does not allow every origin (`*`).',
    docs: "A wildcard `<origin>*</origin>` lets any web page call the API with the visitor's browser (PSRule rule Azure.APIM.CORSPolicy). List the origins that need access.",
  },
  checkDocument(ctx, report) {
    for (const { element } of policies(ctx.root)) {
      if (element.name !== 'cors') continue;
      for (const list of childElements(element).filter((c) => c.name === 'allowed-origins')) {
        for (const origin of childElements(list)) {
          const text = origin.children
            .map((c) => (c.type === 'text' ? c.value : ''))
            .join('')
            .trim();
          if (text === '*')
            report(origin, 'cors allows every origin (*).', 'List the allowed origins explicitly.');
        }
      }
    }
  },
};
