import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { commands } from '../../src/doors/cli/commands/index.js';

// The pre-commit hook definition at the repository root (https://pre-commit.com/#new-hooks): it runs
// the CLI's validate command on the changed policy files, and only on them.
const root = new URL('../../', import.meta.url);
const hooks = parse(readFileSync(new URL('.pre-commit-hooks.yaml', root), 'utf8')) as {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}[];
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  bin: Record<string, string>;
};

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'apim-gogs-validate')!;

  test('runs apim-gogs validate (the package’s bin and a CLI command) with the file names', () => {
    const [bin, command, ...rest] = hook.entry.split(' ');
    expect(Object.keys(pkg.bin)).toContain(bin);
    expect(commands.map((c) => c.name)).toContain(command);
    expect({ command, rest, language: hook.language, pass: hook.pass_filenames ?? true }).toEqual({
      command: 'validate',
      rest: [],
      language: 'node',
      pass: true,
    });
  });

  test('matches the policy XML files of the APIOps layout, not its JSON or other XML', () => {
    const files = new RegExp(hook.files);
    for (const f of [
      'policy.xml',
      'apis/orders-api/policy.xml',
      'apis/echo-api/operations/get-echo/policy.xml',
      'products/starter/policy.xml',
      'policy fragments/correlation-id/policy.xml',
      'apimartifacts/apis/a/policy.xml',
    ])
      expect([f, files.test(f)]).toEqual([f, true]);
    for (const f of [
      'apis/orders-api/apiInformation.json',
      'apis/orders-api/specification.xml',
      'mypolicy.xml',
    ])
      expect([f, files.test(f)]).toEqual([f, false]);
  });
});
