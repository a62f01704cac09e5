import { readFile } from 'node:fs/promises';
import { blame, renderBlameText, type AuthorInfo } from '../../../deploy/index.js';
import { AZURE_INPUTS, connectAzure } from '../../../pipeline/azure-settings.js';
import { ConfigurationError } from '../../../shared/errors.js';
import { GogsClient } from '../../../gogs/client.js';
import { parseRepositoryName } from '../../../gogs/repository-name.js';
import type { Command } from '../command.js';
import { parseArgs } from '../parse-args.js';

/** `apim-gogs blame <resource>`: which commit, author, run and identity put a live resource there. */
export const blameCommand: Command = {
  name: 'blame',
  summary: 'Which commit, author, CI run and Azure identity put a live APIM resource there',
  usage: [
    'apim-gogs blame <resource> --subscription-id ID --resource-group RG --service-name NAME [options]',
    '',
    '<resource>: policies/policy, apis/{api}/policies/policy, apis/{api}/operations/{op}/policies/policy,',
    '  products/{p}/policies/policy, policyFragments/{id}, namedValues/{id}, backends/{id}, or an APIOps path.',
    'The author comes from Gogs when --gogs-url and --repository are given (token in GOGS_TOKEN).',
    '',
    'Options:',
    ...Object.entries(AZURE_INPUTS).map(([n, s]) => `  --${n.padEnd(22)} ${s.description}`),
    '  --environment            Environment whose deployment record completes named values',
    '  --gogs-url               Gogs server, for the author',
    '  --repository             owner/name on Gogs, for the author',
    '  --gogs-ca-file           PEM of a private CA that signed the Gogs certificate',
    '  --format                 text (default) or json',
  ].join('\n'),
  async run(args, host) {
    const { options, positionals } = parseArgs(args, {
      values: [
        ...Object.keys(AZURE_INPUTS),
        'environment',
        'gogs-url',
        'repository',
        'gogs-ca-file',
        'format',
      ],
    });
    if (positionals.length !== 1)
      throw new ConfigurationError(
        'blame needs exactly one resource.',
        'Example: apim-gogs blame apis/echo/policies/policy',
      );
    const get = (name: string): string | undefined => options.get(name) ?? host.getInput(name);
    const gogsUrl = get('gogs-url');
    const repository = get('repository');
    const token = process.env.GOGS_TOKEN ?? process.env.APIM_GOGS_TOKEN;
    let lookupAuthor: ((sha: string) => Promise<AuthorInfo | undefined>) | undefined;
    if (gogsUrl && repository && token) {
      host.setSecret(token);
      const { owner, name } = parseRepositoryName(repository);
      const caFile = get('gogs-ca-file');
      const gogs = new GogsClient({
        url: gogsUrl,
        token,
        ca: caFile ? await readFile(caFile, 'utf8') : undefined,
      });
      lookupAuthor = async (sha) => {
        const c = await gogs.getCommit(owner, name, sha);
        return c && { name: c.author.name, email: c.author.email, date: c.author.date, message: c.message };
      };
    }
    const result = await blame({
      connection: connectAzure(get, host),
      resource: positionals[0],
      environment: get('environment'),
      lookupAuthor,
    });
    host.logger.info(get('format') === 'json' ? JSON.stringify(result, null, 2) : renderBlameText(result));
    return result.exists ? 0 : 1;
  },
};
