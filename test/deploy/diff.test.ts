import { lineDiff } from '../../src/deploy/diff.js';

const lines = (n: number, prefix = 'line'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

/** The plan's line diff, as a reviewer reads it in the plan output and the pull request comment. */
describe('lineDiff', () => {
  it('shows one changed line with three lines of context on each side and elides the rest', () => {
    const before = lines(20);
    const after = [...before];
    after[9] = 'line 10 changed';
    expect(lineDiff(before.join('\n'), after.join('\n')).split('\n')).toEqual([
      '  line 7',
      '  line 8',
      '  line 9',
      '- line 10',
      '+ line 10 changed',
      '  line 11',
      '  line 12',
      '  line 13',
    ]);
  });

  it('separates distant changes with an elision line', () => {
    const before = lines(30);
    const after = [...before];
    after[1] = 'two';
    after[27] = 'twenty-eight';
    expect(lineDiff(before.join('\n'), after.join('\n')).split('\n')).toEqual([
      '  line 1',
      '- line 2',
      '+ two',
      '  line 3',
      '  line 4',
      '  line 5',
      '  ...',
      '  line 25',
      '  line 26',
      '  line 27',
      '- line 28',
      '+ twenty-eight',
      '  line 29',
      '  line 30',
    ]);
  });

  it('shows an inserted block as additions only, keeping the moved-down lines as context', () => {
    const before = ['<inbound>', '<base />', '</inbound>'];
    const after = ['<inbound>', '<base />', '<rate-limit calls="5" />', '<cors />', '</inbound>'];
    expect(lineDiff(before.join('\n'), after.join('\n'))).toBe(
      ['  <inbound>', '  <base />', '+ <rate-limit calls="5" />', '+ <cors />', '  </inbound>'].join('\n'),
    );
  });

  it('shows a new resource as all additions and a removed one as all deletions', () => {
    expect(lineDiff('', 'a\nb')).toBe('+ a\n+ b');
    expect(lineDiff('a\nb', '')).toBe('- a\n- b');
  });

  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb\nc', 'a\nb\nc')).toBe('');
  });

  it('takes a large rewrite whole: every old line removed, every new line added', () => {
    const before = lines(1000, 'old');
    const after = lines(1000, 'new');
    const diff = lineDiff(before.join('\n'), after.join('\n')).split('\n');
    expect(diff.filter((l) => l.startsWith('- '))).toHaveLength(1000);
    expect(diff.filter((l) => l.startsWith('+ '))).toHaveLength(1000);
  });
});
