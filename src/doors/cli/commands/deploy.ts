import {
  applyPlan,
  planDeployment,
  renderApplyMarkdown,
  renderPlanMarkdown,
  resolveIdentity,
  writePlanFile,
  writeRecordFile,
} from '../../../deploy/index.js';
import { prepare, sharedUsage } from '../azure-options.js';
import type { Command } from '../command.js';

/** `apim-gogs deploy`: plan, then apply with ETags, retries and rollback; exit 0, 3 or 4. */
export const deployCommand: Command = {
  name: 'deploy',
  summary: 'Deploy a checkout to APIM: only what changed, in dependency order, rolled back on failure',
  usage: sharedUsage('deploy', [
    '  --plan-file              Write the plan as JSON to this file',
    '  --record-file            Write the deployment record (every ARM request) as JSON',
  ]),
  async run(args, host) {
    const { planOptions, options, connection } = await prepare(args, host, {
      values: ['plan-file', 'record-file'],
    });
    const plan = await planDeployment(planOptions);
    host.logger.info(renderPlanMarkdown(plan));
    if (options.get('plan-file')) await writePlanFile(options.get('plan-file')!, plan);
    const identity = await resolveIdentity(connection.credential);
    const result = await applyPlan({
      plan,
      connection,
      identity,
      concurrency: planOptions.concurrency,
      logger: host.logger,
    });
    host.logger.info(renderApplyMarkdown(plan, result));
    if (options.get('record-file')) await writeRecordFile(options.get('record-file')!, plan, result);
    return result.exitCode;
  },
};
