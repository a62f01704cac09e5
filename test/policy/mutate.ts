import fc from 'fast-check';

/**
 * Mutations of real policies for fuzzing the reader (used by test/policy/fuzz.test.ts and by
 * bench/validate.ts, which runs many more cases): inserted delimiters, deletions, duplicated runs and
 * truncation, which together produce unbalanced expressions, broken tags, stray entities and BOMs.
 */
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

export type Mutation = {
  kind: 'insert' | 'delete' | 'duplicate' | 'truncate';
  at: number;
  len: number;
  ch: number;
};

export function mutate(text: string, muts: Mutation[]): string {
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

export const mutations = fc.array(
  fc.record({
    kind: fc.constantFrom<Mutation['kind']>('insert', 'insert', 'delete', 'duplicate', 'truncate'),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    len: fc.integer({ min: 1, max: 40 }),
    ch: fc.nat(),
  }),
  { minLength: 1, maxLength: 6 },
);
