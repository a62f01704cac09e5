import { ArmError } from '../../src/emulator/arm-errors.js';
import { expressionEnd } from '../../src/emulator/policy/expression.js';
import { formatFragmentContent, formatPolicy } from '../../src/emulator/policy/format.js';
import { parsePolicy } from '../../src/emulator/policy/parse.js';
import { validatePolicy, type PolicyContext } from '../../src/emulator/policy/validate.js';

/** The emulator's own raw-policy reader, formatter and validator (independent of src/policy). */

const ctx: PolicyContext = {
  scope: 'api',
  namedValueExists: (n) => n === 'known',
  fragmentExists: (id) => id === 'frag',
};

function details(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ArmError) return (err.details ?? []).map((d) => d.message);
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('expression extents', () => {
  it.each([
    ['@(a > b && c < d)', 17],
    ['@(")")', 6],
    ['@{ return "}"; }', 16],
    ["@(x == ')')", 11],
    ['@(@"a""b)")', 11],
    ['@{ // }\n return 1; }', 20],
  ])('finds the end of %j', (src, end) => {
    expect(expressionEnd(src, 0)).toBe(end);
  });

  it('reports an unclosed expression', () => {
    expect(expressionEnd('@(a', 0)).toBe(-1);
  });
});

describe('reformatting as APIM stores policies', () => {
  const raw =
    '<policies><inbound><set-header name="x" exists-action="override"><value>@(ctx.Any(h => h.Key == "a" && true))</value></set-header></inbound></policies>';

  it('indents with two spaces and CRLF and escapes expressions in xml format', () => {
    expect(formatPolicy(parsePolicy(raw, 'rawxml'), 'xml')).toBe(
      '<policies>\r\n  <inbound>\r\n    <set-header name="x" exists-action="override">\r\n      <value>@(ctx.Any(h =&gt; h.Key == "a" &amp;&amp; true))</value>\r\n    </set-header>\r\n  </inbound>\r\n</policies>',
    );
  });

  it('keeps expressions raw in rawxml format', () => {
    expect(formatPolicy(parsePolicy(raw, 'rawxml'), 'rawxml')).toContain(
      '<value>@(ctx.Any(h => h.Key == "a" && true))</value>',
    );
  });

  it('reads xml format with entities and gives the same document', () => {
    const xml =
      '<policies><inbound><set-header name="x" exists-action="override"><value>@(ctx.Any(h =&gt; h.Key == "a" &amp;&amp; true))</value></set-header></inbound></policies>';
    expect(formatPolicy(parsePolicy(xml, 'xml'), 'rawxml')).toBe(
      formatPolicy(parsePolicy(raw, 'rawxml'), 'rawxml'),
    );
  });

  it('keeps expressions with quotes inside attribute values in rawxml', () => {
    const doc = parsePolicy(
      '<policies><inbound><set-variable name="v" value="@(context.Request.Headers.GetValueOrDefault("x", ""))" /></inbound></policies>',
      'rawxml',
    );
    expect(formatPolicy(doc, 'xml')).toContain(
      'value="@(context.Request.Headers.GetValueOrDefault(&quot;x&quot;, &quot;&quot;))"',
    );
    expect(formatPolicy(doc, 'rawxml')).toContain(
      'value="@(context.Request.Headers.GetValueOrDefault("x", ""))"',
    );
  });

  it('keeps comments and writes empty elements as <x />', () => {
    expect(
      formatPolicy(parsePolicy('<!-- c --><policies><inbound></inbound></policies>', 'xml'), 'xml'),
    ).toBe('<!-- c -->\r\n<policies>\r\n  <inbound />\r\n</policies>');
  });

  it('writes a fragment without its wrapper for the PUT answer', () => {
    expect(formatFragmentContent(parsePolicy('<fragment><a /><b /></fragment>', 'xml'), 'xml')).toBe(
      '<a />\r\n<b />',
    );
  });
});

describe('validation like APIM', () => {
  it('refuses malformed XML with .NET-worded positions', () => {
    expect(details(() => validatePolicy('<policies>\n  <inbound>\n</policies>', 'xml', ctx))).toEqual([
      "The 'inbound' start tag on line 2 position 4 does not match the end tag of 'policies'. Line 3, position 3.",
    ]);
  });

  it('refuses DTDs and undeclared entities', () => {
    expect(
      details(() => validatePolicy('<!DOCTYPE p [<!ENTITY x "y">]><policies />', 'xml', ctx))[0],
    ).toMatch(/DTD is prohibited/);
    expect(
      details(() => validatePolicy('<policies><inbound>&x;</inbound></policies>', 'xml', ctx))[0],
    ).toMatch(/Reference to undeclared entity 'x'/);
  });

  it('names element, line and column for unknown policies, wrong sections, scopes and references', () => {
    const policy = [
      '<policies>',
      '  <inbound>',
      '    <frobnicate />',
      '    <forward-request />',
      '    <set-header name="a"><value>{{missing}}</value></set-header>',
      '    <include-fragment fragment-id="nope" />',
      '  </inbound>',
      '</policies>',
    ].join('\n');
    expect(details(() => validatePolicy(policy, 'xml', ctx))).toEqual([
      "Error in element 'frobnicate' on line 3, column 6: Unrecognized policy element 'frobnicate'.",
      "Error in element 'forward-request' on line 4, column 6: Policy is not allowed in 'inbound' section",
      "Error in element 'include-fragment' on line 6, column 6: Policy fragment with id 'nope' was not found.",
      "Error in element 'value' on line 5, column 27: Cannot find a property 'missing'",
    ]);
  });

  it('refuses base at global scope and in fragments, and checks nested control flow', () => {
    expect(
      details(() =>
        validatePolicy('<policies><inbound><base /></inbound></policies>', 'xml', {
          ...ctx,
          scope: 'global',
        }),
      )[0],
    ).toMatch(/not allowed in this scope \(global\)/);
    expect(
      details(() =>
        validatePolicy(
          '<policies><inbound><choose><when condition="@(true)"><nope /></when></choose></inbound></policies>',
          'xml',
          ctx,
        ),
      )[0],
    ).toMatch(/'nope'/);
    expect(() =>
      validatePolicy(
        '<fragment><set-header name="a" exists-action="delete" /><include-fragment fragment-id="frag" /></fragment>',
        'xml',
        { ...ctx, scope: 'fragment' },
      ),
    ).not.toThrow();
  });

  it('accepts the corpus-style raw policy with C# in text', () => {
    const text =
      '<policies><inbound><base /><set-body>@{ var s = "<x>"; return s.Length > 2 ? s : "{{known}}"; }</set-body></inbound><outbound><base /></outbound></policies>';
    expect(() => validatePolicy(text, 'rawxml', ctx)).not.toThrow();
  });
});
