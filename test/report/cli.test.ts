import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { explainCommand } from '../../src/doors/cli/commands/explain.js';
import { validateCommand } from '../../src/doors/cli/commands/validate.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { FakeHost } from '../support/fake-host.js';
import { makeRepo } from '../validate/helpers.js';

function host(): { host: FakeHost; logger: FakeHost['logger'] } {
  const fake = new FakeHost({ name: 'cli' });
  return { host: fake, logger: fake.logger };
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
    expect(h.logger.lines.join('\n')).toContain('1 file checked: 0 errors');
    await writeFile(
      path.join(root, 'apis/a/policy.xml'),
      CLEAN.replace('<backend><base /></backend>', '<backend /><outbound><set-heder /></outbound>'),
    );
    expect(await validateCommand.run([root, '--format', 'json'], h.host)).toBe(1);
    const json = JSON.parse(h.logger.lines[h.logger.lines.length - 1]);
    expect(json.summary).toMatchObject({ files: 1, errors: 1, warnings: 2 });
    await writeFile(
      path.join(root, 'apis/a/policy.xml'),
      CLEAN.replace('<backend><base /></backend>', '<backend />'),
    );
    expect(await validateCommand.run([root, '--fail-severity', 'error'], h.host)).toBe(0);
    expect(await validateCommand.run([root, '--fail-severity', 'warning'], h.host)).toBe(1);
  });

  it('usage and configuration mistakes are ConfigurationErrors (exit 2)', async () => {
    root = await makeRepo({ 'apis/a/policy.xml': CLEAN, '.apim-gogs.yaml': 'rules: { nope: off }' });
    const h = host();
    await expect(validateCommand.run([root], h.host)).rejects.toThrow(ConfigurationError);
    await expect(validateCommand.run([path.join(root, 'missing')], h.host)).rejects.toThrow(/does not exist/);
    await expect(validateCommand.run([root, '--format', 'xml'], h.host)).rejects.toThrow(/Unknown format/);
    await expect(validateCommand.run([root, '--fail-severity', 'fatal'], h.host)).rejects.toThrow(
      /Unknown severity/,
    );
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
    const out = h.logger.lines.join('\n');
    expect(out).toContain('policy.xml -> apis/a/policy.xml -> apis/a/operations/get/policy.xml');
    const order = ['<cors>', '<rate-limit ', '<validate-jwt', '<rewrite-uri'].map((s) => out.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
    expect(out).toContain('<!-- from apis/a/operations/get/policy.xml:1 -->');
    await expect(explainCommand.run(['nope', '--dir', root], h.host)).rejects.toThrow(ConfigurationError);
  });
});
