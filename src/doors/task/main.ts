// First: takes the secret inputs before the task library loads (see secret-inputs.ts).
import { secretInput } from './secret-inputs.js';
import * as tl from 'azure-pipelines-task-lib/task.js';
import { runPipeline } from '../../pipeline/run.js';
import { readSettings } from '../../pipeline/settings.js';
import { azurePipelinesHost, taskInput } from './azure-pipelines-host.js';

// Azure DevOps task entry point: maps the task's inputs and runs the one pipeline.
const host = azurePipelinesHost();
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
    code === 0 ? '' : `apim-gogs exited with code ${code}`,
  );
  process.exitCode = code;
});
