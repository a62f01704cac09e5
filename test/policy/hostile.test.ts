import { decodePolicyBytes } from '../../src/policy/decode.js';
import { readPolicy } from '../../src/policy/reader.js';

/** Each hostile input ends as exactly one diagnostic with a position: never a crash, hang or expansion. */
describe('hostile inputs', () => {
  const one = (text: string): { code: string; message: string; line: number; column: number } => {
    const r = readPolicy(text);
    expect(r.root).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    return r.errors[0];
  };

  it('refuses an external entity without reading it', () => {
    const e = one(
      '<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<policies>&x;</policies>',
    );
    expect(e).toMatchObject({ code: 'dtd', line: 2, column: 1 });
  });

  it('refuses entity expansion (billion laughs)', () => {
    const lol =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><policies>&lol2;</policies>';
    expect(one(lol).code).toBe('dtd');
  });

  it('refuses an undefined entity reference', () => {
    expect(one('<policies><inbound>&nbsp;</inbound></policies>')).toMatchObject({
      code: 'entity',
      column: 20,
    });
  });

  it('refuses a 10 MB document by its size', () => {
    const big = '<policies><inbound>' + '<base />'.repeat(1_300_000) + '</inbound></policies>';
    expect(one(big).code).toBe('size');
  });

  it('refuses 100,000-deep nesting without overflowing the stack', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const r = readPolicy(deep, { maxBytes: 1 << 24 });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'depth' })]);
  });

  it('refuses an empty or blank document', () => {
    expect(one('').code).toBe('empty');
    expect(one(' \n\t ').code).toBe('empty');
  });

  it('refuses invalid UTF-8 and binary files with the position of the first bad byte', () => {
    const bad = decodePolicyBytes(Uint8Array.from([0x3c, 0x61, 0x3e, 0x0a, 0x20, 0xc3, 0x28]));
    expect(bad).toMatchObject({ ok: false, line: 2, column: 2, message: expect.stringMatching(/UTF-8/) });
    const bin = decodePolicyBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(bin).toMatchObject({ ok: false, message: expect.stringMatching(/binary/) });
    expect(decodePolicyBytes(new TextEncoder().encode('<a>é</a>'))).toEqual({ ok: true, text: '<a>é</a>' });
  });

  it('ends an unterminated expression at the end of input with one diagnostic', () => {
    const r = readPolicy('<policies><inbound><set-body>@{ return (1 + </set-body></inbound></policies>');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].code).toBe('expression');
  });
});
