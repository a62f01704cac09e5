import type { LintRule } from '../rule.js';
import { forbidIn } from './protected-environment.js';

export const noTrace: LintRule = {
  meta: {
    id: 'no-trace',
    category: 'security',
    severity: 'error',
    summary: 'No trace policy in a protected environment.',
    docs: 'trace writes request data to Application Insights and the request tracing output; in production it can leak personal data and tokens. Applies only when validating with `--environment <name>` for an environment marked `protected: true` in .apim-gogs.yaml.',
  },
  checkDocument(ctx, report) {
    forbidIn(ctx, report, 'trace', 'it writes request data to traces.');
  },
};
