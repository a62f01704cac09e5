import { ConfigurationError } from '../../../shared/errors.js';
import { INPUTS } from '../../../pipeline/inputs.js';
import { runJob } from '../../../pipeline/run.js';
import { cliHost } from '../cli-host.js';
import type { Command } from '../command.js';
import { parseArgs } from '../parse-args.js';

const valueInputs = Object.entries(INPUTS)
  .filter(([, spec]) => !('secret' in spec && spec.secret))
  .map(([name]) => name);

/** `apim-gogs run`: the main job of the action, from a terminal or any CI system. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Check out from Gogs, then validate / plan / deploy / verify (the action, as a command)',
  usage: [
    'apim-gogs run --gogs-url URL --repository OWNER/NAME [--mode MODE] [--ref REF] [options]',
    '',
    'The Gogs token is read from the GOGS_TOKEN (or APIM_GOGS_TOKEN) environment variable, never from',
    'the command line. Every option can also be set as APIM_GOGS_<NAME> (for example APIM_GOGS_MODE).',
    '',
    'Options (the action inputs):',
    ...valueInputs.map((n) => `  --${n.padEnd(16)} ${INPUTS[n as keyof typeof INPUTS].description}`),
    '  --outputs-file   Append name=value outputs to this file',
    '  --summary-file   Append the markdown run summary to this file',
  ].join('\n'),
  async run(args) {
    if (args.some((a) => a === '--token' || a.startsWith('--token='))) {
      throw new ConfigurationError(
        'Unknown option --token: the Gogs token is never taken from the command line, where other users of the machine can read it.',
        'Put it in the GOGS_TOKEN environment variable.',
      );
    }
    const { options } = parseArgs(args, { values: [...valueInputs, 'outputs-file', 'summary-file'] });
    const inputs = new Map([...options].filter(([k]) => valueInputs.includes(k)));
    const token = process.env.GOGS_TOKEN ?? process.env.APIM_GOGS_TOKEN;
    if (token) inputs.set('token', token);
    const host = cliHost({
      inputs,
      outputsFile: options.get('outputs-file'),
      summaryFile: options.get('summary-file'),
    });
    return runJob(host);
  },
};
