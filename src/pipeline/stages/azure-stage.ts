import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readConcurrency, readCredential, readList, readPrune, readTarget } from '../azure-settings.js';
import {
  ApimConnection,
  applyPlan,
  DesiredStateError,
  planDeployment,
  renderApplyMarkdown,
  renderDriftText,
  renderPlanMarkdown,
  resolveIdentity,
  verifyDeployment,
  writePlanFile,
  writeRecordFile,
  type PlanOptions,
} from '../../deploy/index.js';
import type { CheckoutResult } from '../../gogs/checkout.js';
import { GogsClient } from '../../gogs/client.js';
import { upsertPullRequestComment } from '../../gogs/pr-comment.js';
import { parseRepositoryName } from '../../gogs/repository-name.js';
import type { Host } from '../../shared/host.js';
import type { ValidateStageResult } from './validate-stage.js';
import { ExitCode } from '../../shared/errors.js';
import type { JobInputs } from '../inputs.js';

/** plan, deploy or verify against APIM. Returns the exit code. */
export async function azureStage(
  host: Host,
  inputs: JobInputs,
  co: CheckoutResult,
  loaded: Pick<ValidateStageResult, 'repository' | 'templateValues'>,
): Promise<number> {
  try {
    return await planApplyVerify(host, inputs, co, loaded);
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
  inputs: JobInputs,
  co: CheckoutResult,
  loaded: Pick<ValidateStageResult, 'repository' | 'templateValues'>,
): Promise<number> {
  const get = (name: string) => host.getInput(name)?.trim() || undefined;
  const credential = readCredential(get, host);
  const apim = new ApimConnection(credential, readTarget(get));
  const concurrency = readConcurrency(get);
  const run = host.runInfo();
  const planOptions: PlanOptions = {
    repository: loaded.repository,
    connection: apim,
    source: {
      commit: co.sha,
      ref: co.ref,
      repository: new URL(inputs.repository, withSlash(inputs.gogsUrl)).toString(),
      runUrl: run.url,
    },
    environment: inputs.environment,
    values: loaded.templateValues,
    filters: { apis: readList(get, 'apis'), products: readList(get, 'products') },
    concurrency,
    logger: host.logger,
  };

  if (inputs.mode === 'verify') {
    const result = await host.logger.group('Verify live APIM against the commit', () =>
      verifyDeployment(planOptions),
    );
    const file = path.join(run.tempDir, `apim-gogs-drift-${co.sha.slice(0, 12)}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    const text = renderDriftText(result);
    host.logger.info(text);
    host.setOutput('drift', String(result.drift));
    host.setOutput('drift-report', file);
    await host.appendSummary(`#### Release gate\n\n\`\`\`\n${text}\n\`\`\`\n`);
    return result.exitCode;
  }

  const plan = await host.logger.group('Plan', () =>
    planDeployment({ ...planOptions, prune: readPrune(get) }),
  );
  const planFile = path.join(run.tempDir, `apim-gogs-plan-${co.sha.slice(0, 12)}.json`);
  await writePlanFile(planFile, plan);
  const changes = plan.entries.filter((e) => e.action !== 'unchanged').length;
  host.setOutput('plan', planFile);
  host.setOutput('changes', String(changes));
  const planMarkdown = renderPlanMarkdown(plan);
  const counts = Object.entries(plan.summary).map(([action, n]) => `${n} ${action}`);
  host.logger.info(`Plan: ${changes} change(s): ${counts.join(', ')}.`);
  await host.appendSummary(planMarkdown);
  if (inputs.pullRequest) await commentOnPullRequest(host, inputs, planMarkdown);
  if (inputs.mode === 'plan') return ExitCode.Ok;

  const identity = await resolveIdentity(credential);
  const result = await host.logger.group('Deploy', () =>
    applyPlan({ plan, connection: apim, identity, concurrency, logger: host.logger }),
  );
  const recordFile = path.join(run.tempDir, `apim-gogs-record-${co.sha.slice(0, 12)}.json`);
  await writeRecordFile(recordFile, plan, result);
  host.setOutput('record', recordFile);
  await host.appendSummary(renderApplyMarkdown(plan, result));
  return result.exitCode;
}

async function commentOnPullRequest(host: Host, inputs: JobInputs, markdown: string): Promise<void> {
  const { owner, name } = parseRepositoryName(inputs.repository);
  const ca = inputs.gogsCaFile ? await readFile(inputs.gogsCaFile, 'utf8') : undefined;
  const client = new GogsClient({ url: inputs.gogsUrl, token: inputs.token, ca });
  const how = await upsertPullRequestComment(client, owner, name, inputs.pullRequest!, markdown);
  host.logger.info(`Plan ${how} as a comment on pull request #${inputs.pullRequest}.`);
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);
