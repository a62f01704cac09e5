import {
  canonicalPolicy,
  detectPolicyFormat,
  policiesEqual,
  PolicyXmlError,
} from '../../src/deploy/xml-canonical.js';
import { lineDiff } from '../../src/deploy/diff.js';
import { stampXml, readXmlProvenance, stripXmlProvenance } from '../../src/deploy/provenance.js';

const authored = `<policies>
    <inbound>
        <base />
        <set-header name="x-id" exists-action="override">
            <value>@(context.Request.Headers.GetValueOrDefault("x-id", "") + "<" + (1 > 0 && true))</value>
        </set-header>
        <rate-limit calls="10" renewal-period="60" />
        <set-variable name="v" value="@(context.Request.Url.Query.GetValueOrDefault("a", "b"))" />
    </inbound>
    <backend><base /></backend>
    <outbound><base/></outbound>
    <on-error />
</policies>`;

// What APIM hands back: CRLF, tabs, attributes reordered, `=>`/`>` escaped, empty elements collapsed differently.
const reformatted =
  '<policies>\r\n\t<inbound>\r\n\t\t<base />\r\n\t\t<set-header exists-action="override" name="x-id">\r\n' +
  '\t\t\t<value>@(context.Request.Headers.GetValueOrDefault("x-id", "") + "&lt;" + (1 &gt; 0 &amp;&amp; true))</value>\r\n' +
  '\t\t</set-header>\r\n\t\t<rate-limit renewal-period="60" calls="10"></rate-limit>\r\n' +
  '\t\t<set-variable value=\'@(context.Request.Url.Query.GetValueOrDefault("a", "b"))\' name="v" />\r\n' +
  '\t</inbound>\r\n\t<backend>\r\n\t\t<base />\r\n\t</backend>\r\n\t<outbound>\r\n\t\t<base />\r\n\t</outbound>\r\n\t<on-error></on-error>\r\n</policies>';

describe('semantic policy comparison', () => {
  it('treats APIM reformatting (CRLF, indentation, attribute order, escaping, empty elements) as no change', () => {
    expect(canonicalPolicy(reformatted)).toBe(canonicalPolicy(authored));
    expect(policiesEqual(authored, reformatted)).toBe(true);
  });

  it('sees a real change in an attribute, an expression, element order or text', () => {
    expect(policiesEqual(authored, authored.replace('calls="10"', 'calls="11"'))).toBe(false);
    expect(policiesEqual(authored, authored.replace('"x-id", ""', '"x-id", "none"'))).toBe(false);
    expect(policiesEqual(authored, authored.replace('<base />\n        <set-header', '<set-header'))).toBe(
      false,
    );
    expect(policiesEqual('<a>one two</a>', '<a>one  two</a>')).toBe(false);
    expect(policiesEqual('<a><b/><c/></a>', '<a><c/><b/></a>')).toBe(false);
  });

  it('keeps expressions with unescaped quotes and angle brackets in attribute values and text', () => {
    expect(canonicalPolicy('<x a="@(b("c") < 2 && d > 1)">@{ return "</x>"; }</x>')).toBe(
      '<x a="@(b(&quot;c&quot;) &lt; 2 &amp;&amp; d > 1)">\n  @{ return "</x>"; }\n</x>',
    );
  });

  it('ignores only the provenance comment, not other comments', () => {
    const stamped = stampXml(authored, { commit: 'abc', run: 'https://ci/run--1' });
    expect(stamped).toContain('<!-- apim-gogs: ');
    expect(stamped).not.toMatch(/run--1/); // `--` is escaped inside the comment
    expect(readXmlProvenance(stamped)).toEqual({ commit: 'abc', run: 'https://ci/run--1' });
    expect(policiesEqual(stamped, authored)).toBe(true);
    expect(stripXmlProvenance(stamped)).toBe(authored);
    expect(policiesEqual(authored, authored.replace('<inbound>', '<inbound><!-- note -->'))).toBe(false);
  });

  it('refuses DTDs and reports unclosed elements with a position', () => {
    expect(() => canonicalPolicy('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow(PolicyXmlError);
    expect(() => canonicalPolicy('<policies>\n  <inbound>\n</policies>')).toThrow(/line 3/);
  });

  it('diffs canonical texts so only real changes show', () => {
    const diff = lineDiff(
      canonicalPolicy(reformatted),
      canonicalPolicy(authored.replace('calls="10"', 'calls="11"')),
    );
    expect(diff.split('\n').filter((l) => l.startsWith('-') || l.startsWith('+'))).toEqual([
      '-     <rate-limit calls="10" renewal-period="60" />',
      '+     <rate-limit calls="11" renewal-period="60" />',
    ]);
  });

  it('sends the XML-escaped form as xml and the raw form as rawxml', () => {
    expect(detectPolicyFormat('<a>@(x.As&lt;string&gt;())</a>')).toBe('xml');
    expect(detectPolicyFormat('<a b="@(x == &quot;y&quot;)" />')).toBe('xml');
    expect(detectPolicyFormat('<a>@(x.As<string>() && y)</a>')).toBe('rawxml');
    expect(detectPolicyFormat('<a b="@(x == "y")" />')).toBe('rawxml');
    expect(detectPolicyFormat('<a>no expression &amp; text</a>')).toBe('rawxml');
  });
});
