import { attr, childElements, type ElementNode } from '../../src/policy/ast.js';
import { readPolicy } from '../../src/policy/reader.js';

const el = (root: ElementNode | undefined, ...path: string[]): ElementNode => {
  let cur = root as ElementNode;
  for (const name of path) cur = childElements(cur).find((c) => c.name === name) as ElementNode;
  return cur;
};

describe('readPolicy: raw policy format', () => {
  it('reads unescaped quotes, < and && inside an attribute expression, with exact positions', () => {
    const text = [
      '<policies>',
      '  <inbound>',
      '    <choose>',
      '      <when condition="@(context.Request.Headers.GetValueOrDefault("x","") == "a" && 1 < 2)">',
      '        <set-header name="y" exists-action="override"><value>@("<b>")</value></set-header>',
      '      </when>',
      '    </choose>',
      '  </inbound>',
      '</policies>',
    ].join('\n');
    const r = readPolicy(text);
    expect(r.errors).toEqual([]);
    const when = el(r.root, 'inbound', 'choose', 'when');
    expect(when).toMatchObject({ line: 4, column: 7 });
    const cond = attr(when, 'condition');
    expect(cond).toMatchObject({ line: 4, column: 13, valueLine: 4, valueColumn: 24 });
    expect(cond?.expression).toMatchObject({ kind: 'single', line: 4, column: 24 });
    expect(cond?.expression?.code).toBe('context.Request.Headers.GetValueOrDefault("x","") == "a" && 1 < 2');
    const value = el(when, 'set-header', 'value');
    expect(value.children[0]).toMatchObject({ type: 'text', value: '@("<b>")', line: 5, column: 62 });
  });

  it('reads the XML-escaped form to the same expression', () => {
    const raw = readPolicy(
      '<policies><inbound><set-variable name="a" value="@(&quot;x&quot; + (1 &lt; 2))" /></inbound></policies>',
    );
    const sv = el(raw.root, 'inbound', 'set-variable');
    expect(attr(sv, 'value')?.expression?.code).toBe('"x" + (1 < 2)');
    expect(attr(sv, 'value')?.value).toBe('@("x" + (1 < 2))');
  });

  it('finds expression extents through C# string, char, verbatim and interpolated literals and comments', () => {
    const code = [
      '@{',
      '  var a = "}\\")"; var b = \'}\'; var c = @"C:\\x ""q"" }";',
      '  // a comment with } and "',
      '  /* block } */ var d = $"{a + "}"}";',
      '  return a + b + c + d;',
      '}',
    ].join('\n');
    const r = readPolicy(`<policies><outbound><set-body>${code}</set-body></outbound></policies>`);
    expect(r.errors).toEqual([]);
    const body = el(r.root, 'outbound', 'set-body');
    expect(body.children[0]).toMatchObject({ type: 'text', expression: { kind: 'multi', endLine: 6 } });
  });

  it('keeps {{named values}} as nodes with positions, in attributes and text', () => {
    const r = readPolicy(
      '<policies>\n<inbound><set-header name="k"><value>Bearer {{token-a}}</value></set-header>\n<rewrite-uri template="/{{path}}/x" /></inbound></policies>',
    );
    const value = el(r.root, 'inbound', 'set-header', 'value');
    expect(value.children[0]).toMatchObject({ namedValues: [{ name: 'token-a', line: 2, column: 45 }] });
    expect(attr(el(r.root, 'inbound', 'rewrite-uri'), 'template')?.namedValues[0]).toMatchObject({
      name: 'path',
      line: 3,
      column: 25,
    });
  });

  it('handles a BOM and CRLF line ends without shifting positions', () => {
    const r = readPolicy(
      '\uFEFF<policies>\r\n  <inbound>\r\n    <base />\r\n  </inbound>\r\n</policies>\r\n',
    );
    expect(r.errors).toEqual([]);
    expect(el(r.root, 'inbound', 'base')).toMatchObject({ line: 3, column: 5 });
  });

  it('reports a malformed expression once, with the position of the cause, and keeps reading', () => {
    const r = readPolicy(
      '<policies>\n<inbound>\n<set-variable name="a" value="@{ var x = 1; }" />\n<set-variable name="b" value="@(x))" />\n</inbound></policies>',
    );
    expect(r.root).toBeDefined();
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: 'expression',
        line: 3,
        column: 31,
        message: expect.stringMatching(/return/),
      }),
    ]);
  });

  it('reports an unterminated string literal inside an expression at the literal', () => {
    const r = readPolicy(
      '<policies><inbound><set-variable name="a" value=\'@("abc)\' /></inbound></policies>',
    );
    expect(r.errors[0]).toMatchObject({
      code: 'expression',
      line: 1,
      column: 52,
      message: 'Unterminated string literal.',
    });
  });

  it('says where XML is broken, like APIM', () => {
    expect(readPolicy('<policies><inbound></outbound></policies>').errors[0]).toMatchObject({
      code: 'syntax',
      line: 1,
      column: 20,
      message: expect.stringMatching(/does not match the start tag 'inbound'/),
    });
    expect(readPolicy('oops<policies/>').errors[0]).toMatchObject({
      message: 'Data at the root level is invalid.',
      line: 1,
      column: 1,
    });
    expect(readPolicy('<a x="1" x="2"/>').errors[0].message).toMatch(/Duplicate attribute/);
  });
});

describe('readPolicy: XML details', () => {
  it('accepts an XML declaration, comments and CDATA, and keeps comments with positions', () => {
    const r = readPolicy(
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- top -->\n<policies><inbound><set-body><![CDATA[<a>&</a>]]></set-body></inbound></policies>',
    );
    expect(r.errors).toEqual([]);
    expect(r.comments).toEqual([expect.objectContaining({ value: ' top ', line: 2, column: 1 })]);
    expect(el(r.root, 'inbound', 'set-body').children[0]).toMatchObject({
      type: 'text',
      cdata: true,
      value: '<a>&</a>',
    });
  });

  it('refuses a stray processing instruction and unclosed elements; accepts -- in comments, as real policies have it', () => {
    expect(readPolicy('<policies><?php echo 1 ?></policies>').errors[0].message).toMatch(
      /processing instruction/,
    );
    expect(readPolicy('<policies>\n  <inbound>').errors[0]).toMatchObject({
      line: 2,
      column: 3,
      message: "The element 'inbound' is not closed.",
    });
  });

  it('decodes character references and the five entities in values', () => {
    const r = readPolicy(
      '<policies><inbound><set-variable name="a" value="&lt;&#x41;&#66;&amp;&quot;" /></inbound></policies>',
    );
    expect(attr(el(r.root, 'inbound', 'set-variable'), 'value')?.value).toBe('<AB&"');
  });
});
