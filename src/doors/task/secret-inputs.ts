/**
 * Imported first by the task's entry point, before azure-pipelines-task-lib loads: the task library
 * moves every INPUT_* variable into its vault at load, and its getInput writes the value to the debug
 * log. The Gogs token is taken here from the agent's documented INPUT_TOKEN variable instead, and
 * removed from the environment so that no child process (git) inherits it.
 */
const captured = new Map<string, string>();
for (const name of ['TOKEN']) {
  const value = process.env[`INPUT_${name}`];
  if (value) captured.set(name.toLowerCase(), value);
  delete process.env[`INPUT_${name}`];
}

export function secretInput(name: string): string | undefined {
  return captured.get(name)?.trim() || undefined;
}
