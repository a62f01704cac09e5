import fc from 'fast-check';
import { readPolicy } from '../../src/policy/reader.js';
import { validatePolicyText } from '../../src/validate/index.js';
import { describeIfShared } from '../support/shared.js';
import { corpusPolicies } from './corpus-files.js';

/** Characters that matter to the reader: XML and C# delimiters, entity starts, line ends. */
const SPECIAL = [
  '<',
  '>',
  '"',
  "'",
  '&',
  '@',
  '(',
  ')',
  '{',
  '}',
  '/',
  '!',
  '-',
  '[',
  ']',
  '\n',
  '\r',
  ';',
  '=',
  '\\',
  '$',
  '?',
  '\u0000',
  '\uFEFF',
];

type Mutation = { kind: 'insert' | 'delete' | 'duplicate' | 'truncate'; at: number; len: number; ch: number };

function mutate(text: string, muts: Mutation[]): string {
  let s = text;
  for (const m of muts) {
    const at = Math.floor(m.at * s.length);
    if (m.kind === 'insert') s = s.slice(0, at) + SPECIAL[m.ch % SPECIAL.length] + s.slice(at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.kind === 'duplicate')
      s = s.slice(0, at + m.len) + s.slice(at, at + m.len) + s.slice(at + m.len);
    else s = s.slice(0, at);
  }
  return s;
}

describeIfShared('fuzzing the reader with mutated corpus policies', () => {
  const corpus = corpusPolicies();
  const mutation = fc.record({
    kind: fc.constantFrom<Mutation['kind']>('insert', 'insert', 'delete', 'duplicate', 'truncate'),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    len: fc.integer({ min: 1, max: 40 }),
    ch: fc.nat(),
  });

  it('never throws, and every problem is a diagnostic with a valid position', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (i, muts) => {
          const text = mutate(corpus[i].text, muts);
          const lines = text.split('\n').length;
          const read = readPolicy(text);
          for (const e of read.errors) {
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.line).toBeLessThanOrEqual(lines);
            expect(e.column).toBeGreaterThanOrEqual(1);
          }
          const result = validatePolicyText(text, { scope: 'api' });
          for (const d of result.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
