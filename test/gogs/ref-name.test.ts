import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkout } from '../../src/gogs/checkout.js';
import { assertRefName } from '../../src/gogs/ref-name.js';
import { ConfigurationError } from '../../src/shared/errors.js';

/** Issue 8, item 13: hostile refs are configuration errors (exit 2) and never reach git's argv. */

const hostile = [
  '--upload-pack=touch /tmp/pwned',
  '-x',
  'main..x',
  'main\n::add-mask::x',
  'main\r##vso[task.setvariable variable=X]y',
  'feature/\u0007bell',
  'a b',
  'refs/heads/x.lock',
  'main@{1}',
  'x:y',
  '.hidden',
  'trailing/',
  '',
];

describe('ref names', () => {
  it.each(hostile)('refuses %j with a ConfigurationError that escapes control characters', (ref) => {
    let err: unknown;
    try {
      assertRefName(ref);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    const message = (err as Error).message;
    expect(message).toMatch(/^The ref input ".*" is not a git ref name: /);
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).not.toContain(String.fromCharCode(7));
  });

  it.each(['main', 'refs/heads/release/1.2', 'refs/tags/v1.2.3', 'HEAD', 'a'.repeat(40), 'feature/x-y_z'])(
    'accepts %s',
    (ref) => expect(() => assertRefName(ref)).not.toThrow(),
  );

  it('checkout refuses a hostile ref before it runs git or contacts the server', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'apim-gogs-ref-')), 'checkout');
    const run = checkout({
      // Nothing listens here: reaching the network would fail differently.
      gogsUrl: 'https://127.0.0.1:9',
      repository: 'org/policies',
      ref: '--upload-pack=touch /tmp/pwned',
      token: 't',
      path: dir,
      fetchDepth: 1,
      logger: { debug: () => {}, info: () => {}, warning: () => {}, error: () => {} } as never,
      maskSecret: () => {},
    });
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow(/starts with '-'/);
    expect(existsSync(dir)).toBe(false);
  });
});
