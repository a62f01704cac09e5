import { cliOptionsOf, envName, type InputName } from '../../../pipeline/inputs.js';
import { runBlame } from '../../../pipeline/blame.js';
import { readAzureSettings } from '../../../pipeline/settings.js';
import { parseGogsUrl } from '../../../gogs/gogs-url.js';
import { ConfigurationError } from '../../../shared/errors.js';
import { cliHost } from '../cli-host.js';
import type { Command } from '../command.js';
import { optionHelp, table } from '../help.js';
import { parseArgs } from '../parse-args.js';

const AZURE = cliOptionsOf('blame').filter((n) => n !== 'outputs-file' && n !== 'summary-file');
const OWN: [string, string][] = [
  ['--environment NAME', 'Environment whose deployment record completes named values.'],
  ['--gogs-url URL', 'Gogs server, to name the author (token in GOGS_TOKEN).'],
  ['--repository OWNER/NAME', 'Repository on Gogs, to name the author.'],
  ['--gogs-ca-file FILE', 'PEM of a private CA that signed the Gogs certificate.'],
  ['--format text|json', 'Output format (default text).'],
];

/** `apim-gogs blame <resource>`: which commit, author, run and identity put a live resource there. */
export const blameCommand: Command = {
  name: 'blame',
  summary: 'Which commit, author, CI run and Azure identity put a live APIM resource there',
  usage: [
    'apim-gogs blame <resource> --subscription-id ID --resource-group RG --service-name NAME [options]',
    '',
    '<resource>: policies/policy, apis/{api}/policies/policy, apis/{api}/operations/{op}/policies/policy,',
    '  products/{p}/policies/policy, policyFragments/{id}, namedValues/{id}, backends/{id}, or an APIOps path;',
    '  in an APIM workspace the same below workspaces/{ws}/ (workspaces/{ws}/policies/policy is its policy).',
    '',
    'Options:',
    ...optionHelp(AZURE),
    ...table(OWN),
  ].join('\n'),
  async run(args, io = {}) {
    const { options, positionals } = parseArgs(args, {
      values: [...AZURE, 'environment', 'gogs-url', 'repository', 'gogs-ca-file', 'format'],
    });
    if (positionals.length !== 1)
      throw new ConfigurationError(
        'blame needs exactly one resource.',
        'Example: apim-gogs blame apis/echo/policies/policy',
      );
    const get = (n: string): string | undefined =>
      options.get(n) ?? (process.env[envName(n as InputName)] || undefined);
    const format = get('format') ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new ConfigurationError(`--format ${format} is not text or json.`);
    const host = cliHost({ ...io, reportFormat: format });
    const gogsUrl = get('gogs-url');
    const repository = get('repository');
    const token = process.env.GOGS_TOKEN;
    return runBlame(host, {
      azure: readAzureSettings(
        { get: (n) => get(n) },
        { door: 'cli', defaultAuth: 'azure-cli', workspace: process.cwd(), nameOf: (n) => `--${n}` },
      ),
      resource: positionals[0],
      environment: get('environment'),
      gogs:
        gogsUrl && repository && token
          ? {
              gogsUrl: parseGogsUrl(gogsUrl, { inputName: '--gogs-url' }),
              repository,
              token,
              caFile: get('gogs-ca-file'),
            }
          : undefined,
      format,
    });
  },
};
