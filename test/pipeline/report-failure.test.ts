import { reportFailure } from '../../src/pipeline/report-failure.js';
import { ConfigurationError, ExitCode } from '../../src/shared/errors.js';
import { FakeHost } from '../support/fake-host.js';

describe('reportFailure', () => {
  it('prints a configuration mistake as one error line with its hint, no stack, and exits 2', () => {
    const host = new FakeHost();
    const code = reportFailure(
      host,
      new ConfigurationError('Input gogs-url is required.', 'Set it to the https URL of your Gogs server.'),
    );
    expect(code).toBe(ExitCode.Configuration);
    expect(host.logger.lines).toEqual([
      'error: Input gogs-url is required. Set it to the https URL of your Gogs server.',
    ]);
  });

  it('names a file the user gave that cannot be read, as their mistake (exit 2)', () => {
    const host = new FakeHost();
    const err = Object.assign(new Error("ENOENT: no such file or directory, open 'ruleset.yml'"), {
      code: 'ENOENT',
      path: 'ruleset.yml',
    });
    expect(reportFailure(host, err)).toBe(ExitCode.Configuration);
    expect(host.logger.lines).toEqual(['error: ruleset.yml: no such file or directory.']);
  });

  it('calls an unexpected error a bug, exits 5 (never 1, the findings code) and keeps the stack for debug only', () => {
    const host = new FakeHost();
    const err = new TypeError("Cannot read properties of undefined (reading 'value')");
    expect(reportFailure(host, err)).toBe(ExitCode.Internal);
    expect(ExitCode.Internal).not.toBe(ExitCode.Findings);
    const errors = host.logger.lines.filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: apim-gogs failed unexpectedly \(a bug[^)]*\): Cannot read properties/);
    expect(errors[0]).not.toContain(' at ');
    expect(host.logger.lines).toContain(`debug: ${err.stack}`);
  });

  it('reports a thrown non-Error value by its text', () => {
    const host = new FakeHost();
    expect(reportFailure(host, 'socket hang up')).toBe(ExitCode.Internal);
    expect(host.log).toMatch(/failed unexpectedly.*: socket hang up$/m);
  });

  it('writes nothing to outputs, annotations or the summary', () => {
    const host = new FakeHost();
    reportFailure(host, new ConfigurationError('bad'));
    reportFailure(host, new Error('boom'));
    expect(host.outputs).toEqual({});
    expect(host.annotations).toEqual([]);
    expect(host.summary).toEqual([]);
  });
});
