import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { formatReport } from '../../src/report/index.js';
import { validateRepository } from '../../src/validate/index.js';
import { corpusPolicies } from '../policy/corpus-files.js';
import { hasShared, projectRoot, sharedDir } from '../support/shared.js';
import { makeRepo } from '../validate/helpers.js';

// The project's metadata and output checked against the schemas their owners publish (copies in this
// folder, see SOURCE.md): what the Azure DevOps marketplace, the GitHub Actions runner and code
// scanning would refuse fails here first.
const schemaFile = (name: string) =>
  JSON.parse(readFileSync(path.join(projectRoot, 'test/schemas', name), 'utf8'));

/**
 * The task schema is draft-04 (`id`, boolean exclusiveMaximum); the other two are draft-07. Patterns
 * are read as JavaScript regular expressions without the `u` flag: the task schema writes `\:`, which
 * is an invalid escape in unicode mode but means ':' everywhere else.
 */
function compile(name: string): ValidateFunction {
  const schema = schemaFile(name);
  const options = { allErrors: true, strict: false, unicodeRegExp: false };
  const ajv = schema.$schema.includes('draft-04') ? new AjvDraft04(options) : new Ajv(options);
  addFormats(ajv as unknown as Ajv);
  return ajv.compile(schema);
}

interface TaskInput {
  name: string;
  type: string;
  label: string;
  helpMarkDown?: string;
  groupName: string;
  defaultValue?: string;
  options?: Record<string, string>;
}

/** Readable errors: where, and what the schema says. */
const problems = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );

function expectValid(validate: ValidateFunction, value: unknown) {
  validate(value);
  expect(problems(validate.errors)).toEqual([]);
}

describe('azure-pipelines/apim-gogs/task.json', () => {
  const task = JSON.parse(
    readFileSync(path.join(projectRoot, 'azure-pipelines/apim-gogs/task.json'), 'utf8'),
  );

  it('is valid against the Azure Pipelines task schema (tasks.schema.json)', () => {
    expectValid(compile('azure-pipelines-task.schema.json'), task);
  });

  it('names its output variables as the schema allows: letters and digits only', () => {
    const names = task.outputVariables.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(['commitSha', 'driftReport']));
    for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  // What the pipeline editor's task assistant shows: a label, help and a group for each input, a
  // drop-down where the input is a choice and a check box where it is a switch.
  it('gives every input a human label, help text and a declared group', () => {
    const groups = new Set(task.groups.map((g: { name: string }) => g.name));
    for (const input of task.inputs as TaskInput[]) {
      expect({ name: input.name, label: input.label === input.name }).toEqual({
        name: input.name,
        label: false,
      });
      expect(input.helpMarkDown?.length ?? 0).toBeGreaterThan(10);
      expect(groups.has(input.groupName)).toBe(true);
    }
  });

  it('offers choices as pickList and switches as boolean', () => {
    const byName = new Map((task.inputs as TaskInput[]).map((i) => [i.name, i]));
    expect(byName.get('mode')).toMatchObject({
      type: 'pickList',
      options: {
        checkout: expect.any(String),
        validate: expect.any(String),
        plan: expect.any(String),
        deploy: expect.any(String),
        verify: expect.any(String),
      },
      defaultValue: 'plan',
    });
    expect(Object.keys(byName.get('failSeverity')?.options ?? {}).sort()).toEqual([
      'error',
      'info',
      'warning',
    ]);
    expect(byName.get('failSeverity')?.type).toBe('pickList');
    for (const input of byName.values()) {
      if (input.defaultValue === 'true' || input.defaultValue === 'false')
        expect([input.name, input.type]).toEqual([input.name, 'boolean']);
      if (input.type === 'pickList' && input.defaultValue)
        expect(Object.keys(input.options!)).toContain(input.defaultValue);
    }
  });

  it('the schema refuses what it is meant to refuse (a kebab-case output name)', () => {
    const validate = compile('azure-pipelines-task.schema.json');
    expect(validate({ ...task, outputVariables: [{ name: 'commit-sha' }] })).toBe(false);
  });
});

describe('action.yml', () => {
  it('is valid against the GitHub Actions metadata schema', () => {
    const action = YAML.parse(readFileSync(path.join(projectRoot, 'action.yml'), 'utf8'));
    expectValid(compile('github-action.schema.json'), action);
  });

  it('the schema refuses what it is meant to refuse (a runtime GitHub does not have)', () => {
    const action = YAML.parse(readFileSync(path.join(projectRoot, 'action.yml'), 'utf8'));
    const validate = compile('github-action.schema.json');
    expect(validate({ ...action, runs: { ...action.runs, using: 'node8' } })).toBe(false);
  });
});

describe('SARIF from the validator', () => {
  const validate = compile('sarif-2.1.0.schema.json');
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
  });

  // One repository per kind of finding a SARIF consumer must take: none, lint and security warnings,
  // syntax errors at odd positions, schema and reference errors, file names that need URI escaping.
  const repositories: [string, Record<string, string>][] = [
    [
      'a clean repository',
      { 'policy.xml': '<policies><inbound /><backend><forward-request /></backend></policies>' },
    ],
    [
      'syntax errors, an unclosed expression, a DTD',
      {
        'apis/a/policy.xml':
          '<policies><inbound><base />\n<set-variable name="x" value="@(1 + " /></inbound></policies>',
        'apis/b/policy.xml': '<!DOCTYPE p [<!ENTITY x "y">]><policies>&x;</policies>',
        'apis/c/policy.xml': '',
      },
    ],
    [
      'schema, reference, lint and security findings in names with spaces and non-ASCII letters',
      {
        'policy.xml': '<policies><inbound><base /></inbound></policies>',
        'apis/échange api/policy.xml':
          '<policies><inbound><base /><set-header name="Authorization" exists-action="override"><value>Basic c2VjcmV0</value></set-header><frobnicate /><include-fragment fragment-id="missing" /><cors><allowed-origins><origin>*</origin></allowed-origins></cors></inbound><backend><base /></backend><outbound /></policies>',
        'products/p 1/policy.xml':
          '<policies><inbound><rewrite-uri template="/x" /><base /></inbound></policies>',
      },
    ],
  ];

  it.each(repositories)('for %s is valid SARIF 2.1.0', async (_name, files) => {
    root = await makeRepo(files);
    const sarif = JSON.parse(formatReport(await validateRepository({ root }), 'sarif'));
    expectValid(validate, sarif);
  });

  it('for the test fixture repository is valid SARIF 2.1.0', async () => {
    const sarif = JSON.parse(
      formatReport(
        await validateRepository({ root: path.join(projectRoot, 'test/fixtures/policy-repo') }),
        'sarif',
      ),
    );
    expectValid(validate, sarif);
  });

  (hasShared ? it : it.skip)('for the real policies in ../shared/corpus is valid SARIF 2.1.0', async () => {
    expect(corpusPolicies().length).toBeGreaterThan(0);
    const result = await validateRepository({ root: path.join(sharedDir, 'corpus') });
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expectValid(validate, JSON.parse(formatReport(result, 'sarif')));
  });

  it('the schema refuses what it is meant to refuse (a result level SARIF does not have)', async () => {
    root = await makeRepo(repositories[1][1]);
    const sarif = JSON.parse(formatReport(await validateRepository({ root }), 'sarif'));
    sarif.runs[0].results[0].level = 'fatal';
    expect(validate(sarif)).toBe(false);
  });
});
