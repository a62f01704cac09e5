import type { LintRule } from '../rule.js';
import { listOption, requireInChain } from './effective-chain.js';

export const AUTH_POLICIES = [
  'validate-jwt',
  'validate-azure-ad-token',
  'validate-client-certificate',
  'check-header',
  'ip-filter',
];

export const authenticationRequired: LintRule = {
  meta: {
    id: 'authentication-required',
    category: 'security',
    severity: 'warning',
    summary: "Each API's effective policy authenticates its callers.",
    docs: `Judged on the effective policy (global -> product -> API -> operation through <base />, fragments inlined). Counts: ${AUTH_POLICIES.join(', ')}. Subscription keys are an API setting, not a policy; if they are your authentication, set the option \`policies\` or turn the rule off for those APIs with an override.`,
  },
  checkRepository(ctx) {
    const wanted = listOption(ctx.options, 'policies', AUTH_POLICIES);
    requireInChain(
      ctx,
      wanted,
      'authenticate its callers',
      `Add one of ${wanted.join(', ')} at global, product or API scope.`,
    );
  },
};
