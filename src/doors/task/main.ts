// First: takes the secret inputs before the task library loads (see secret-inputs.ts).
import { secretInput } from './secret-inputs.js';
import * as tl from 'azure-pipelines-task-lib/task.js';
import { runPipeline } from '../../pipeline/run.js';
import { readSettings } from '../../pipeline/settings.js';
import type { Host } from '../../shared/host.js';
import { azurePipelinesHost, taskInput } from './azure-pipelines-host.js';
import { taskResultMessage } from './result-message.js';

// Azure DevOps task entry point: maps the task's inputs and runs the one pipeline.
const pipelinesHost = azurePipelinesHost();
const outputs = new Map<string, string>();
// Outputs are remembered so that the failure reason can tell drift from findings.
const host: Host = {
  ...pipelinesHost,
  setOutput(name, value) {
    outputs.set(name, value);
    pipelinesHost.setOutput(name, value);
  },
};
void runPipeline(host, () => {
  const token = secretInput('token');
  if (token) host.setSecret(token);
  return readSettings(
    { get: taskInput },
    {
      door: 'ci',
      defaultAuth: 'azure-devops',
      workspace: host.runInfo().workspace,
      serviceConnection: host.azureServiceConnection?.(),
    },
  );
}).then((code) => {
  tl.setResult(
    code === 0 ? tl.TaskResult.Succeeded : tl.TaskResult.Failed,
    code === 0 ? '' : taskResultMessage(code, { drift: outputs.get('drift') === 'true' }),
  );
  process.exitCode = code;
});
