import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../../src/shared/errors.js';
import { validateRepository } from '../../src/validate/index.js';
import { inbound, makeRepo } from './helpers.js';

const API = inbound(
  '<cors><allowed-origins><origin>*</origin></allowed-origins></cors><trace source="x"><message>m</message></trace>',
);

describe('ruleset (.apim-gogs.yaml) and inline suppression', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  const rulesOf = async (config?: string, environment?: string): Promise<string[]> => {
    if (config !== undefined) await writeFile(path.join(root, '.apim-gogs.yaml'), config);
    const r = await validateRepository({ root, environment });
    return r.diagnostics.map((d) => `${d.ruleId}:${d.severity}`);
  };

  it('sets severities, turns rules off, overrides per path and per environment', async () => {
    root = await makeRepo({ 'apis/a/policy.xml': API, 'apis/legacy/policy.xml': API });
    const config = [
      'extends: recommended',
      'rules:',
      '  cors-wildcard: error',
      '  rate-limit-required: off',
      '  authentication-required: off',
      'overrides:',
      '  - files: ["apis/legacy/**"]',
      '    rules: { cors-wildcard: off }',
      'environments:',
      '  prod:',
      '    protected: true',
    ].join('\n');
    expect(await rulesOf(config)).toEqual(['cors-wildcard:error']);
    expect(await rulesOf(undefined, 'prod')).toEqual([
      'cors-wildcard:error',
      'no-trace:error',
      'no-trace:error',
    ]);
  });

  it('matches override and ignore globs with braces, classes and negation', async () => {
    root = await makeRepo({
      'apis/orders/policy.xml': API,
      'apis/billing/policy.xml': API,
      'apis/v2/policy.xml': API,
      // Loose files (never deployed) are what ignore may skip: a deployed file is always validated.
      'drafts/legacy/broken.xml': '<policies><inbound>',
      'drafts/next/also-broken.xml': '<policies><inbound>',
    });
    const config = [
      'rules: { rate-limit-required: off, authentication-required: off }',
      'overrides:',
      '  - files: ["apis/{orders,billing}/**", "!apis/billing/**"]',
      '    rules: { cors-wildcard: error }',
      'ignore: ["drafts/[k-m]*/**", "drafts/n*/**"]',
    ].join('\n');
    await writeFile(path.join(root, '.apim-gogs.yaml'), config);
    const r = await validateRepository({ root });
    expect(r.diagnostics.map((d) => `${d.file} ${d.ruleId}:${d.severity}`)).toEqual([
      'apis/billing/policy.xml cors-wildcard:warning',
      'apis/orders/policy.xml cors-wildcard:error',
      'apis/v2/policy.xml cors-wildcard:warning',
    ]);
  });

  it('suppresses a named rule with an XML comment on the next element, or the whole file', async () => {
    const suppressed = inbound(
      '<!-- apim-gogs-disable cors-wildcard: partner portal needs it -->\n<cors>\n<allowed-origins><origin>*</origin></allowed-origins></cors>',
    );
    root = await makeRepo({
      'apis/a/policy.xml': suppressed,
      'apis/b/policy.xml': `<!-- apim-gogs-disable-file cors-wildcard -->\n${API}`,
      '.apim-gogs.yaml': 'rules: { rate-limit-required: off, authentication-required: off }',
    });
    expect(await rulesOf()).toEqual([]);
  });

  it('a broken ruleset is a ConfigurationError (exit 2) that says where and what', async () => {
    root = await makeRepo({ 'policy.xml': '<policies />' });
    await expect(rulesOf('rules:\n  cors-wildcrd: off')).rejects.toThrow(ConfigurationError);
    await expect(rulesOf('rules:\n  cors-wildcard: loud')).rejects.toThrow(/'loud' is not a severity/);
    await expect(rulesOf('rules: [\n')).rejects.toThrow(/invalid YAML/);
    await expect(rulesOf('colour: red')).rejects.toThrow(/colour is not a ruleset setting/);
  });

  it('declares external named values in the ruleset', async () => {
    root = await makeRepo({
      'policy.xml':
        '<policies><inbound><set-header name="x"><value>{{shared}}</value></set-header></inbound></policies>',
    });
    expect(await rulesOf('')).toEqual(['named-value-reference:error']);
    expect(await rulesOf('namedValues:\n  external: [shared]')).toEqual([]);
  });
});

describe('what deploys is always validated (issue 8, item 3)', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('refuses an ignore pattern that matches a file apim-gogs deploys, naming it', async () => {
    root = await makeRepo({ 'apis/legacy/policy.xml': API, '.apim-gogs.yaml': 'ignore: ["apis/legacy/**"]' });
    const run = validateRepository({ root });
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow(/ignore matches 'apis\/legacy\/policy\.xml', a file apim-gogs deploys/);
  });

  it('keeps syntax and schema errors of a deployed file, whatever the ruleset or an inline comment says', async () => {
    const broken =
      '<policies>\n  <inbound>\n    <set-backend-servce base-url="https://x.example" />\n  </inbound>\n</policies>\n';
    root = await makeRepo({
      'apis/a/policy.xml': `<!-- apim-gogs-disable-file unknown-policy -->\n${broken}`,
      'apis/b/policy.xml': '<policies>\n  <inbound>\n</policies>\n',
      'loose/c.xml': broken,
      '.apim-gogs.yaml': [
        'rules: { unknown-policy: off, syntax: warning, base-required: off, rate-limit-required: off, authentication-required: off }',
      ].join('\n'),
    });
    const r = await validateRepository({ root });
    expect(r.diagnostics.map((d) => `${d.file} ${d.ruleId}:${d.severity}`)).toEqual([
      'apis/a/policy.xml unknown-policy:error',
      'apis/b/policy.xml syntax:error',
    ]);
  });
});
