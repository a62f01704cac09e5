import { runPipeline } from '../../pipeline/run.js';
import { readSettings } from '../../pipeline/settings.js';
import { githubHost } from './github-host.js';
import { getInput } from './workflow-commands.js';

// GitHub Action main step: maps the action's inputs and runs the one pipeline.
// (No top-level await: the bundler treats entry points as scripts.)
const host = githubHost();
void runPipeline(host, () => {
  const token = getInput('token');
  if (token) host.setSecret(token);
  return readSettings(
    { get: getInput },
    { door: 'ci', defaultAuth: 'github-oidc', workspace: host.runInfo().workspace },
  );
}).then((code) => {
  process.exitCode = code;
});
