import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  applyPlan,
  deploymentRecord,
  planForOutput,
  DesiredStateError,
  planDeployment,
  renderApplyMarkdown,
  renderDriftText,
  renderPlanMarkdown,
  resolveIdentity,
  verifyDeployment,
  type Plan,
  type PlanOptions,
} from '../../deploy/index.js';
import { GogsClient } from '../../gogs/client.js';
import { upsertPullRequestComment } from '../../gogs/pr-comment.js';
import { parseRepositoryName } from '../../gogs/repository-name.js';
import { ConfigurationError, ExitCode } from '../../shared/errors.js';
import type { Host } from '../../shared/host.js';
import { codeBlock } from '../../shared/markdown.js';
import { connectApim } from '../connect.js';
import type { Settings } from '../settings.js';
import { withProgress } from '../progress.js';
import { writeUserFile } from '../user-file.js';
import type { Source } from './source-stage.js';
import type { Validated } from './validate-stage.js';

/** plan, deploy or verify against APIM. Returns the exit code. */
export async function azureStage(
  host: Host,
  s: Settings,
  source: Source,
  validated: Validated,
): Promise<number> {
  try {
    return await planApplyVerify(host, s, source, validated);
  } catch (err) {
    // An unresolved template placeholder or a secret value in the repository is a finding in a
    // file, reported like validation's findings, before any write.
    if (!(err instanceof DesiredStateError)) throw err;
    for (const d of err.diagnostics) host.annotate(d);
    host.logger.error(`${err.message} ${err.hint ?? ''}`.trim());
    return ExitCode.Findings;
  }
}

async function planApplyVerify(
  host: Host,
  s: Settings,
  source: Source,
  validated: Validated,
): Promise<number> {
  const azure = s.azure!;
  if (!source.commit)
    throw new ConfigurationError('The commit of the repository is unknown.', 'Pass --commit.');
  const connection = connectApim(host, azure);
  const run = host.runInfo();
  const planOptions: PlanOptions = {
    repository: validated.repository,
    connection,
    source: {
      commit: source.commit,
      ref: source.ref,
      repository: source.repositoryUrl,
      runUrl: source.runUrl,
    },
    environment: s.validation.environment,
    values: validated.templateValues,
    filters: azure.filters,
    // The ruleset validation used: a changed ruleset makes the plan full.
    configFile: s.validation.config ? path.resolve(source.path, s.validation.config) : undefined,
    logger: host.logger,
  };
  const tag = source.commit.slice(0, 12);

  if (s.mode === 'verify') {
    const result = await host.logger.group(
      `Verify live APIM ${azure.target.serviceName} against the commit`,
      () =>
        withProgress(host, { doing: 'Checking', done: 'Checked' }, (progress, retry) =>
          verifyDeployment({ ...planOptions, includeExtra: azure.includeExtra, progress, retry }),
        ),
    );
    const json = `${JSON.stringify(result, null, 2)}\n`;
    const text = renderDriftText(result);
    const file = s.report.file ?? path.join(run.tempDir, `apim-gogs-drift-${tag}.json`);
    await writeUserFile(file, json, 'drift report');
    host.setOutput('drift', String(result.drift));
    host.setOutput('drift-report', file);
    emit(host, s, text, json);
    host.annotateRun(
      `${result.drift ? 'Drift' : 'No drift'}: APIM ${azure.target.serviceName} ${result.drift ? 'differs from' : 'matches'} commit ${source.commit}${source.ref ? ` (${source.ref})` : ''}.`,
    );
    await host.appendSummary(`### Release gate\n\n${codeBlock(text)}\n`);
    return result.exitCode;
  }

  const plan = await host.logger.group('Plan', () =>
    withProgress(host, { doing: 'Planning', done: 'Planned' }, (progress, retry) =>
      planDeployment({ ...planOptions, prune: azure.prune, scope: azure.planScope, progress, retry }),
    ),
  );
  const changes = plan.entries.filter((e) => e.action !== 'unchanged').length;
  const planJson = `${JSON.stringify(planForOutput(plan), null, 2)}\n`;
  const planFile =
    s.mode === 'plan' && s.report.file ? s.report.file : path.join(run.tempDir, `apim-gogs-plan-${tag}.json`);
  await writeUserFile(planFile, planJson, 'plan');
  host.setOutput('plan', planFile);
  host.setOutput('changes', String(changes));
  host.setOutput('plan-scope', plan.scope.kind);
  host.logger.info(`Plan scope: ${plan.scope.kind} (${plan.scope.reason}).`);
  const planMarkdown = renderPlanMarkdown(plan);
  host.logger.info(planLine(plan, changes));
  await host.appendSummary(planMarkdown);
  if (s.pullRequest && source.gogs)
    await commentOnPullRequest(host, source, s.pullRequest.number, planMarkdown);
  if (s.mode === 'plan') {
    emit(host, s, planMarkdown, planJson);
    return ExitCode.Ok;
  }

  const identity = await resolveIdentity(connection.credential);
  const apply = { plan, connection, identity, concurrency: azure.concurrency, logger: host.logger };
  // Nothing to change makes no request: no Deploy group, no progress (the plan line said so).
  const result = changes
    ? await host.logger.group(`Deploy to APIM ${azure.target.serviceName}`, () =>
        withProgress(host, { doing: 'Deploying', done: 'Deployed' }, (progress, retry) =>
          applyPlan({ ...apply, progress, retry }),
        ),
      )
    : await applyPlan(apply);
  const recordJson = `${JSON.stringify(deploymentRecord(plan, result), null, 2)}\n`;
  const recordFile = s.report.file ?? path.join(run.tempDir, `apim-gogs-record-${tag}.json`);
  await writeUserFile(recordFile, recordJson, 'record');
  host.setOutput('record', recordFile);
  const applyMarkdown = renderApplyMarkdown(plan, result);
  emit(host, s, applyMarkdown, recordJson);
  host.annotateRun(
    `${result.exitCode === 0 ? 'Deployed' : 'Deployment failed for'} commit ${source.commit}${source.ref ? ` (${source.ref})` : ''} to APIM ${azure.target.serviceName}: ${describeOutcome(result.outcome)}.`,
    result.exitCode === 0 ? 'notice' : 'error',
  );
  await host.appendSummary(applyMarkdown);
  return result.exitCode;
}

/** The command's product: text for people, JSON with --format json (the CLI's stdout; a log in CI). */
function emit(host: Host, s: Settings, text: string, json: string): void {
  const format = s.report.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new ConfigurationError(`Format "${format}" is not text or json for ${s.mode}.`);
  host.emitReport(format === 'json' ? json.trimEnd() : text);
}

function planLine(plan: Plan, changes: number): string {
  const counts = Object.entries(plan.summary).map(([action, n]) => `${n} ${action}`);
  return `Plan: ${changes} change(s): ${counts.join(', ')}.`;
}

const describeOutcome = (o: string): string =>
  ({
    'no-changes': 'no changes',
    succeeded: 'succeeded',
    'rolled-back': 'rolled back, APIM is as it was',
    'rollback-incomplete': 'NOT fully rolled back, see the summary',
  })[o] ?? o;

async function commentOnPullRequest(
  host: Host,
  source: Source,
  number: number,
  markdown: string,
): Promise<void> {
  const g = source.gogs!;
  const { owner, name } = parseRepositoryName(g.repository);
  const ca = g.caFile ? await readFile(g.caFile, 'utf8') : undefined;
  const client = new GogsClient({ url: g.gogsUrl, token: g.token, ca });
  const how = await upsertPullRequestComment(client, owner, name, number, markdown);
  host.logger.info(`Plan ${how} as a comment on pull request #${number}.`);
}
