import { rm } from 'node:fs/promises';
import { validateRepository } from '../../src/validate/index.js';
import { makeRepo } from './helpers.js';

/** What a user sees for each hostile file: exactly one `syntax` error, with a position and a reason. */
describe('hostile files in a repository', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('each give one clear diagnostic', async () => {
    const files: Record<string, string | Uint8Array> = {
      'apis/xxe/policy.xml':
        '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<policies>&x;</policies>',
      'apis/lol/policy.xml':
        '<!DOCTYPE l [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><policies>&b;</policies>',
      'apis/big/policy.xml': `<policies><inbound>${'<base />'.repeat(1_300_000)}</inbound></policies>`,
      'apis/deep/policy.xml': '<a>'.repeat(100_000) + '</a>'.repeat(100_000),
      'apis/utf8/policy.xml': Uint8Array.from([0x3c, 0x70, 0x3e, 0x0a, 0x20, 0xff, 0x3c, 0x2f, 0x70, 0x3e]),
      'apis/binary/policy.xml': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'apis/empty/policy.xml': '',
    };
    root = await makeRepo(files as Record<string, string>);
    const result = await validateRepository({ root });
    const byFile = new Map<string, string[]>();
    for (const d of result.diagnostics.filter((x) => x.category === 'syntax')) {
      byFile.set(d.file, [...(byFile.get(d.file) ?? []), `${d.ruleId} ${d.line}:${d.column} ${d.message}`]);
    }
    expect(Object.fromEntries(byFile)).toEqual({
      'apis/xxe/policy.xml': [
        expect.stringMatching(/^syntax 1:1 DTD and entity declarations are not allowed/),
      ],
      'apis/lol/policy.xml': [expect.stringMatching(/^syntax 1:1 DTD/)],
      'apis/big/policy.xml': [
        expect.stringMatching(/^syntax 1:1 The document is \d+ bytes; APIM accepts at most 262144/),
      ],
      'apis/deep/policy.xml': [expect.stringMatching(/^syntax 1:1 The document is 700000 bytes/)],
      'apis/utf8/policy.xml': [
        expect.stringMatching(/^syntax 2:2 The file is not valid UTF-8 \(invalid byte 0xff\)/),
      ],
      'apis/binary/policy.xml': [expect.stringMatching(/^syntax 3:1 The file is binary/)],
      'apis/empty/policy.xml': [expect.stringMatching(/^syntax 1:1 The document is empty/)],
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error' && d.category !== 'syntax')).toEqual([]);
  });
});
