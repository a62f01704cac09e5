import type { PlanOptions } from './plan.js';
import { planDeployment } from './plan.js';
import type { Provenance } from './provenance.js';

export type DriftKind = 'missing' | 'changed' | 'extra';

export interface DriftEntry {
  key: string;
  drift: DriftKind;
  file?: string;
  /** '-' live, '+' repository. */
  diff?: string;
  /** Who put the live version there, when apim-gogs did. */
  liveProvenance?: Provenance;
}

export interface VerifyResult {
  commit: string;
  environment?: string;
  drift: boolean;
  /** 1 when drift was found, 0 when live APIM matches the commit. */
  exitCode: 0 | 1;
  checked: number;
  entries: DriftEntry[];
}

export interface VerifyOptions extends Omit<PlanOptions, 'prune' | 'scope'> {
  /** Also report live resources apim-gogs deployed that the repository no longer has (lists the service). */
  includeExtra?: boolean;
}

/**
 * The release gate: does live APIM match the commit? Read-only. Provenance never counts as drift.
 */
export async function verifyDeployment(options: VerifyOptions): Promise<VerifyResult> {
  // The release gate reads everything: drift on resources no commit touched is what it is for.
  const plan = await planDeployment({ ...options, scope: 'full', prune: options.includeExtra === true });
  const entries: DriftEntry[] = plan.entries
    .filter((e) => e.action !== 'unchanged')
    .map((e) => ({
      key: e.key,
      drift: e.action === 'create' ? 'missing' : e.action === 'update' ? 'changed' : 'extra',
      file: e.file,
      diff: e.diff,
      liveProvenance: e.liveProvenance,
    }));
  return {
    commit: options.source.commit,
    environment: options.environment,
    drift: entries.length > 0,
    exitCode: entries.length > 0 ? 1 : 0,
    checked: plan.entries.length,
    entries,
  };
}

export function renderDriftText(result: VerifyResult): string {
  const head = result.drift
    ? `Drift: ${result.entries.length} of ${result.checked} resource(s) differ from commit ${result.commit}.`
    : `No drift: all ${result.checked} resource(s) match commit ${result.commit}.`;
  const lines = [head];
  for (const e of result.entries) {
    lines.push('', `${e.drift.toUpperCase()} ${e.key}${e.file ? ` (${e.file})` : ''}`);
    if (e.liveProvenance)
      lines.push(
        `  live version deployed from ${e.liveProvenance.commit}${e.liveProvenance.run ? ` by ${e.liveProvenance.run}` : ''}`,
      );
    if (e.diff) lines.push(...e.diff.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
