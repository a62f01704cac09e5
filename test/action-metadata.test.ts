import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { INPUTS } from '../src/pipeline/inputs.js';
import { version } from '../src/shared/version.js';
import { projectRoot } from './support/shared.js';

// action.yml, task.json and the core's input table describe the same inputs: a rename in one place
// that is not made in the others would silently drop a user's setting.
test('action.yml declares exactly the inputs the core reads, with the same defaults', async () => {
  const action = YAML.parse(await readFile(path.join(projectRoot, 'action.yml'), 'utf8'));
  expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
  for (const [name, spec] of Object.entries(INPUTS)) {
    const declared = action.inputs[name];
    expect({ name, default: declared.default, required: declared.required ?? false }).toEqual({
      name,
      default: 'default' in spec ? spec.default : undefined,
      required: 'required' in spec ? spec.required : false,
    });
  }
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js' });
});

test('the Azure DevOps task declares the same inputs in camelCase', async () => {
  const task = JSON.parse(
    await readFile(path.join(projectRoot, 'azure-pipelines/apim-gogs/task.json'), 'utf8'),
  );
  const camel = (n: string) => n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const names = task.inputs
    .map((i: { name: string }) => i.name)
    .filter((n: string) => n !== 'azureServiceConnection');
  expect(names.sort()).toEqual(Object.keys(INPUTS).map(camel).sort());
  expect(Object.keys(task.execution).sort()).toEqual(['Node20_1', 'Node24']);
});

test('the version is the package version', async () => {
  const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8'));
  expect(version).toBe(pkg.version);
});
