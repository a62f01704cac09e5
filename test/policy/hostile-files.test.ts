import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { desiredState } from '../../src/deploy/desired.js';
import { findApiopsConfiguration, readApiopsConfiguration } from '../../src/policy/apiops-config.js';
import { loadRepository } from '../../src/policy/layout.js';
import { loadEnvironmentValues } from '../../src/policy/template.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { loadRuleset } from '../../src/validate/config.js';
import { ALL_RULES, validateRepository } from '../../src/validate/index.js';

/**
 * Issue 8, items 6, 7 and 13: nothing outside the checkout is read, sizes are checked before reads,
 * parse errors never quote the file, a YAML alias bomb is a configuration error. Hostile trees are
 * built here at test time (git does not keep symbolic links portably).
 */

const SECRET = 'hunter2-outside-the-checkout';
const POLICY =
  '<policies>\n  <inbound />\n  <backend><forward-request /></backend>\n  <outbound />\n  <on-error />\n</policies>\n';

async function tree(files: Record<string, string>): Promise<{ root: string; outside: string }> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-hostile-'));
  const root = path.join(base, 'checkout');
  const outside = path.join(base, 'outside');
  await mkdir(outside, { recursive: true });
  // What a runner has next to the checkout: a credentials file, a policy, a folder of them.
  await writeFile(path.join(outside, 'credentials'), `password: ${SECRET}\n`);
  await writeFile(
    path.join(outside, 'policy.xml'),
    POLICY.replace('<inbound />', `<inbound><!-- ${SECRET} --></inbound>`),
  );
  await mkdir(path.join(outside, 'api'), { recursive: true });
  await writeFile(path.join(outside, 'api', 'policy.xml'), POLICY);
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
  await mkdir(root, { recursive: true });
  return { root, outside };
}

async function link(root: string, rel: string, target: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await symlink(target, path.join(root, rel));
}

async function configurationError(promise: Promise<unknown>): Promise<ConfigurationError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ConfigurationError) return err;
    throw err;
  }
  throw new Error('no ConfigurationError was thrown');
}

const rules = ALL_RULES.map((r) => r.id);

describe('symbolic links in the repository are refused, naming the path', () => {
  it('environments/<env>.yaml linked to a credentials file: refused, its content never rendered or quoted', async () => {
    const { root, outside } = await tree({ 'policy.xml': POLICY });
    await link(root, 'environments/prod.yaml', path.join(outside, 'credentials'));
    const err = await configurationError(loadEnvironmentValues(root, 'prod'));
    expect(err.message).toContain("'environments/prod.yaml' is a symbolic link");
    expect(`${err.message} ${err.hint}`).not.toContain(SECRET);
    await expect(validateRepository({ root, environment: 'prod' })).rejects.toThrow(
      /environments\/prod\.yaml/,
    );
  });

  it('a linked environments folder is refused too', async () => {
    const { root, outside } = await tree({ 'policy.xml': POLICY });
    await writeFile(path.join(outside, 'prod.yaml'), `password: ${SECRET}\n`);
    await link(root, 'environments', outside);
    const err = await configurationError(loadEnvironmentValues(root, 'prod'));
    expect(err.message).toContain("'environments' is a symbolic link");
  });

  it('.apim-gogs.yaml linked elsewhere: refused', async () => {
    const { root, outside } = await tree({ 'policy.xml': POLICY });
    await link(root, '.apim-gogs.yaml', path.join(outside, 'credentials'));
    const err = await configurationError(loadRuleset(root, undefined, rules));
    expect(err.message).toContain("'.apim-gogs.yaml' is a symbolic link");
    expect(err.message).not.toContain(SECRET);
  });

  it.each([
    ['a policy.xml', 'apis/echo/policy.xml', 'policy.xml'],
    ['an API folder', 'apis/echo', 'api'],
    ['the global policy', 'policy.xml', 'policy.xml'],
    ['a fragment', 'policy fragments/cors/policy.xml', 'policy.xml'],
    ['an information JSON file', 'named values/key/namedValueInformation.json', 'credentials'],
  ])(
    '%s that is a link stops the load (never silently skipped, which prune would turn into a delete)',
    async (_what, rel, target) => {
      const { root, outside } = await tree({ 'apis/orders/policy.xml': POLICY });
      await link(root, rel, path.join(outside, target));
      const err = await configurationError(loadRepository(root));
      expect(err.message).toContain(`'${rel}' is a symbolic link`);
      expect(err.message).not.toContain(SECRET);
    },
  );

  it('an artifacts-path that is a link is refused', async () => {
    const { root, outside } = await tree({ 'README.md': '# x\n' });
    await link(root, 'artifacts', path.join(outside));
    const err = await configurationError(loadRepository(root, { artifactsPath: 'artifacts' }));
    expect(err.message).toContain("'artifacts' is a symbolic link");
  });

  it('an APIOps configuration.<env>.yaml that is a link is refused; one that does not parse is not quoted', async () => {
    const { root, outside } = await tree({ 'policy.xml': POLICY });
    await link(root, 'configuration.prod.yaml', path.join(outside, 'credentials'));
    const err = await configurationError(findApiopsConfiguration(root, 'prod'));
    expect(err.message).toContain("'configuration.prod.yaml' is a symbolic link");
    await writeFile(path.join(root, 'configuration.test.yaml'), `namedValues: [\n  - name: "${SECRET}\n`);
    const parse = await configurationError(readApiopsConfiguration(root, 'configuration.test.yaml'));
    expect(parse.message).toMatch(/^configuration\.test\.yaml:\d+:\d+: invalid YAML/);
    expect(parse.message).not.toContain(SECRET);
  });

  it('a link outside the layout that apim-gogs never reads (a README) does not get in the way', async () => {
    const { root } = await tree({ 'policy.xml': POLICY, 'docs/guide.md': '# guide\n' });
    await link(root, 'README.md', 'docs/guide.md');
    const repo = await loadRepository(root);
    expect(repo.policies.map((p) => p.file)).toEqual(['policy.xml']);
  });
});

describe('parse errors never quote the file', () => {
  it.each([
    ['environments/prod.yaml', `password: "${SECRET}\nother: [unclosed\n`],
    ['environments/prod.json', `{ "password": "${SECRET}", }`],
  ])('%s', async (rel, content) => {
    const { root } = await tree({ [rel]: content });
    const err = await configurationError(loadEnvironmentValues(root, 'prod'));
    expect(err.message).toContain(rel);
    expect(err.message).toMatch(/:\d+:\d+: invalid (YAML|JSON)/);
    expect(`${err.message} ${err.hint}`).not.toContain(SECRET);
  });

  it('.apim-gogs.yaml with a syntax error', async () => {
    const { root } = await tree({ '.apim-gogs.yaml': `rules: {\n  ${SECRET}: [error\n` });
    const err = await configurationError(loadRuleset(root, undefined, rules));
    expect(err.message).toMatch(/\.apim-gogs\.yaml:\d+:\d+: invalid YAML/);
    expect(err.message).not.toContain(SECRET);
  });

  it('an information JSON file that does not parse is a finding with a position, and stops the deployment', async () => {
    const rel = 'named values/key/namedValueInformation.json';
    const { root } = await tree({ [rel]: `{ "properties": { "value": "${SECRET}" ,, } }` });
    const repo = await loadRepository(root);
    expect(repo.problems).toEqual([expect.objectContaining({ file: rel, line: 1, unreadable: true })]);
    expect(repo.problems[0].message).not.toContain(SECRET);
    expect(desiredState(repo).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'deploy/unreadable-file', file: rel, severity: 'error' }),
    ]);
  });
});

describe('YAML alias bombs', () => {
  const bomb =
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';

  it('in .apim-gogs.yaml is a configuration error, not a crash', async () => {
    const { root } = await tree({ '.apim-gogs.yaml': bomb });
    const err = await configurationError(loadRuleset(root, undefined, rules));
    expect(err.message).toMatch(/\.apim-gogs\.yaml: too many YAML aliases/);
  });

  it('in environments/<env>.yaml too', async () => {
    const { root } = await tree({ 'environments/prod.yaml': bomb });
    const err = await configurationError(loadEnvironmentValues(root, 'prod'));
    expect(err.message).toMatch(/environments\/prod\.yaml: too many YAML aliases/);
  });
});

describe('sizes before reads; a bounded walk', () => {
  it('a 600 MB policy.xml is refused from its size, named, and stops the deployment', async () => {
    const { root } = await tree({ 'apis/echo/policy.xml': '' });
    // Sparse: 600 MB by lstat, no disk used; the loader must refuse it without reading it.
    await truncate(path.join(root, 'apis/echo/policy.xml'), 600 * 1024 * 1024);
    const repo = await loadRepository(root);
    expect(repo.problems).toEqual([
      expect.objectContaining({
        file: 'apis/echo/policy.xml',
        message: 'The document is 629145600 bytes; APIM accepts at most 262144.',
      }),
    ]);
    // Still a policy of the repository (so prune never deletes its live policy), but nothing deploys.
    expect(repo.policies.map((p) => p.file)).toEqual(['apis/echo/policy.xml']);
    expect(desiredState(repo).diagnostics.map((d) => d.ruleId)).toEqual(['deploy/unreadable-file']);
    const checked = await validateRepository({ root });
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({ file: 'apis/echo/policy.xml', ruleId: 'syntax', severity: 'error' }),
    ]);
  });

  it('an oversized environment file is refused before it is read', async () => {
    const { root } = await tree({ 'environments/prod.yaml': '' });
    await truncate(path.join(root, 'environments/prod.yaml'), 50 * 1024 * 1024);
    const err = await configurationError(loadEnvironmentValues(root, 'prod'));
    expect(err.message).toMatch(
      /'environments\/prod\.yaml' is 52428800 bytes; apim-gogs reads at most 1048576/,
    );
  });

  it('stops walking past the entry limit and reading past the byte limit, with clear errors', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`apis/api-${i}/policy.xml`] = POLICY;
    const { root } = await tree(files);
    expect((await loadRepository(root)).policies).toHaveLength(30);
    const many = await configurationError(loadRepository(root, { limits: { maxEntries: 40 } }));
    expect(many.message).toMatch(/more than 40 files and folders/);
    const big = await configurationError(loadRepository(root, { limits: { maxReadBytes: 1000 } }));
    expect(big.message).toMatch(/hold \d+ bytes; apim-gogs reads at most 1000 in one run/);
  });
});
