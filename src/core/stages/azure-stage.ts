import path from 'node:path';
import {
  ApimConnection,
  applyPlan,
  createCredential,
  loadEnvironmentValues,
  parseAuthKind,
  planDeployment,
  renderApplyMarkdown,
  renderDriftText,
  renderPlanMarkdown,
  resolveIdentity,
  verifyDeployment,
  writePlanFile,
  writeRecordFile,
  type PlanOptions,
} from '../../azure/index.js';
import type { CheckoutResult } from '../../gogs/checkout.js';
import { GogsClient } from '../../gogs/client.js';
import { upsertPullRequestComment } from '../../gogs/pr-comment.js';
import { parseRepositoryName } from '../../gogs/repository-name.js';
import type { Host } from '../../host/host.js';
import { loadRepository } from '../../policy/layout.js';
import { ConfigurationError, ExitCode } from '../errors.js';
import type { JobInputs } from '../inputs.js';
import { readFile, writeFile } from 'node:fs/promises';

/** The host's own way to sign in when the auth input is not given. */
const defaultAuth: Record<Host['name'], string> = {
  github: 'github-oidc',
  'azure-pipelines': 'azure-devops',
  cli: 'azure-cli',
};

/** plan, deploy or verify against APIM. Returns the exit code. */
export async function azureStage(host: Host, inputs: JobInputs, co: CheckoutResult): Promise<number> {
  const a = inputs.azure;
  const connection = host.azureServiceConnection?.();
  const subscriptionId = required(a.subscriptionId, 'subscription-id');
  const credential = createCredential({
    auth: parseAuthKind(a.auth ?? defaultAuth[host.name]),
    tenantId: a.tenantId ?? connection?.tenantId,
    clientId: a.clientId ?? connection?.clientId,
    authorityHost: a.authorityHost,
    audience: a.audience,
    getIdToken: (aud) => host.getIdToken(aud),
    serviceConnectionId: connection?.id,
  });
  const apim = new ApimConnection(credential, {
    subscriptionId,
    resourceGroup: required(a.resourceGroup, 'resource-group'),
    serviceName: required(a.serviceName, 'service-name'),
    endpoint: a.armEndpoint,
  });
  const run = host.runInfo();
  const planOptions: PlanOptions = {
    repository: await loadRepository(co.path),
    connection: apim,
    source: {
      commit: co.sha,
      ref: co.ref,
      repository: new URL(inputs.repository, withSlash(inputs.gogsUrl)).toString(),
      runUrl: run.url,
    },
    environment: inputs.environment,
    values: inputs.environment ? await loadEnvironmentValues(co.path, inputs.environment) : {},
    filters: { apis: a.apis, products: a.products },
    concurrency: a.concurrency,
    logger: host.logger,
  };

  if (inputs.mode === 'verify') {
    const result = await host.logger.group('Verify live APIM against the commit', () =>
      verifyDeployment(planOptions),
    );
    const file = path.join(run.tempDir, `apim-gogs-drift-${co.sha.slice(0, 12)}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    host.logger.info(renderDriftText(result));
    host.setOutput('drift', String(result.drift));
    host.setOutput('drift-report', file);
    await host.appendSummary(`#### Release gate\n\n\`\`\`\n${renderDriftText(result)}\n\`\`\`\n`);
    return result.exitCode;
  }

  const plan = await host.logger.group('Plan', () => planDeployment({ ...planOptions, prune: a.prune }));
  const planFile = path.join(run.tempDir, `apim-gogs-plan-${co.sha.slice(0, 12)}.json`);
  await writePlanFile(planFile, plan);
  const changes = plan.entries.filter((e) => e.action !== 'unchanged').length;
  host.setOutput('plan', planFile);
  host.setOutput('changes', String(changes));
  const planMarkdown = renderPlanMarkdown(plan);
  host.logger.info(`Plan: ${changes} change(s) (${JSON.stringify(plan.summary)})`);
  await host.appendSummary(planMarkdown);
  if (inputs.pullRequest) await commentOnPullRequest(host, inputs, planMarkdown);
  if (inputs.mode === 'plan') return ExitCode.Ok;

  const identity = await resolveIdentity(credential);
  const result = await host.logger.group('Deploy', () =>
    applyPlan({ plan, connection: apim, identity, concurrency: a.concurrency, logger: host.logger }),
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

function required(value: string | undefined, input: string): string {
  if (!value) throw new ConfigurationError(`Input ${input} is required for plan, deploy and verify.`);
  return value;
}

const withSlash = (u: string) => (u.endsWith('/') ? u : `${u}/`);
