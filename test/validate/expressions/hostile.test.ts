import fc from 'fast-check';
import { analyzeCode } from '../../../src/validate/expressions/analyze.js';
import { validatePolicyText } from '../../../src/validate/index.js';
import { inbound } from '../helpers.js';

/**
 * Expressions come from pull requests, so any text must end as findings: never an exception, a
 * stack overflow or a hang. The corpus-based fuzzing in `npm run bench -- validate` goes further.
 */
describe('hostile expressions', () => {
  it.each([
    ['100,000 nested parentheses', `${'('.repeat(100_000)}1${')'.repeat(100_000)}`, 'single'],
    ['100,000 negations', `${'!'.repeat(100_000)}true`, 'single'],
    ['100,000 nested blocks', `${'{'.repeat(100_000)}return 1;${'}'.repeat(100_000)}`, 'multi'],
    ['nested interpolated strings', `${'$"{'.repeat(20_000)}1${'}"'.repeat(20_000)}`, 'single'],
  ] as const)('%s end as a finding', (_name, code, kind) => {
    const a = analyzeCode(code, kind);
    expect(a.syntax.length + a.problems.length).toBeGreaterThan(0);
  });

  it.each([
    ['a chain of 50,000 members', `context${'.Request'.repeat(50_000)}`],
    ['a sum of 50,000 terms', `1${' + 1'.repeat(50_000)}`],
  ])('%s is read without overflowing the stack', (_name, code) => {
    expect(analyzeCode(code, 'single').syntax).toEqual([]);
  });

  it('never throws on arbitrary text, in either kind of expression', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (code, single) => {
        analyzeCode(code, single ? 'single' : 'multi');
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on C#-shaped token soup inside a real policy', () => {
    const token = fc.constantFrom(
      'context',
      '.',
      'Request',
      '(',
      ')',
      '"a"',
      "'b'",
      '$"{x}"',
      '@"c"',
      '[',
      ']',
      '{',
      '}',
      ';',
      'return',
      'var',
      'x',
      '=',
      '=>',
      '?',
      ':',
      '<',
      '>',
      'new',
      'JObject',
      ',',
      '!',
      '{{nv}}',
      'if',
      'else',
      'as',
      'is',
      '&&',
      '??',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.boolean(), (tokens, single) => {
        const code = tokens.join(' ');
        analyzeCode(code, single ? 'single' : 'multi');
        validatePolicyText(
          inbound(`<set-variable name="v" value="@${single ? `(${code})` : `{${code}}`}" />`),
          { scope: 'api' },
        );
      }),
      { numRuns: 1500 },
    );
  });
});
