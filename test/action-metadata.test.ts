import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { actionYml, readmeWithTables, taskJson } from '../scripts/metadata.js';
import { camelCase, inputsOf, OUTPUTS, spec } from '../src/pipeline/inputs.js';
import { version } from '../src/shared/version.js';
import { projectRoot } from './support/shared.js';

// action.yml, task.json and the README's tables are generated from the one input table: a rename in one
// place that is not made in the others would silently drop a user's setting.
test.each([
  ['action.yml', actionYml],
  ['azure-pipelines/apim-gogs/task.json', taskJson],
  ['README.md', () => readmeWithTables(readFileSync(path.join(projectRoot, 'README.md'), 'utf8'))],
])(
  '%s is what the input table makes of it (regenerate: npx tsx scripts/gen-metadata.ts)',
  (file, generate) => {
    expect(readFileSync(path.join(projectRoot, file), 'utf8')).toBe(generate());
  },
);

test('action.yml declares exactly the CI inputs, with their defaults, and runs on node24 with a post step', async () => {
  const action = YAML.parse(await readFile(path.join(projectRoot, 'action.yml'), 'utf8'));
  expect(Object.keys(action.inputs)).toEqual(inputsOf('ci'));
  for (const name of inputsOf('ci')) {
    const s = spec(name);
    expect({
      name,
      default: action.inputs[name].default,
      required: action.inputs[name].required ?? false,
    }).toEqual({
      name,
      default: s.default,
      required: s.required ?? false,
    });
  }
  expect(Object.keys(action.outputs)).toEqual(Object.keys(OUTPUTS));
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js' });
});

test('the Azure DevOps task declares the same inputs in camelCase, native types, and may set only its outputs', async () => {
  const task = JSON.parse(
    await readFile(path.join(projectRoot, 'azure-pipelines/apim-gogs/task.json'), 'utf8'),
  );
  const inputs = task.inputs.filter((i: { name: string }) => i.name !== 'azureServiceConnection');
  expect(inputs.map((i: { name: string }) => i.name)).toEqual(inputsOf('ci').map(camelCase));
  expect(task.inputs.find((i: { name: string }) => i.name === 'prune').type).toBe('boolean');
  expect(Object.keys(task.inputs.find((i: { name: string }) => i.name === 'mode').options)).toContain(
    'deploy',
  );
  expect(task.restrictions.settableVariables.allowed).toEqual(Object.keys(OUTPUTS).map(camelCase));
  expect(Object.keys(task.execution).sort()).toEqual(['Node20_1', 'Node24']);
});

test('the version is the package version', async () => {
  const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8'));
  expect(version).toBe(pkg.version);
});
