import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadArtifacts } from '../../src/policy/artifacts.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { validateRepository } from '../../src/validate/index.js';
import { sharedDir } from '../support/shared.js';

const POLICY =
  '<policies><inbound><base /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-artifacts-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), text);
}

async function errorOf(p: Promise<unknown>): Promise<ConfigurationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigurationError);
  return err as ConfigurationError;
}

test('a layout in a subfolder is read with scopes from inside it and repository-relative file names', async () => {
  await put('apimartifacts/policy.xml', POLICY);
  await put('apimartifacts/apis/echo/operations/get/policy.xml', POLICY);
  await put(
    'apimartifacts/named values/nv1/namedValueInformation.json',
    '{"properties":{"displayName":"nv1","value":"x"}}',
  );
  await put('README.md', '# repo');
  const repo = await loadArtifacts(dir, 'apimartifacts');
  expect(repo.artifactsPath).toBe('apimartifacts');
  expect(repo.policies.map((p) => [p.file, p.scope])).toEqual([
    ['apimartifacts/apis/echo/operations/get/policy.xml', 'operation'],
    ['apimartifacts/policy.xml', 'global'],
  ]);
  expect(repo.namedValues.map((n) => [n.id, n.file])).toEqual([
    ['nv1', 'apimartifacts/named values/nv1/namedValueInformation.json'],
  ]);
  // ./ and a trailing slash name the same folder.
  expect((await loadArtifacts(dir, './apimartifacts/')).policies).toHaveLength(2);
});

test('the root of a repository whose layout is in a subfolder is refused with the folder to set', async () => {
  await put('apimartifacts/apis/echo/policy.xml', POLICY);
  const err = await errorOf(loadArtifacts(dir));
  expect(err.message).toMatch(/No APIOps layout in the repository root/);
  expect(err.hint).toMatch(/set artifacts-path: apimartifacts/);
  // validate says the same instead of checking the files as loose policies.
  await expect(validateRepository({ root: dir })).rejects.toThrow(/No APIOps layout/);
});

test('an empty folder, a missing folder and a folder outside the repository are configuration errors', async () => {
  expect((await errorOf(loadArtifacts(dir))).message).toMatch(/No policy files in the repository root/);
  await put('team-a/policy.xml', POLICY);
  const missing = await errorOf(loadArtifacts(dir, 'apim'));
  expect(missing.message).toMatch(/artifacts-path 'apim' does not exist/);
  expect(missing.hint).toMatch(/team-a/);
  expect((await errorOf(loadArtifacts(dir, '../elsewhere'))).message).toMatch(
    /not a folder inside the repository/,
  );
  expect((await errorOf(loadArtifacts(dir, '/etc'))).message).toMatch(/not a folder inside the repository/);
});

test('a folder of loose policies (no layout, no layout below) is still validated', async () => {
  await put('snippets/a.xml', POLICY);
  const repo = await loadArtifacts(dir);
  expect(repo.policies.map((p) => [p.file, p.scope])).toEqual([['snippets/a.xml', 'unknown']]);
});

const sample = path.join(sharedDir, 'reference', 'apiops-sample');
(existsSync(sample) ? describe : describe.skip)('the APIOps sample repository', () => {
  test('validates without a false error with artifacts-path SampleArtifacts', async () => {
    const result = await validateRepository({ root: sample, artifactsPath: 'SampleArtifacts' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.summary.files).toBeGreaterThanOrEqual(11);
    expect(result.diagnostics.every((d) => d.file.startsWith('SampleArtifacts/'))).toBe(true);
  });

  test('pointed at the repository root it names SampleArtifacts instead of reporting false errors', async () => {
    const err = await errorOf(validateRepository({ root: sample }));
    expect(err.hint).toMatch(/artifacts-path: SampleArtifacts/);
  });
});
