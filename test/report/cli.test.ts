import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { explainCommand } from '../../src/doors/cli/commands/explain.js';
import { validateCommand } from '../../src/doors/cli/commands/validate.js';
import { makeRepo } from '../validate/helpers.js';

/** Captures what a command prints: stdout (its product) and stderr (logs) apart. */
function host(): {
  host: { stdout: (l: string) => void; stderr: (l: string) => void };
  out: string[];
  err: string[];
} {
  const out: string[] = [];
  const err: string[] = [];
  return { host: { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, out, err };
}

const CLEAN =
  '<policies><inbound><base /><rate-limit calls="5" renewal-period="60" /><validate-jwt header-name="Authorization"><openid-config url="https://login/x" /></validate-jwt></inbound><backend><base /></backend></policies>';

describe('apim-gogs validate / explain', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('exits 0 on a clean repository and 1 on findings at or above --fail-severity', async () => {
    root = await makeRepo({ 'apis/a/policy.xml': CLEAN });
    const h = host();
    expect(await validateCommand.run([root], h.host)).toBe(0);
    expect(h.out.join('\n')).toContain('1 file checked: 0 errors');
    await writeFile(
      path.join(root, 'apis/a/policy.xml'),
      CLEAN.replace('<backend><base /></backend>', '<backend /><outbound><set-heder /></outbound>'),
    );
    expect(await validateCommand.run([root, '--format', 'json'], h.host)).toBe(1);
    const json = JSON.parse(h.out[h.out.length - 1]);
    expect(json.summary).toMatchObject({ files: 1, errors: 1, warnings: 2 });
    await writeFile(
      path.join(root, 'apis/a/policy.xml'),
      CLEAN.replace('<backend><base /></backend>', '<backend />'),
    );
    expect(await validateCommand.run([root, '--fail-severity', 'error'], h.host)).toBe(0);
    expect(await validateCommand.run([root, '--fail-severity', 'warning'], h.host)).toBe(1);
  });

  it('usage and configuration mistakes exit 2 with a plain message on stderr and nothing on stdout', async () => {
    root = await makeRepo({ 'apis/a/policy.xml': CLEAN, '.apim-gogs.yaml': 'rules: { nope: off }' });
    const cases: [string[], RegExp][] = [
      [[root], /nope/],
      [[path.join(root, 'missing')], /does not exist/],
      // A file is validated in its repository (validate-files.test.ts); a folder among files is refused.
      [
        [root, path.join(root, 'apis/a/policy.xml')],
        /is a folder: validate takes one repository folder, or files/,
      ],
      [
        [path.join(root, 'apis/a/policy.xml'), '--root', path.join(root, 'apis/a/policy.xml')],
        /is a file, not a folder/,
      ],
      [[root, '--format', 'xml'], /Unknown report format 'xml'/],
      [[root, '--fail-severity', 'fatal'], /--fail-severity is "fatal"/],
      [[root, '--nope'], /Unknown option --nope/],
    ];
    for (const [args, message] of cases) {
      const h = host();
      expect({ args, code: await validateCommand.run(args, h.host) }).toEqual({ args, code: 2 });
      expect(h.err.join('\n')).toMatch(message);
      expect(h.err.join('\n')).not.toMatch(/unexpectedly/);
      expect(h.out).toEqual([]);
    }
  });

  it('explain prints the effective policy with the file each policy comes from', async () => {
    root = await makeRepo({
      'policy.xml':
        '<policies><inbound><cors><allowed-origins><origin>https://a</origin></allowed-origins></cors></inbound></policies>',
      'apis/a/policy.xml': CLEAN,
      'apis/a/operations/get/policy.xml':
        '<policies><inbound><base /><rewrite-uri template="/x" /></inbound></policies>',
    });
    const h = host();
    expect(await explainCommand.run(['a/get', '--dir', root], h.host)).toBe(0);
    const out = h.out.join('\n');
    expect(out).toContain('policy.xml -> apis/a/policy.xml -> apis/a/operations/get/policy.xml');
    const order = ['<cors>', '<rate-limit ', '<validate-jwt', '<rewrite-uri'].map((s) => out.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
    expect(out).toContain('<!-- from apis/a/operations/get/policy.xml:1 -->');
    await expect(explainCommand.run(['nope', '--dir', root], h.host)).rejects.toThrow(
      /No policy found for 'nope'/,
    );
  });
});
