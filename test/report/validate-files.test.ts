import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { validateCommand } from '../../src/doors/cli/commands/validate.js';
import { makeRepo } from '../validate/helpers.js';

// `apim-gogs validate FILE…`, as a pre-commit hook or an editor calls it: the named files are checked
// in the context of their repository (a fragment defined elsewhere resolves) and only their findings
// are reported.
function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) }, out, err };
}

const CLEAN =
  '<policies><inbound><base /><rate-limit calls="5" renewal-period="60" /><validate-jwt header-name="Authorization"><openid-config url="https://login/x" /></validate-jwt></inbound><backend><base /></backend></policies>';
const USES_FRAGMENT = CLEAN.replace(
  '<base /><rate',
  '<base /><include-fragment fragment-id="correlation-id" /><rate',
);
const TYPO = CLEAN.replace('<base /><rate', '<base /><set-heder name="x" /><rate');

const repoFiles = {
  'policy fragments/correlation-id/policy.xml':
    '<fragment><set-header name="x-id" exists-action="skip"><value>1</value></set-header></fragment>',
  'policy fragments/correlation-id/policyFragmentInformation.json': '{"properties":{"format":"rawxml"}}',
  'apis/uses-fragment/policy.xml': USES_FRAGMENT,
  'apis/typo/policy.xml': TYPO,
};

describe('apim-gogs validate FILE…', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  test('a file whose fragment lives elsewhere in the repository: clean, and the other file’s finding is not reported', async () => {
    root = await makeRepo(repoFiles);
    const h = io();
    const code = await validateCommand.run(
      [path.join(root, 'apis/uses-fragment/policy.xml'), '--format', 'json'],
      h.io,
    );
    expect(JSON.parse(h.out.join('\n'))).toEqual({
      diagnostics: [],
      summary: { files: 1, errors: 0, warnings: 0, infos: 0 },
    });
    expect(code).toBe(0);
  });

  test('the file with the typo: its finding, at its repository-relative path, with the fix in the stylish report', async () => {
    root = await makeRepo(repoFiles);
    await mkdir(path.join(root, '.git')); // the root marker wins over apis/
    const h = io();
    const code = await validateCommand.run(
      [path.join(root, 'apis/typo/policy.xml'), path.join(root, 'apis/uses-fragment/policy.xml')],
      h.io,
    );
    expect(code).toBe(1);
    const out = h.out.join('\n');
    expect(out).toMatch(/^apis\/typo\/policy\.xml\n {2}1:\d+ +error +.*'set-heder'/m);
    expect(out).toContain("help: Did you mean 'set-header'?");
    expect(out).not.toContain('uses-fragment');
    expect(out.split('\n').pop()).toBe('2 files checked: 1 error, 0 warnings, 0 infos');
  });

  test('a quoted glob, relative to --root', async () => {
    root = await makeRepo(repoFiles);
    const h = io();
    const code = await validateCommand.run(
      [`${root}/apis/**/policy.xml`, '--root', root, '--format', 'json'],
      h.io,
    );
    expect(code).toBe(1);
    const json = JSON.parse(h.out.join('\n'));
    expect(json.summary.files).toBe(2);
    expect(json.diagnostics.map((d: { file: string }) => d.file)).toEqual(['apis/typo/policy.xml']);
  });

  test('a glob that matches no policy file: a warning, exit 0', async () => {
    root = await makeRepo(repoFiles);
    const h = io();
    expect(await validateCommand.run([`${root}/products/*/policy.xml`], h.io)).toBe(0);
    expect(h.err.join('\n')).toMatch(
      /warning: No policy file of the repository .* matches products\/\*\/policy\.xml/,
    );
  });

  test('a repository folder with no policy file at all: a warning, exit 0', async () => {
    root = await makeRepo({ 'README.md': 'nothing yet\n' });
    const h = io();
    expect(await validateCommand.run([root], h.io)).toBe(0);
    expect(h.err.join('\n')).toMatch(/warning: No policy files in the repository root/);
    expect(h.out.join('\n')).toContain('0 files checked');
  });

  test('--root naming a file, and a missing file, exit 2 saying what is wrong', async () => {
    root = await makeRepo(repoFiles);
    const file = path.join(root, 'apis/typo/policy.xml');
    const h = io();
    expect(await validateCommand.run([file, '--root', file], h.io)).toBe(2);
    expect(h.err.join('\n')).toContain(`--root ${file} is a file, not a folder.`);
    expect(await validateCommand.run([path.join(root, 'apis/nope/policy.xml')], h.io)).toBe(2);
    expect(h.err.join('\n')).toMatch(/apis\/nope\/policy\.xml does not exist/);
  });
});
