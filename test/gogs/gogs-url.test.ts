import { parseGogsUrl } from '../../src/gogs/gogs-url.js';
import { ConfigurationError } from '../../src/shared/errors.js';

function refusal(input: string, options?: Parameters<typeof parseGogsUrl>[1]): ConfigurationError {
  try {
    parseGogsUrl(input, options);
  } catch (err) {
    if (err instanceof ConfigurationError) return err;
    throw err;
  }
  throw new Error(`${input} was accepted`);
}

describe('gogs-url', () => {
  it('accepts an https server address and drops the trailing slash', () => {
    expect(parseGogsUrl('https://gogs.example.com/')).toBe('https://gogs.example.com');
    expect(parseGogsUrl(' https://gogs.example.com:3443/git ')).toBe('https://gogs.example.com:3443/git');
  });

  it('refuses user:password@ and never repeats the password', () => {
    const err = refusal('https://deployer:hunter2-secret@gogs.example.com/');
    expect(err.message).toMatch(/gogs-url/);
    expect(err.message).toMatch(/credentials/);
    expect(err.message).toContain('https://gogs.example.com/');
    expect(`${err.message} ${err.hint}`).not.toMatch(/hunter2|deployer/);
    // A token-only userinfo is refused too.
    expect(refusal('https://0123456789abcdef@gogs.example.com').message).not.toContain('0123456789abcdef');
    // Even when the rest does not parse, the password is not echoed.
    expect(refusal('https://u:hunter2@ bad host').message).not.toContain('hunter2');
  });

  it('refuses http:// unless the caller opts in explicitly', () => {
    const err = refusal('http://gogs.internal:3000', { inputName: '--gogs-url' });
    expect(err.message).toMatch(/--gogs-url.*http:\/\/.*cleartext/);
    expect(err.hint).toMatch(/allow-insecure-http/);
    expect(parseGogsUrl('http://gogs.internal:3000', { allowInsecureHttp: true })).toBe(
      'http://gogs.internal:3000',
    );
    // The opt-in never lets credentials through.
    expect(refusal('http://a:b@gogs.internal', { allowInsecureHttp: true }).message).toMatch(/credentials/);
  });

  it('refuses other schemes, queries and text that is not a URL', () => {
    expect(refusal('ssh://git@gogs.example.com').message).toMatch(/credentials|not an http/);
    expect(refusal('file:///etc/passwd').message).toMatch(/not an http\(s\) URL/);
    expect(refusal('https://gogs.example.com/?x=1').message).toMatch(/query or fragment/);
    expect(refusal('gogs.example.com').message).toMatch(/is not a URL/);
  });
});
