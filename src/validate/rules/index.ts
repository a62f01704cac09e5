import type { LintRule } from '../rule.js';
import { authenticationRequired } from './authentication-required.js';
import { baseRequired } from './base-required.js';
import { corsWildcard } from './cors-wildcard.js';
import { expressionVariableUnset } from './expression-variable-unset.js';
import { hardcodedSecret } from './hardcoded-secret.js';
import { httpsOnly } from './https-only.js';
import { namedValueNotSecret } from './named-value-not-secret.js';
import { noMockResponse } from './no-mock-response.js';
import { noTrace } from './no-trace.js';
import { policyBeforeBase } from './policy-before-base.js';
import { rateLimitRequired } from './rate-limit-required.js';
import { unreachableAfterReturnResponse } from './unreachable-after-return-response.js';

/** The recommended rule set: every lint rule, at its default severity. */
export const LINT_RULES: LintRule[] = [
  baseRequired,
  policyBeforeBase,
  corsWildcard,
  httpsOnly,
  hardcodedSecret,
  namedValueNotSecret,
  rateLimitRequired,
  authenticationRequired,
  noTrace,
  noMockResponse,
  unreachableAfterReturnResponse,
  expressionVariableUnset,
];
