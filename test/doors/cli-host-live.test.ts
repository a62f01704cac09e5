import { cliHost } from '../../src/doors/cli/cli-host.js';

// The CLI on a terminal redraws one progress line; piped or captured, it prints plain lines instead.
describe('the CLI host’s live progress line', () => {
  test('given a terminal writer: the line is redacted and neutralised before it is drawn', () => {
    const drawn: (string | undefined)[] = [];
    const host = cliHost({ stderr: () => undefined, live: (t) => drawn.push(t) });
    host.setSecret('s3cret-value');
    host.liveLine?.('Deploying 3/400: 2 update, 1 create (s3cret-value)');
    host.liveLine?.('::warning::forged by a resource name');
    host.liveLine?.(undefined);
    expect(drawn[0]).not.toContain('s3cret-value');
    expect(drawn[0]).toMatch(/^Deploying 3\/400: 2 update, 1 create/);
    expect(drawn[1]).not.toMatch(/^::warning::/);
    expect(drawn[2]).toBeUndefined();
  });

  test('output captured (a stderr writer, no terminal): no live line, so progress is plain lines', () => {
    expect(cliHost({ stderr: () => undefined }).liveLine).toBeUndefined();
  });
});
