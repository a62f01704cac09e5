import { renderDriftText, verifyDeployment } from '../../../deploy/index.js';
import { prepare, sharedUsage } from '../azure-options.js';
import { ConfigurationError } from '../../../shared/errors.js';
import type { Command } from '../command.js';

/** `apim-gogs verify`: the release gate; exit 1 when live APIM differs from the commit. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Release gate: exit 1 when live APIM differs from the checkout (drift report, text or JSON)',
  usage: sharedUsage('verify', [
    '  --format                 text (default) or json',
    '  --include-extra          Also report live resources apim-gogs deployed that the checkout no longer has',
  ]),
  async run(args, host) {
    const { planOptions, options } = await prepare(args, host, {
      values: ['format'],
      flags: ['include-extra'],
    });
    const format = options.get('format') ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new ConfigurationError(`--format ${format} is not text or json.`);
    const result = await verifyDeployment({
      ...planOptions,
      includeExtra: options.get('include-extra') === 'true',
    });
    host.logger.info(format === 'json' ? JSON.stringify(result, null, 2) : renderDriftText(result));
    return result.exitCode;
  },
};
