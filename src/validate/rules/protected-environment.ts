import type { DocumentContext, Report } from '../rule.js';
import { policies } from '../walk.js';

/** Shared by no-trace and no-mock-response: a protected environment is one the config marks `protected: true`. */
export function forbidIn(ctx: DocumentContext, report: Report, policy: string, why: string): void {
  if (!ctx.protectedEnvironment) return;
  for (const { element } of policies(ctx.root)) {
    if (element.name === policy) {
      report(
        element,
        `'${policy}' is not allowed in the protected environment '${ctx.environment ?? ''}': ${why}`,
        `Remove it, or guard it so it never reaches ${ctx.environment ?? 'this environment'}.`,
      );
    }
  }
}
