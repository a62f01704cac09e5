import { writePlanFile, renderPlanMarkdown, planDeployment } from '../../../deploy/index.js';
import { prepare, sharedUsage } from '../azure-options.js';
import { ExitCode } from '../../../shared/errors.js';
import type { Command } from '../command.js';

/** `apim-gogs plan`: what a deployment of the checkout would change in APIM; writes nothing to APIM. */
export const planCommand: Command = {
  name: 'plan',
  summary: 'Compare a checkout with live APIM: create / update / delete / unchanged, with diffs (read-only)',
  usage: sharedUsage('plan', ['  --plan-file              Write the plan as JSON to this file']),
  async run(args, host) {
    const { planOptions, options } = await prepare(args, host, { values: ['plan-file'] });
    const plan = await planDeployment(planOptions);
    host.logger.info(renderPlanMarkdown(plan));
    const file = options.get('plan-file');
    if (file) await writePlanFile(file, plan);
    return ExitCode.Ok;
  },
};
