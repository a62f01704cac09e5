/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- started by plain node (MockTestRunner): CommonJS */
// The task "test file" MockTestRunner starts: TaskMockRunner sets the task's inputs (INPUT_*, as the
// agent does) and runs the bundle. Nothing is mocked (run(true)): the bundle carries the real task
// library. APIM_GOGS_TASK_JOB names a JSON file { task, inputs }.
const fs = require('node:fs');
const { TaskMockRunner } = require('azure-pipelines-task-lib/mock-run');

const job = JSON.parse(fs.readFileSync(process.env.APIM_GOGS_TASK_JOB, 'utf8'));
delete process.env.APIM_GOGS_TASK_JOB;
const runner = new TaskMockRunner(job.task);
for (const [name, value] of Object.entries(job.inputs)) runner.setInput(name, value);
runner.run(true);
