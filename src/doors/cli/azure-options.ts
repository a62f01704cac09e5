import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from './parse-args.js';
import { ConfigurationError } from '../../shared/errors.js';
import type { Host } from '../../shared/host.js';
import { loadRepository } from '../../policy/layout.js';
import { loadEnvironmentValues } from '../../policy/template.js';
import type { ApimConnection } from '../../deploy/client.js';
import {
  AZURE_INPUTS,
  connectAzure,
  readConcurrency,
  readList,
  readPrune,
  type InputGetter,
} from '../../pipeline/azure-settings.js';
import type { PlanOptions, SourceInfo } from '../../deploy/plan.js';

/**
 * What `apim-gogs plan | deploy | verify` share: options (or APIM_GOGS_* variables), the local
 * checkout, its commit, the environment values and the signed-in connection.
 */
export const SHARED_VALUES = [
  ...Object.keys(AZURE_INPUTS),
  'environment',
  'commit',
  'ref',
  'repository-url',
  'run-url',
];

export function sharedUsage(command: string, extra: string[]): string {
  return [
    `apim-gogs ${command} [DIR] --subscription-id ID --resource-group RG --service-name NAME [options]`,
    '',
    'DIR is a checked-out policy repository in the APIOps layout (default: the current directory).',
    'Every option can also be set as APIM_GOGS_<NAME>. No option holds a secret.',
    '',
    'Options:',
    ...Object.entries(AZURE_INPUTS).map(([n, s]) => `  --${n.padEnd(22)} ${s.description}`),
    `  --${'environment'.padEnd(22)} Environment: templates from environments/<name>.yaml, deployment record`,
    `  --${'var NAME=VALUE'.padEnd(22)} A template value (repeatable; wins over the environment file)`,
    `  --${'commit'.padEnd(22)} Commit SHA (default: git rev-parse HEAD in DIR)`,
    `  --${'ref'.padEnd(22)} Ref the commit came from (provenance)`,
    `  --${'repository-url'.padEnd(22)} Repository URL (provenance)`,
    `  --${'run-url'.padEnd(22)} CI run URL (provenance)`,
    ...extra,
  ].join('\n');
}

export interface PreparedCommand {
  get: InputGetter;
  options: Map<string, string>;
  planOptions: PlanOptions;
  connection: ApimConnection;
}

/** Parses args, loads the repository and environment values, and connects. */
export async function prepare(
  args: string[],
  host: Host,
  extra: { values?: string[]; flags?: string[] } = {},
): Promise<PreparedCommand> {
  const vars: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = a === '--var' ? args[++i] : a.startsWith('--var=') ? a.slice(6) : undefined;
    if (v === undefined) {
      rest.push(a);
      continue;
    }
    const eq = v.indexOf('=');
    if (eq < 1) throw new ConfigurationError(`--var "${v}" is not NAME=VALUE.`);
    vars[v.slice(0, eq)] = v.slice(eq + 1);
  }
  const { options, positionals } = parseArgs(rest, {
    values: [...SHARED_VALUES, ...(extra.values ?? [])],
    flags: extra.flags,
  });
  if (positionals.length > 1)
    throw new ConfigurationError(`Unexpected arguments: ${positionals.slice(1).join(' ')}.`);
  const get: InputGetter = (name) => options.get(name) ?? host.getInput(name);
  const dir = path.resolve(positionals[0] ?? '.');
  const repository = await loadRepository(dir);
  const environment = get('environment');
  const values = { ...(environment ? await loadEnvironmentValues(dir, environment) : {}), ...vars };
  const source: SourceInfo = {
    commit: get('commit') ?? (await gitHead(dir)),
    ref: get('ref'),
    repository: get('repository-url'),
    runUrl: get('run-url') ?? host.runInfo().url,
  };
  const connection = connectAzure(get, host);
  return {
    get,
    options,
    connection,
    planOptions: {
      repository,
      connection,
      source,
      environment,
      values,
      filters: { apis: readList(get, 'apis'), products: readList(get, 'products') },
      prune: readPrune(get),
      concurrency: readConcurrency(get),
      logger: host.logger,
    },
  };
}

async function gitHead(dir: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', dir, 'rev-parse', 'HEAD']);
    return stdout.trim();
  } catch {
    throw new ConfigurationError(
      `${dir} is not a git checkout, so its commit is unknown.`,
      'Pass --commit SHA.',
    );
  }
}
