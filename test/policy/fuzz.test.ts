import fc from 'fast-check';
import { readPolicy } from '../../src/policy/reader.js';
import { validatePolicyText } from '../../src/validate/index.js';
import { describeIfShared } from '../support/shared.js';
import { corpusPolicies } from './corpus-files.js';
import { mutate, mutations } from './mutate.js';

describeIfShared('fuzzing the reader with mutated corpus policies', () => {
  const corpus = corpusPolicies();
  it('never throws, and every problem is a diagnostic with a valid position', () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), mutations, (i, muts) => {
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
      }),
      { numRuns: 3000 },
    );
    // Pure but heavy: 3000 validations. Its own bound, so that a busy CI machine does not trip the unit 10 s.
  }, 60_000);
});
