import type { LintRule } from '../rule.js';
import { listOption, requireInChain } from './effective-chain.js';

export const RATE_LIMIT_POLICIES = [
  'rate-limit',
  'rate-limit-by-key',
  'quota',
  'quota-by-key',
  'llm-token-limit',
  'azure-openai-token-limit',
];

export const rateLimitRequired: LintRule = {
  meta: {
    id: 'rate-limit-required',
    category: 'lint',
    severity: 'warning',
    summary: "Each API's effective policy limits its call rate.",
    docs: `Judged on the effective policy (global -> product -> API -> operation through <base />, fragments inlined): without a rate limit or quota one caller can exhaust the backend. Counts: ${RATE_LIMIT_POLICIES.join(', ')}. Option \`policies\` replaces that list.`,
  },
  checkRepository(ctx) {
    const wanted = listOption(ctx.options, 'policies', RATE_LIMIT_POLICIES);
    requireInChain(
      ctx,
      wanted,
      'limit the call rate',
      `Add one of ${wanted.join(', ')} at global, product or API scope.`,
    );
  },
};
