// The metadata generated from the one input table (src/pipeline/inputs.ts): action.yml, the Azure DevOps
// task's task.json, and the README's input and output tables. Pure: scripts/gen-metadata.ts writes the
// files, test/action-metadata.test.ts compares them.
import {
  camelCase,
  inputsOf,
  OUTPUTS,
  spec,
  type InputGroup,
  type InputName,
} from '../src/pipeline/inputs.js';
import { version } from '../src/shared/version.js';

const ci = inputsOf('ci');

// ---- action.yml
const yamlString = (s: string): string => JSON.stringify(s);
export const actionYml = (): string =>
  [
    '# Generated from src/pipeline/inputs.ts by scripts/gen-metadata.ts (npm run package): edit the table, not this file.',
    'name: apim-gogs',
    'description: Check out Azure API Management policies from Gogs at an exact commit, validate them, and deploy them with federated credentials.',
    'author: apim-gogs',
    'branding:',
    '  icon: shield',
    '  color: blue',
    '',
    'inputs:',
    ...ci.flatMap((n) => {
      const s = spec(n);
      return [
        `  ${n}:`,
        `    description: ${yamlString(s.description)}`,
        ...(s.required ? ['    required: true'] : []),
        ...(s.default !== undefined ? [`    default: ${yamlString(s.default)}`] : []),
      ];
    }),
    '',
    'outputs:',
    ...Object.entries(OUTPUTS).flatMap(([n, d]) => [`  ${n}:`, `    description: ${yamlString(d)}`]),
    '',
    'runs:',
    '  using: node24',
    '  main: dist/index.js',
    '  post: dist/post/index.js',
    '',
  ].join('\n');

// ---- task.json
const GROUPS: Record<InputGroup, string> = {
  source: 'Gogs repository',
  validation: 'Validation',
  azure: 'Azure sign-in and service',
  deploy: 'Deployment',
  output: 'Output',
};
const [major, minor, patch] = version.split('.').map(Number);
const taskInput = (n: InputName) => {
  const s = spec(n);
  return {
    name: camelCase(n),
    type: s.type === 'boolean' ? 'boolean' : s.type === 'pickList' ? 'pickList' : 'string',
    label: s.label,
    required: s.required ?? false,
    ...(s.default !== undefined ? { defaultValue: s.default } : {}),
    groupName: s.group,
    helpMarkDown: s.description,
    ...(s.options ? { options: Object.fromEntries(s.options.map((o) => [o, o])) } : {}),
  };
};
export const taskJson = (): string => `${JSON.stringify(task, null, 2)}\n`;
const task = {
  $schema: 'https://raw.githubusercontent.com/Microsoft/azure-pipelines-task-lib/master/tasks.schema.json',
  id: '6b7a3c1e-52c4-4c0e-9f0a-2d7f3e9a6a11',
  name: 'ApimGogs',
  friendlyName: 'APIM policies from Gogs',
  description:
    'Check out APIM policies from Gogs at an exact commit, validate them and deploy them with workload identity federation.',
  helpMarkDown:
    'Generated from src/pipeline/inputs.ts. Exit codes: 0 clean, 1 findings or drift, 2 configuration error, 3 rolled back, 4 not fully rolled back, 5 internal error.',
  category: 'Deploy',
  author: 'apim-gogs',
  version: { Major: major, Minor: minor, Patch: patch },
  minimumAgentVersion: '3.232.1',
  instanceNameFormat: 'apim-gogs $(mode)',
  groups: [...new Set(ci.map((n) => spec(n).group))].map((g) => ({
    name: g,
    displayName: GROUPS[g],
    isExpanded: g === 'source' || g === 'azure',
  })),
  inputs: [
    {
      name: 'azureServiceConnection',
      type: 'connectedService:AzureRM',
      label: 'Azure service connection (workload identity federation)',
      required: false,
      groupName: 'azure',
      helpMarkDown:
        'Used for sign-in when auth is azure-devops (tenant and client come from it); map System.AccessToken into SYSTEM_ACCESSTOKEN.',
    },
    ...ci.map(taskInput),
  ],
  outputVariables: Object.entries(OUTPUTS).map(([n, d]) => ({ name: camelCase(n), description: d })),
  // The task may set only its own output variables: a hostile file name that slipped through the
  // neutraliser still could not set a pipeline variable. (Commands stay in mode 'any': the agent's
  // 'restricted' mode also refuses task.uploadsummary and build.addbuildtag, which the task uses.)
  restrictions: {
    settableVariables: { allowed: Object.keys(OUTPUTS).map(camelCase) },
  },
  execution: {
    Node24: { target: 'dist/index.js' },
    Node20_1: { target: 'dist/index.js' },
  },
};

// ---- README tables
const cell = (s: string) => s.replace(/\|/g, '\\|');
const inputTable = [
  '| Input | Default | Description |',
  '|---|---|---|',
  ...ci.map((n) => {
    const s = spec(n);
    return `| \`${n}\`${s.required ? ' (required)' : ''} | ${s.default !== undefined ? `\`${s.default}\`` : ''} | ${cell(s.description)} |`;
  }),
].join('\n');
const outputTable = [
  '| Output (action) | Variable (task) | Description |',
  '|---|---|---|',
  ...Object.entries(OUTPUTS).map(([n, d]) => `| \`${n}\` | \`${camelCase(n)}\` | ${cell(d)} |`),
].join('\n');
export function readmeWithTables(readme: string): string {
  for (const [marker, table] of [
    ['inputs', inputTable],
    ['outputs', outputTable],
  ] as const) {
    const re = new RegExp(`(<!-- ${marker}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`);
    if (re.test(readme)) readme = readme.replace(re, (_, a: string, b: string) => `${a}${table}\n${b}`);
  }
  return readme;
}
