import path from 'node:path';
import { AZURE_INPUTS } from './azure-inputs.js';
import { isSeverity, type Severity } from '../shared/diagnostic.js';
import { ConfigurationError } from '../shared/errors.js';
import { parseBoolean } from '../shared/parse-boolean.js';
import type { Host } from '../shared/host.js';

export const MODES = ['checkout', 'validate', 'plan', 'deploy', 'verify'] as const;
export type Mode = (typeof MODES)[number];

/**
 * Every input of the action, the Azure DevOps task and `apim-gogs run`, with its default.
 * action.yml and task.json are checked against this table by a test.
 */
export interface InputSpec {
  required?: boolean;
  secret?: boolean;
  default?: string;
  description: string;
}

export const INPUTS = {
  mode: { default: 'plan', description: 'checkout | validate | plan | deploy | verify' },
  'gogs-url': { required: true, description: 'Base URL of the Gogs server' },
  repository: { required: true, description: 'Policy repository on Gogs, owner/name' },
  ref: { description: "Branch, tag or full commit SHA (default: the repository's default branch)" },
  token: { required: true, secret: true, description: 'Gogs access token of a read-only bot user' },
  path: {
    default: 'apim-policies',
    description: 'Where to check the repository out (relative to the workspace)',
  },
  'fetch-depth': { default: '1', description: 'Commits of history to fetch; 0 for all' },
  'sync-mirror': {
    default: 'false',
    description: 'Ask a Gogs pull mirror to sync first and wait for the new commit',
  },
  'gogs-ca-file': { description: 'PEM file of a private CA that signed the Gogs certificate' },
  config: { description: 'Ruleset file (default: .apim-gogs.yaml in the repository, if present)' },
  environment: { description: 'Environment name, for per-environment rules and templates' },
  'fail-severity': { default: 'error', description: 'Fail on findings at or above: error | warning | info' },
  'pull-request': { description: 'Gogs pull request number: the plan is posted there as a comment' },
  'base-ref': {
    description:
      "Pull request target branch, for annotating only changed files (default: the repository's default branch)",
  },
  // Checked where they are used (src/azure/connect.ts), so the CLI commands share them.
  ...AZURE_INPUTS,
} satisfies Record<string, InputSpec>;

export interface JobInputs {
  mode: Mode;
  gogsUrl: string;
  repository: string;
  ref?: string;
  token: string;
  /** Absolute. */
  path: string;
  fetchDepth: number;
  syncMirror: boolean;
  gogsCaFile?: string;
  config?: string;
  environment?: string;
  failSeverity: Severity;
  pullRequest?: number;
  baseRef?: string;
}

/** Reads and checks the inputs; every mistake is a ConfigurationError that names the input. */
export function readInputs(host: Host): JobInputs {
  const get = (name: keyof typeof INPUTS): string | undefined => {
    const spec: InputSpec = INPUTS[name];
    const value = host.getInput(name)?.trim() || spec.default;
    if (spec.required && !value) {
      throw new ConfigurationError(`Input ${name} is required.`, `Set ${name}: ${INPUTS[name].description}.`);
    }
    return value;
  };
  const token = get('token')!;
  host.setSecret(token);

  const mode = get('mode')!;
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new ConfigurationError(`Input mode is "${mode}".`, `Use one of: ${MODES.join(', ')}.`);
  }
  const gogsUrl = get('gogs-url')!;
  if (!/^https?:\/\/[^/]+/i.test(gogsUrl)) {
    throw new ConfigurationError(
      `Input gogs-url "${gogsUrl}" is not an http(s) URL.`,
      'Example: https://gogs.example.com',
    );
  }
  const depth = Number(get('fetch-depth'));
  if (!Number.isInteger(depth) || depth < 0) {
    throw new ConfigurationError(`Input fetch-depth "${get('fetch-depth')}" is not a whole number >= 0.`);
  }
  const failSeverity = get('fail-severity')!;
  if (!isSeverity(failSeverity)) {
    throw new ConfigurationError(`Input fail-severity is "${failSeverity}".`, 'Use error, warning or info.');
  }
  const pr = get('pull-request');
  if (pr !== undefined && !/^[1-9]\d*$/.test(pr)) {
    throw new ConfigurationError(`Input pull-request "${pr}" is not a pull request number.`);
  }
  const workspace = host.runInfo().workspace;
  return {
    mode: mode as Mode,
    gogsUrl,
    repository: get('repository')!,
    ref: get('ref'),
    token,
    path: path.resolve(workspace, get('path')!),
    fetchDepth: depth,
    syncMirror: parseBoolean(get('sync-mirror')!, 'sync-mirror'),
    gogsCaFile: get('gogs-ca-file'),
    config: get('config'),
    environment: get('environment'),
    failSeverity,
    pullRequest: pr === undefined ? undefined : Number(pr),
    baseRef: get('base-ref'),
  };
}
