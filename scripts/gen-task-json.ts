// Writes azure-pipelines/apim-gogs/task.json from the core's input table, so the Azure DevOps task
// and the GitHub Action can never disagree about inputs. Run by `npm run package`.
import { writeFileSync } from 'node:fs';
import { INPUTS } from '../src/pipeline/inputs.js';
import { taskInputName } from '../src/doors/task/task-input-name.js';
import { version } from '../src/shared/version.js';

const [major, minor, patch] = version.split('.').map(Number);
const task = {
  $schema: 'https://raw.githubusercontent.com/Microsoft/azure-pipelines-task-lib/master/tasks.schema.json',
  id: '6b7a3c1e-52c4-4c0e-9f0a-2d7f3e9a6a11',
  name: 'ApimGogs',
  friendlyName: 'APIM policies from Gogs',
  description:
    'Check out APIM policies from Gogs at an exact commit, validate them and deploy them with workload identity federation.',
  category: 'Deploy',
  author: 'apim-gogs',
  version: { Major: major, Minor: minor, Patch: patch },
  minimumAgentVersion: '3.232.1',
  instanceNameFormat: 'apim-gogs $(mode)',
  inputs: [
    {
      name: 'azureServiceConnection',
      type: 'connectedService:AzureRM',
      label: 'Azure service connection (workload identity federation)',
      required: false,
      helpMarkDown:
        'Used for sign-in when auth is azure-devops; map System.AccessToken into SYSTEM_ACCESSTOKEN.',
    },
    ...Object.entries(INPUTS).map(([name, spec]) => ({
      name: taskInputName(name),
      type: 'string',
      label: name,
      required: 'required' in spec ? spec.required : false,
      ...('default' in spec ? { defaultValue: spec.default } : {}),
      helpMarkDown: spec.description,
    })),
  ],
  outputVariables: [
    { name: 'commit-sha', description: 'The exact commit checked out' },
    { name: 'ref', description: 'The ref that was resolved' },
    { name: 'diagnostics', description: 'Number of validation findings' },
    { name: 'changes', description: 'Number of resources the plan creates, updates or deletes' },
    { name: 'plan', description: 'Path of the plan (JSON)' },
    { name: 'record', description: 'Path of the deployment record (JSON)' },
    { name: 'drift', description: 'verify mode: true when live APIM differs from the commit' },
    { name: 'drift-report', description: 'verify mode: path of the drift report (JSON)' },
  ],
  execution: {
    Node24: { target: 'dist/index.js' },
    Node20_1: { target: 'dist/index.js' },
  },
};
writeFileSync('azure-pipelines/apim-gogs/task.json', `${JSON.stringify(task, null, 2)}\n`);
