import { POLICIES } from './policies.js';
import type { PolicySpec } from './types.js';

export type { PolicySpec, AttributeSpec, ChildSpec, Section, CatalogScope } from './types.js';
export const SECTIONS = ['inbound', 'backend', 'outbound', 'on-error'] as const;

const byName = new Map(POLICIES.map((p) => [p.name, p]));

export function policySpec(name: string): PolicySpec | undefined {
  return byName.get(name);
}

export function allPolicies(): readonly PolicySpec[] {
  return POLICIES;
}

/** The reference page of a policy: the help link of its diagnostics. */
export function policyDocUrl(name: string): string {
  return `https://learn.microsoft.com/azure/api-management/${name}-policy`;
}

/** The catalog name nearest to a misspelt one (edit distance <= 3), for "did you mean". */
const nearestCache = new Map<string, string | undefined>();

export function nearestPolicy(name: string): string | undefined {
  if (!nearestCache.has(name)) nearestCache.set(name, computeNearest(name));
  return nearestCache.get(name);
}

function computeNearest(name: string): string | undefined {
  let best: string | undefined;
  let bestD = 4;
  for (const p of POLICIES) {
    const d = distance(name, p.name);
    if (d < bestD) [best, bestD] = [p.name, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
