/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- started by plain node (MockTestRunner): CommonJS */
// Runs the task the way its authors' own tests do: azure-pipelines-task-lib's MockTestRunner picks the
// Node.js version task.json's execution handlers ask for, from its download folder under HOME, and
// starts run-task.cjs with it. Started as a process of its own because MockTestRunner waits for the
// task synchronously (spawnSync), which would freeze a test process that also serves the emulator.
// argv: task.json, result file. The result file receives what MockTestRunner saw, as JSON, and every
// ##vso command of the log read with the task library's own parser (MockTestRunner itself keeps only
// task.issue and task.complete; findings with a file and line are task.logissue).
const fs = require('node:fs');
const path = require('node:path');
const { MockTestRunner } = require('azure-pipelines-task-lib/mock-test');
const { commandFromString } = require('azure-pipelines-task-lib/taskcommand');

const [taskJson, resultFile] = process.argv.slice(2);
const runner = new MockTestRunner(path.join(__dirname, 'run-task.cjs'), taskJson);
runner.runAsync().then(() => {
  fs.writeFileSync(
    resultFile,
    JSON.stringify({
      nodePath: runner.nodePath,
      succeeded: runner.succeeded,
      errorIssues: runner.errorIssues,
      warningIssues: runner.warningIssues,
      stdout: runner.stdout,
      stderr: runner.stderr,
      commands: runner.stdout
        .split(/\r?\n/)
        .filter((line) => line.includes('##vso['))
        .map((line) => commandFromString(line.slice(line.indexOf('##vso['))))
        .map(({ command, properties, message }) => ({ command, properties, message })),
    }),
  );
});
