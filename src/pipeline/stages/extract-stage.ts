import { resolveIdentity } from '../../deploy/credentials.js';
import { extractInstance } from '../../deploy/extract/index.js';
import { assertCanPush, pushBranch } from '../../gogs/push-branch.js';
import { ConfigurationError, ExitCode } from '../../shared/errors.js';
import type { Host } from '../../shared/host.js';
import { connectApim } from '../connect.js';
import type { Settings } from '../settings.js';
import type { Source } from './source-stage.js';

/** What extract needs beyond the shared settings (until Settings carries them). */
export interface ExtractStageOptions {
  /** artifacts-path: the folder of the repository the layout is written to. */
  artifactsPath?: string;
  /** gogs-push: commit the result to a new branch of the Gogs repository and give the compare link. */
  push: boolean;
}

/**
 * mode: extract — the live instance written into the source as the APIOps layout; with gogs-push,
 * committed to a new branch (named after the service and the time) of the Gogs repository, whose
 * compare link opens the pull request. Outputs: `extract-files`, and with gogs-push `branch`,
 * `commit-sha` of the extract commit and `compare-url`.
 */
export async function extractStage(
  host: Host,
  s: Settings,
  source: Source,
  options: ExtractStageOptions,
): Promise<number> {
  if (!s.azure)
    throw new ConfigurationError(
      'extract needs the Azure inputs (subscription-id, resource-group, service-name).',
    );
  const gogs = source.gogs;
  if (options.push && !gogs)
    throw new ConfigurationError(
      'gogs-push needs the Gogs repository (gogs-url, repository, token): it commits the extract there.',
      'Run extract in the action or the task, or with `apim-gogs run --mode extract`, or extract without gogs-push.',
    );
  if (options.push && gogs) {
    host.logger.info(
      `gogs-push: the token must have write access to ${gogs.repository} (this step pushes a branch; deployments need only read access).`,
    );
    await assertCanPush({
      gogsUrl: gogs.gogsUrl,
      repository: gogs.repository,
      token: gogs.token,
      caFile: gogs.caFile,
    });
  }
  const connection = connectApim(host, s.azure);
  const result = await host.logger.group(`Extract ${s.azure.target.serviceName}`, () =>
    extractInstance({
      connection,
      root: source.path,
      artifactsPath: options.artifactsPath,
      filters: { ...s.azure!.filters, workspaces: s.azure!.workspaces },
      concurrency: s.azure!.concurrency,
      logger: host.logger,
    }),
  );
  host.setOutput('extract-files', String(result.files.length));
  const counts = Object.entries(result.counts)
    .map(([k, n]) => `| ${k} | ${n} |`)
    .join('\n');
  await host.appendSummary(
    `### Extract of ${s.azure.target.serviceName}\n\n| kind | count |\n|---|---|\n${counts}\n\n` +
      (result.secretsWithoutKeyVault.length
        ? `Secret named values written without a value (add a Key Vault reference): ${result.secretsWithoutKeyVault.join(', ')}\n\n`
        : ''),
  );
  if (!options.push || !gogs) return ExitCode.Ok;

  const identity = await resolveIdentity(connection.credential);
  const at = new Date();
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const t = s.azure.target;
  const pushed = await pushBranch({
    gogsUrl: gogs.gogsUrl,
    repository: gogs.repository,
    token: gogs.token,
    caFile: gogs.caFile,
    cwd: source.path,
    base: gogs.defaultBranch,
    branch: `apim-gogs/extract-${t.serviceName}-${stamp}`,
    message:
      `Extract APIM ${t.serviceName} at ${at.toISOString()}\n\n` +
      `Instance: /subscriptions/${t.subscriptionId}/resourceGroups/${t.resourceGroup}/providers/Microsoft.ApiManagement/service/${t.serviceName}\n` +
      `Time: ${at.toISOString()}\n` +
      `Identity: oid ${identity.oid ?? '?'}, appid ${identity.appid ?? '?'}, tenant ${identity.tid ?? '?'}\n` +
      `Files: ${result.files.length} (apim-gogs extract)`,
    paths: [options.artifactsPath?.replace(/^\.\/?|\/+$/g, '') || '.'],
    author: { name: 'apim-gogs extract', email: 'apim-gogs@localhost' },
    logger: host.logger,
  });
  if (!pushed) {
    host.logger.info(`The repository already matches ${t.serviceName}: no branch pushed.`);
    return ExitCode.Ok;
  }
  host.setOutput('branch', pushed.branch);
  host.setOutput('commit-sha', pushed.commit);
  host.setOutput('compare-url', pushed.compareUrl);
  await host.appendSummary(
    `Pushed branch \`${pushed.branch}\` (${pushed.changed} file(s)). [Open the pull request](${pushed.compareUrl})\n\n`,
  );
  return ExitCode.Ok;
}
