import { redactSecrets } from './redact.js';
import { codeBlock, codeSpan, inlineText } from '../shared/markdown.js';
import type { ApplyResult } from './apply.js';
import type { Plan, PlanEntry } from './plan.js';

/** Plan, results and records as markdown (run summary, PR comment) and JSON files. */

const ICON: Record<PlanEntry['action'], string> = {
  create: '+ create',
  update: '~ update',
  delete: '- delete',
  unchanged: 'unchanged',
};
const MAX_DIFF_LINES = 60;
/** Diffs shown in the markdown (a PR comment must stay readable); the plan file has them all. */
const MAX_DIFFS = 40;

/*
 * Everything from the repository or from APIM (resource ids, file names, diff lines, messages) goes
 * through the one escaper (shared/markdown.ts): Gogs renders a comment's markdown and strips every
 * tag it does not know, so an unescaped `<set-backend-service base-url=...>` in a diff would show as
 * a blank line to the reviewer.
 */

/** Markdown for the run summary / Gogs PR comment. */
export function renderPlanMarkdown(plan: Plan, options: { title?: string } = {}): string {
  const s = plan.summary;
  const lines: string[] = [];
  lines.push(`### ${options.title ?? 'apim-gogs plan'}${plan.environment ? ` — ${plan.environment}` : ''}`);
  lines.push('');
  lines.push(
    `Commit ${codeSpan(plan.source.commit)}${plan.source.ref ? ` (${inlineText(plan.source.ref)})` : ''} → APIM ${codeSpan(plan.service.serviceName)}: ` +
      `**${s.create}** to create, **${s.update}** to update, **${s.delete}** to delete, ${s.unchanged} unchanged.`,
  );
  if (plan.scope) lines.push('', scopeLine(plan.scope));
  const changes = plan.entries.filter((e) => e.action !== 'unchanged');
  if (changes.length === 0) {
    lines.push('', 'No changes: APIM already matches this commit.');
  } else {
    lines.push('', '| Change | Resource | File |', '| --- | --- | --- |');
    for (const e of changes)
      lines.push(`| ${ICON[e.action]} | ${codeSpan(e.key)} | ${e.file ? codeSpan(e.file) : ''} |`);
    const withDiff = changes.filter((e) => e.diff);
    for (const e of withDiff.slice(0, MAX_DIFFS)) {
      const diffLines = (e.diff ?? '').split('\n');
      const shown =
        diffLines.length > MAX_DIFF_LINES
          ? [...diffLines.slice(0, MAX_DIFF_LINES), `… ${diffLines.length - MAX_DIFF_LINES} more line(s)`]
          : diffLines;
      lines.push(
        '',
        `<details><summary>${ICON[e.action]} ${codeSpan(e.key)}</summary>`,
        '',
        codeBlock(shown.join('\n')),
        '',
        '</details>',
      );
    }
    if (withDiff.length > MAX_DIFFS) {
      lines.push('', `… and ${withDiff.length - MAX_DIFFS} more diff(s) in the plan file.`);
    }
  }
  for (const w of plan.warnings) lines.push('', `> ⚠️ ${inlineText(w)}`);
  return lines.join('\n');
}

/** Which scope ran and why; an incremental plan says what it did not look at. */
function scopeLine(scope: Plan['scope']): string {
  if (scope.kind === 'full') return `Scope: **full** (read all ${scope.read} resources): ${scope.reason}.`;
  return (
    `Scope: **incremental** since \`${scope.base?.slice(0, 12)}\` (read ${scope.read} of ${scope.read + scope.skipped} resources): ${scope.reason}. ` +
    'Changes made in APIM outside apim-gogs to the other resources are not seen here; `verify` and `plan-scope: full` read everything.'
  );
}

/** Markdown for the result of a deployment. */
export function renderApplyMarkdown(plan: Plan, result: ApplyResult): string {
  const lines = [
    `### apim-gogs deploy${plan.environment ? ` — ${plan.environment}` : ''}: ${result.outcome}`,
    '',
  ];
  lines.push(
    `Commit \`${plan.source.commit}\`${plan.source.runUrl ? ` · [run](${plan.source.runUrl})` : ''} · identity \`${result.provenance.oid ?? result.provenance.appid ?? 'unknown'}\``,
  );
  lines.push(`ARM requests: ${result.requests.length} (${result.writes} writes).`);
  if (result.failure) {
    lines.push('', `**Failed at ${codeSpan(result.failure.key)}:** ${inlineText(result.failure.message)}`);
    lines.push(
      '',
      `Rolled back: ${result.restored.length ? result.restored.map(codeSpan).join(', ') : 'nothing to roll back'}.`,
    );
    if (result.notRestored.length) {
      lines.push('', '**Left changed (not restored):**');
      for (const n of result.notRestored) lines.push(`- ${codeSpan(n.key)}: ${inlineText(n.reason)}`);
    }
  } else if (result.applied.length) {
    lines.push('', '| Change | Resource |', '| --- | --- |');
    for (const a of result.applied) lines.push(`| ${a.action} | ${codeSpan(a.key)} |`);
  }
  for (const w of result.warnings) lines.push('', `> ⚠️ ${inlineText(w)}`);
  return lines.join('\n');
}

/**
 * The plan as people and later steps get it (the `plan` output, `--format json`): live and desired
 * content with credentials-like fields redacted. The rollback snapshot in memory keeps the real values;
 * a plan file is an artifact anyone with access to the run can read.
 */
export function planForOutput(plan: Plan): Plan {
  return {
    ...plan,
    entries: plan.entries.map((e) => ({
      ...e,
      ...(e.live ? { live: redactSecrets(e.live) as typeof e.live } : {}),
      ...(e.desired ? { desired: redactSecrets(e.desired) as typeof e.desired } : {}),
    })),
  };
}

/** The deployment record (the `record` output): every ARM request, hashes, identities. */
export function deploymentRecord(plan: Plan, result: ApplyResult): Record<string, unknown> {
  return {
    version: 1,
    environment: plan.environment,
    source: plan.source,
    service: plan.service,
    provenance: result.provenance,
    outcome: result.outcome,
    exitCode: result.exitCode,
    failure: result.failure,
    changes: result.applied,
    restored: result.restored,
    notRestored: result.notRestored,
    requests: result.requests,
    warnings: result.warnings,
  };
}
