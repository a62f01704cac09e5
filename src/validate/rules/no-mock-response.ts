import type { LintRule } from '../rule.js';
import { forbidIn } from './protected-environment.js';

export const noMockResponse: LintRule = {
  meta: {
    id: 'no-mock-response',
    category: 'lint',
    severity: 'error',
    summary: 'No mock-response policy in a protected environment.',
    docs: 'mock-response answers callers with sample data instead of calling the backend; in production that silently breaks the API. Applies only when validating with `--environment <name>` for an environment marked `protected: true` in .apim-gogs.yaml.',
  },
  checkDocument(ctx, report) {
    forbidIn(ctx, report, 'mock-response', 'callers would get sample data instead of the backend.');
  },
};
