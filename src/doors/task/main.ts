import * as tl from 'azure-pipelines-task-lib/task.js';
import { runJob } from '../../pipeline/run.js';
import { azurePipelinesHost } from './azure-pipelines-host.js';

// Azure DevOps task entry point.
void runJob(azurePipelinesHost()).then((code) => {
  tl.setResult(
    code === 0 ? tl.TaskResult.Succeeded : tl.TaskResult.Failed,
    code === 0 ? '' : `apim-gogs exited with code ${code}`,
  );
  process.exitCode = code;
});
