import { findings, ids, inbound } from './helpers.js';

describe('schema checks', () => {
  it('accepts a clean policy', () => {
    expect(
      findings(inbound('<set-header name="x" exists-action="override"><value>1</value></set-header>')),
    ).toEqual([]);
  });

  it('names an unknown policy and suggests the nearest one, in APIM phrasing', () => {
    expect(findings(inbound('<set-heder name="x" />'))).toEqual([
      {
        id: 'unknown-policy',
        at: '4:1',
        message: "Error in element 'set-heder' on line 4, column 1: 'set-heder' is not a known policy.",
      },
    ]);
  });

  it('reports a policy in a section that does not allow it', () => {
    const text =
      '<policies><inbound><base /></inbound><outbound><base /><forward-request /></outbound></policies>';
    expect(findings(text)).toEqual([
      expect.objectContaining({
        id: 'policy-section',
        message: expect.stringMatching(/not allowed in the 'outbound' section/),
      }),
    ]);
  });

  it('reports a policy at a scope that does not allow it, and skips scope for loose files', () => {
    const text = inbound('<quota calls="10" renewal-period="60" />');
    expect(ids(text, 'api')).toEqual(['policy-scope']);
    expect(ids(text, 'product')).toEqual([]);
    expect(ids(text, 'unknown')).toEqual([]);
  });

  it('checks required, unknown, enum, typed and ranged attributes on literal values only', () => {
    const text = inbound(
      [
        '<set-header exists-action="sometimes"><value>1</value></set-header>',
        '<rate-limit calls="ten" renewal-period="600" colour="red" />',
        '<set-header name="a" exists-action="@(context.Variables.GetValueOrDefault<string>("x"))" />',
        '<rate-limit-by-key calls="{{calls}}" renewal-period="60" counter-key="@(context.Subscription.Id)" />',
      ].join('\n'),
    );
    const f = findings(text, 'unknown');
    expect(
      f.map(
        (x) =>
          `${x.id} ${x.at} ${x.message.replace(/^Error in element '[^']+' on line \d+, column \d+: /, '')}`,
      ),
    ).toEqual([
      "policy-attribute 4:1 The required attribute 'name' is missing.",
      "policy-attribute 4:28 The 'exists-action' attribute has the invalid value 'sometimes'.",
      "policy-attribute 5:20 The 'calls' attribute must be a number, not 'ten'.",
      "policy-attribute 5:41 The 'renewal-period' attribute must be at most 300, not 600.",
      "policy-attribute 5:46 The 'colour' attribute is not declared.",
    ]);
  });

  it('refuses expressions where the reference forbids them', () => {
    expect(ids(inbound('<include-fragment fragment-id="@(&quot;x&quot;)" />'), 'unknown')).toEqual([
      'policy-attribute',
    ]);
  });

  it('checks child elements and text like APIM', () => {
    const f = findings(inbound('<set-header name="x">oops<foo /></set-header>'), 'unknown');
    expect(f.map((x) => x.message)).toEqual([
      "Error in element 'set-header' on line 4, column 1: The element 'set-header' cannot contain text.",
      "Error in element 'set-header' on line 4, column 1: The element 'set-header' cannot contain element 'foo'. List of possible elements expected: 'value'.",
    ]);
  });

  it('checks nested policies inside choose/when/otherwise, and choose needs a when', () => {
    const text = inbound(
      '<choose><when condition="@(true)"><forward-request /></when><otherwise><set-heder /></otherwise></choose><choose />',
    );
    expect(ids(text, 'unknown')).toEqual(['policy-section', 'unknown-policy', 'policy-content']);
  });

  it('reports once-per-section policies repeated', () => {
    const text = inbound(
      '<cors><allowed-origins><origin>https://a</origin></allowed-origins></cors><cors><allowed-origins><origin>https://b</origin></allowed-origins></cors>',
    );
    expect(ids(text, 'unknown')).toEqual(['policy-once']);
  });

  it('checks document structure: sections, fragments, base', () => {
    expect(ids('<policies><inbound /><inbound /><header /></policies>', 'unknown')).toEqual([
      'document-structure',
      'document-structure',
    ]);
    expect(ids('<fragment><base /><set-variable name="a" value="b" /></fragment>', 'fragment')).toEqual([
      'document-structure',
    ]);
    expect(
      ids('<policies><inbound><set-variable name="a" value="b" /></inbound></policies>', 'fragment'),
    ).toEqual(['document-structure']);
    expect(ids('<root />', 'api')).toEqual(['document-structure']);
  });

  it('reports expression syntax as a schema error at the cause', () => {
    expect(findings(inbound('<set-variable name="a" value="@{ var x = 1; }" />'), 'unknown')).toEqual([
      {
        id: 'expression-syntax',
        at: '4:31',
        message: "A multi-statement expression @{...} must return a value: add 'return ...;'.",
      },
    ]);
  });
});
