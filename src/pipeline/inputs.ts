/**
 * THE input table: every input of the action, the Azure DevOps task and the CLI, with one description.
 * action.yml, task.json, the CLI's flags and help, and the README's input table are generated from it
 * (scripts/gen-metadata.ts); a test fails when any of them is stale.
 */
export const MODES = ['checkout', 'validate', 'plan', 'deploy', 'verify', 'extract'] as const;
export type Mode = (typeof MODES)[number];

/** Which front door an input belongs to: `ci` is the action and the task, `cli` the command line. */
export type Door = 'ci' | 'cli';
export type InputGroup = 'source' | 'validation' | 'azure' | 'deploy' | 'output';

export interface InputSpec {
  /** Human label (task.json). */
  label: string;
  description: string;
  group: InputGroup;
  /** Required in the action and the task (the CLI checks what its command needs). */
  required?: boolean;
  /** Never from argv or logs: the CLI reads it from an environment variable only. */
  secret?: boolean;
  default?: string;
  /** `boolean` and `pickList` become native task.json types; `options` lists the pick list. */
  type?: 'string' | 'boolean' | 'pickList';
  options?: readonly string[];
  /** Doors that have the input (default: all). */
  doors?: readonly Door[];
  /** CLI commands that take it (default: every command that runs the pipeline). */
  commands?: readonly string[];
  /** A CLI option that may be given more than once (NAME=VALUE pairs). */
  repeatable?: boolean;
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const AUTH_KIND_NAMES = [
  'github-oidc',
  'azure-devops',
  'managed-identity',
  'workload-identity',
  'azure-cli',
] as const;

export const INPUTS = {
  mode: {
    label: 'Mode',
    group: 'source',
    type: 'pickList',
    options: MODES,
    default: 'plan',
    commands: ['run'],
    description:
      'checkout | validate | plan | deploy | verify | extract. validate and plan never write to Azure; verify fails when live APIM differs from the commit; extract writes the live instance as the APIOps layout.',
  },
  'gogs-url': {
    label: 'Gogs URL',
    group: 'source',
    required: true,
    commands: ['run'],
    description: 'Base URL of the Gogs server, e.g. https://gogs.example.com (https only).',
  },
  'allow-insecure-http': {
    label: 'Allow http:// for Gogs',
    group: 'source',
    type: 'boolean',
    default: 'false',
    commands: ['run'],
    description:
      'Accept an http:// gogs-url, which sends the token in cleartext. Only for an isolated test network; logged as a warning.',
  },
  repository: {
    label: 'Gogs repository',
    group: 'source',
    required: true,
    commands: ['run'],
    description: 'Policy repository on Gogs, owner/name.',
  },
  ref: {
    label: 'Ref',
    group: 'source',
    commands: ['run', 'plan', 'deploy', 'verify'],
    description:
      "Branch, tag or full commit SHA (default: the repository's default branch). For a local checkout: the ref the commit came from, for provenance.",
  },
  token: {
    label: 'Gogs token',
    group: 'source',
    required: true,
    secret: true,
    commands: ['run'],
    description:
      'Gogs access token of a read-only bot user. Never written to disk or logs. CLI: the GOGS_TOKEN environment variable.',
  },
  path: {
    label: 'Checkout path',
    group: 'source',
    default: 'apim-policies',
    commands: ['run'],
    description: 'Where to check the repository out, relative to the workspace. Must be missing or empty.',
  },
  'fetch-depth': {
    label: 'Fetch depth',
    group: 'source',
    default: '1',
    commands: ['run'],
    description: 'Commits of history to fetch; 0 for all.',
  },
  'sync-mirror': {
    label: 'Sync the Gogs mirror first',
    group: 'source',
    type: 'boolean',
    default: 'false',
    commands: ['run'],
    description: 'Ask a Gogs pull mirror to sync first and wait for the new commit.',
  },
  'gogs-ca-file': {
    label: 'Gogs CA file',
    group: 'source',
    commands: ['run'],
    description: 'PEM file of a private CA that signed the Gogs certificate.',
  },
  commit: {
    label: 'Commit',
    group: 'source',
    doors: ['cli'],
    commands: ['plan', 'deploy', 'verify'],
    description: 'Full SHA of the local checkout (default: git rev-parse HEAD in the directory).',
  },
  'repository-url': {
    label: 'Repository URL',
    group: 'source',
    doors: ['cli'],
    commands: ['plan', 'deploy', 'verify'],
    description: 'URL of the repository, recorded as provenance.',
  },
  'run-url': {
    label: 'Run URL',
    group: 'source',
    doors: ['cli'],
    commands: ['plan', 'deploy', 'verify'],
    description: 'URL of the CI run, recorded as provenance.',
  },
  root: {
    label: 'Repository root',
    group: 'source',
    doors: ['cli'],
    commands: ['validate'],
    description:
      'With FILE arguments: the repository they belong to (default: the nearest folder above the first file that holds .apim-gogs.yaml, .git or apis/).',
  },
  'artifacts-path': {
    label: 'Artifacts path',
    group: 'source',
    commands: ['run', 'validate', 'explain', 'plan', 'deploy', 'verify', 'extract'],
    description:
      'Folder of the repository that holds the APIOps layout, e.g. apimartifacts (default: the repository root). extract writes there.',
  },
  config: {
    label: 'Ruleset file',
    group: 'validation',
    description: 'Ruleset file (default: .apim-gogs.yaml in the repository, if present).',
  },
  environment: {
    label: 'Environment',
    group: 'validation',
    description:
      'Environment name: per-environment rules, template values from environments/<name>.yaml, the deployment record.',
  },
  var: {
    label: 'Template value',
    group: 'validation',
    doors: ['cli'],
    repeatable: true,
    description:
      'NAME=VALUE template value (repeatable); wins over the environment file. Validated like the file.',
  },
  'external-named-values': {
    label: 'External named values',
    group: 'validation',
    description: 'Comma-separated named values defined outside the repository (not reported as missing).',
  },
  'fail-severity': {
    label: 'Fail severity',
    group: 'validation',
    type: 'pickList',
    options: SEVERITIES,
    default: 'error',
    description: 'Fail on findings at or above: error | warning | info.',
  },
  'pull-request': {
    label: 'Pull request',
    group: 'validation',
    doors: ['ci'],
    description: 'Gogs pull request number: the plan is posted there as one comment, updated in place.',
  },
  'base-ref': {
    label: 'Pull request base',
    group: 'validation',
    doors: ['ci'],
    description:
      "Pull request target branch, for annotating only changed files (default: the repository's default branch).",
  },
  auth: {
    label: 'Azure sign-in',
    group: 'azure',
    type: 'pickList',
    options: AUTH_KIND_NAMES,
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description:
      'github-oidc | azure-devops | managed-identity | workload-identity | azure-cli (default: github-oidc in GitHub Actions, needs permissions id-token: write; azure-devops in Azure Pipelines; azure-cli in the CLI).',
  },
  'tenant-id': {
    label: 'Tenant ID',
    group: 'azure',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description: 'Entra tenant of the app registration (Azure Pipelines: from the service connection).',
  },
  'client-id': {
    label: 'Client ID',
    group: 'azure',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description:
      'Client ID of the app registration (or user-assigned managed identity) that holds the federated credential.',
  },
  audience: {
    label: 'OIDC audience',
    group: 'azure',
    default: 'api://AzureADTokenExchange',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description: 'Audience of the OIDC ID token asked from the CI (github-oidc).',
  },
  'subscription-id': {
    label: 'Subscription ID',
    group: 'azure',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description:
      'Subscription of the APIM service (a UUID). Azure Pipelines: default, the subscription of the service connection.',
  },
  'resource-group': {
    label: 'Resource group',
    group: 'azure',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description: 'Resource group of the APIM service.',
  },
  'service-name': {
    label: 'APIM service',
    group: 'azure',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description: 'Name of the APIM service.',
  },
  'arm-endpoint': {
    label: 'ARM endpoint',
    group: 'azure',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description:
      'Azure Resource Manager endpoint (default https://management.azure.com; another cloud, or the emulator).',
  },
  'authority-host': {
    label: 'Entra authority host',
    group: 'azure',
    commands: ['run', 'plan', 'deploy', 'verify', 'blame', 'extract'],
    description: 'Entra authority host (default https://login.microsoftonline.com).',
  },
  concurrency: {
    label: 'Concurrency',
    group: 'deploy',
    default: '4',
    commands: ['run', 'plan', 'deploy', 'verify', 'extract'],
    description: 'ARM requests in flight at once (1 to 64).',
  },
  apis: {
    label: 'APIs',
    group: 'deploy',
    commands: ['run', 'plan', 'deploy', 'verify', 'extract'],
    description: 'Comma-separated API ids: deploy (or extract) only their API and operation policies.',
  },
  products: {
    label: 'Products',
    group: 'deploy',
    commands: ['run', 'plan', 'deploy', 'verify', 'extract'],
    description: 'Comma-separated product ids: deploy (or extract) only their product policies.',
  },
  workspaces: {
    label: 'Workspaces',
    group: 'deploy',
    commands: ['run', 'extract'],
    description:
      'extract: only these APIM workspaces (comma-separated workspace ids); default: the service and every workspace.',
  },
  prune: {
    label: 'Prune',
    group: 'deploy',
    type: 'boolean',
    default: 'false',
    commands: ['run', 'plan', 'deploy'],
    description: 'Delete live resources that apim-gogs deployed and the repository no longer has.',
  },
  'plan-scope': {
    label: 'Plan scope',
    group: 'deploy',
    type: 'pickList',
    options: ['auto', 'full'],
    default: 'auto',
    commands: ['run', 'plan', 'deploy'],
    description:
      'auto: read only the resources that can differ from the commit the deployment record names, when that is safe (else full, and the plan says why); full: read every resource. verify always reads everything.',
  },
  'gogs-push': {
    label: 'Push the extract to Gogs',
    group: 'deploy',
    type: 'boolean',
    default: 'false',
    commands: ['run', 'extract'],
    description:
      'extract: commit the result to a new branch of the Gogs repository and give the link that opens its pull request. The token needs write access for this step only.',
  },
  'include-extra': {
    label: 'Include extra resources',
    group: 'deploy',
    type: 'boolean',
    default: 'false',
    commands: ['run', 'verify'],
    description: 'verify: also report live resources apim-gogs deployed that the commit no longer has.',
  },
  format: {
    label: 'Report format',
    group: 'output',
    doors: ['cli'],
    commands: ['validate', 'plan', 'deploy', 'verify'],
    description:
      'validate: stylish | json | sarif | github | azure-pipelines | markdown (default stylish); plan, deploy, verify: text | json (default text).',
  },
  output: {
    label: 'Report file',
    group: 'output',
    doors: ['cli'],
    commands: ['validate', 'plan', 'deploy', 'verify'],
    description: 'Write the report (validate), plan, record (deploy) or drift report (verify) to this file.',
  },
  'outputs-file': {
    label: 'Outputs file',
    group: 'output',
    doors: ['cli'],
    description: 'Append name=value outputs to this file (as GITHUB_OUTPUT would be).',
  },
  'summary-file': {
    label: 'Summary file',
    group: 'output',
    doors: ['cli'],
    description: 'Append the markdown run summary to this file.',
  },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

export const spec = (name: InputName): InputSpec => INPUTS[name];

/** Inputs a door has, in table order. */
export function inputsOf(door: Door): InputName[] {
  return (Object.keys(INPUTS) as InputName[]).filter((n) => {
    const doors = spec(n).doors;
    return !doors || doors.includes(door);
  });
}

/** Options a CLI command takes. */
export function cliOptionsOf(command: string): InputName[] {
  return inputsOf('cli').filter((n) => {
    const s = spec(n);
    if (s.secret) return false;
    if (n === 'outputs-file' || n === 'summary-file') return true;
    return !s.commands || s.commands.includes(command);
  });
}

/** The environment variable that sets an input in the CLI. */
export const envName = (name: InputName): string =>
  name === 'token' ? 'GOGS_TOKEN' : `APIM_GOGS_${name.toUpperCase().replace(/-/g, '_')}`;

/** Outputs: the action's names (kebab-case); the task sets them in camelCase (task.json's pattern). */
export const OUTPUTS = {
  'commit-sha': 'The exact commit checked out (or given)',
  ref: 'The ref that was resolved (refs/heads/..., refs/tags/..., or the SHA)',
  diagnostics: 'Number of validation findings',
  changes: 'Number of resources the plan creates, updates or deletes',
  'plan-scope': 'full or incremental: which resources the plan read',
  plan: 'Path of the plan (JSON)',
  record: 'Path of the deployment record (JSON; every ARM request, content hashes, identity)',
  drift: 'verify mode: true when live APIM differs from the commit',
  'drift-report': 'verify mode: path of the drift report (JSON)',
  'extract-files': 'extract mode: number of files written',
  branch: 'extract with gogs-push: the branch the extract was pushed to',
  'compare-url': 'extract with gogs-push: the Gogs link that opens the pull request',
} as const;
export type OutputName = keyof typeof OUTPUTS;

/** task.json names inputs and output variables in camelCase. */
export const camelCase = (name: string): string =>
  name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
