import type { EffectivePolicy } from '../../policy/effective.js';
import type { RepositoryContext } from '../rule.js';
import { policies } from '../walk.js';

/**
 * Shared by the chain rules: reports an API whose effective policy lacks every one of `wanted`, and an
 * operation that loses them although its API has them (usually a missing `<base />`).
 */
export function requireInChain(ctx: RepositoryContext, wanted: string[], what: string, help: string): void {
  const has = (e: EffectivePolicy): boolean => {
    for (const { element } of policies(e.root)) if (wanted.includes(element.name)) return true;
    return false;
  };
  const apiHas = new Map<string, boolean>();
  for (const e of ctx.effective.filter((x) => !x.operationId)) {
    const ok = has(e);
    apiHas.set(e.apiId, ok);
    if (!ok)
      ctx.report(
        e.file,
        e.at,
        `The effective policy of API '${e.apiId}' (${e.chain.join(' -> ')}) does not ${what}.`,
        help,
      );
  }
  for (const e of ctx.effective.filter((x) => x.operationId)) {
    if (apiHas.get(e.apiId) && !has(e)) {
      ctx.report(
        e.file,
        e.at,
        `The effective policy of operation '${e.apiId}/${e.operationId}' does not ${what}, although its API does.`,
        help,
      );
    }
  }
}

export function listOption(options: Record<string, unknown>, name: string, fallback: string[]): string[] {
  const v = options[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;
}
