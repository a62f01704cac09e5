import { tokenize } from '../../../src/validate/expressions/lexer.js';

/** `kind:text` of every token but the end, for readable tables. */
const lex = (code: string): string[] =>
  tokenize(code)
    .tokens.filter((t) => t.kind !== 'eof')
    .map((t) => `${t.kind}:${t.text}`);

const errors = (code: string): string[] =>
  tokenize(code).errors.map((e) => `${e.start}-${e.end} ${e.message}`);

describe('the C# lexer of policy expressions', () => {
  it.each([
    ['context.Request.Method', ['ident:context', 'punct:.', 'ident:Request', 'punct:.', 'ident:Method']],
    ['"a\\"b"', ['string:"a\\"b"']],
    ['@"C:\\temp\\x"', ['string:@"C:\\temp\\x"']],
    ['@"say ""hi"""', ['string:@"say ""hi"""']],
    ["'x'", ["char:'x'"]],
    ["'\\n'", ["char:'\\n'"]],
    ["'\\u0041'", ["char:'\\u0041'"]],
    ['1.5e3m + 0x1F + 10UL', ['number:1.5e3m', 'punct:+', 'number:0x1F', 'punct:+', 'number:10UL']],
    ['a ?? b ?. c => d', ['ident:a', 'punct:??', 'ident:b', 'punct:?.', 'ident:c', 'punct:=>', 'ident:d']],
    ['x >>= 1', ['ident:x', 'punct:>', 'punct:>', 'punct:=', 'number:1']],
    ['{{backend-url}} + 1', ['namedValue:{{backend-url}}', 'punct:+', 'number:1']],
    ['#{env}# + 1', ['namedValue:#{env}#', 'punct:+', 'number:1']],
    ['return x; // done', ['keyword:return', 'ident:x', 'punct:;']],
    ['a /* b */ c', ['ident:a', 'ident:c']],
    ['@class', ['ident:@class']],
  ])('%s', (code, tokens) => {
    expect(lex(code)).toEqual(tokens);
    expect(errors(code)).toEqual([]);
  });

  it('keeps an interpolated string whole and lexes each hole, strings inside holes included', () => {
    const { tokens, errors: errs } = tokenize('$"Bearer {context.Variables["t"]} at {DateTime.UtcNow:o}"');
    expect(errs).toEqual([]);
    expect(tokens[0].kind).toBe('interpolated');
    expect(
      tokens[0].holes?.map((h) =>
        h
          .filter((t) => t.kind !== 'eof')
          .map((t) => t.text)
          .join(' '),
      ),
    ).toEqual(['context . Variables [ "t" ]', 'DateTime . UtcNow']);
  });

  it.each([
    ["'Starter'", '0-9 Too many characters in character literal'],
    ["''", '0-2 Empty character literal'],
    ['"\\d+"', '1-3 Unrecognized escape sequence'],
    ['"open\nclose"', '0-5 Newline in constant'],
    ["'x\n'", '0-2 Newline in constant'],
    ['a /* never closed', "2-4 End-of-file found, '*/' expected"],
    ['a # b', "2-3 Unexpected character '#'"],
  ])('%j is an error as csc words it', (code, error) => {
    expect(errors(code)).toEqual([error]);
  });

  it('gives a fix with the C# error: double quotes for a string in single quotes', () => {
    expect(tokenize("'contoso'").errors[0].hint).toMatch(/double quotes: write "contoso"/);
  });

  it('puts a named value in the code when its value is known, every token at the reference', () => {
    const { tokens } = tokenize('{{count}} + 1', (name) => (name === 'count' ? '40 + 2' : undefined));
    expect(tokens.filter((t) => t.kind !== 'eof').map((t) => [t.text, t.start, t.end])).toEqual([
      ['40', 0, 9],
      ['+', 0, 9],
      ['2', 0, 9],
      ['+', 10, 11],
      ['1', 12, 13],
    ]);
  });
});
