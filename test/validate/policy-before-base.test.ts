import { validatePolicyText } from '../../src/validate/index.js';
import type { PolicyScope } from '../../src/policy/repository.js';
import { corpusPolicies } from '../policy/corpus-files.js';
import { describeIfShared } from '../support/shared.js';
import { findings } from './helpers.js';

/** A policy document with `above` standing over `<base />` in inbound. */
const above = (xml: string, section = 'inbound') =>
  `<policies><${section}>${xml}<base /></${section}>` +
  ['inbound', 'backend', 'outbound', 'on-error']
    .filter((s) => s !== section)
    .map((s) => `<${s}><base /></${s}>`)
    .join('') +
  '</policies>';

/** The elements policy-before-base reports in a document, by name. */
const reported = (text: string, scope: PolicyScope = 'api') =>
  findings(text, scope)
    .filter((f) => f.id === 'policy-before-base')
    .map((f) => /^'([^']+)'/.exec(f.message)![1]);

// APIM's default policy of the Starter product, as a new service creates it (Azure portal).
const STARTER_DEFAULT = `<policies>
  <inbound>
    <rate-limit calls="5" renewal-period="60" />
    <quota calls="100" renewal-period="604800" />
    <base />
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
</policies>`;

describe('policy-before-base', () => {
  it("APIM's default Starter product policy (rate-limit and quota above <base />) gets no finding at all", () => {
    expect(findings(STARTER_DEFAULT, 'product')).toEqual([]);
  });

  // Policies that only judge, throttle or observe the request: they may stand above <base />.
  it.each([
    [
      'rate-limit-by-key',
      '<rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" />',
    ],
    [
      'quota-by-key',
      '<quota-by-key calls="100" renewal-period="3600" counter-key="@(context.Request.IpAddress)" />',
    ],
    ['ip-filter', '<ip-filter action="allow"><address>10.0.0.1</address></ip-filter>'],
    [
      'check-header',
      '<check-header name="x-key" failed-check-httpcode="401" failed-check-error-message="no" ignore-case="true" />',
    ],
    [
      'validate-jwt',
      '<validate-jwt header-name="Authorization"><openid-config url="https://login.example.com/.well-known/openid-configuration" /></validate-jwt>',
    ],
    ['cors', '<cors><allowed-origins><origin>https://a.example.com</origin></allowed-origins></cors>'],
    ['set-variable', '<set-variable name="a" value="b" />'],
    ['cache-lookup-value', '<cache-lookup-value key="k" variable-name="v" />'],
    ['trace', '<trace source="x"><message>hello</message></trace>'],
    [
      'choose holding only throttling',
      '<choose><when condition="@(context.Request.IpAddress == &quot;10.0.0.1&quot;)"><rate-limit calls="5" renewal-period="60" /></when><otherwise><rate-limit calls="50" renewal-period="60" /></otherwise></choose>',
    ],
  ])('no finding for %s above <base />', (_name, xml) => {
    expect(reported(above(xml))).toEqual([]);
  });

  // Policies that change, forward or answer the request before the parent scope judges it.
  it.each([
    ['set-header', '<set-header name="x" exists-action="override"><value>y</value></set-header>'],
    ['rewrite-uri', '<rewrite-uri template="/x" />'],
    ['set-backend-service', '<set-backend-service base-url="https://orders.example.com" />'],
    ['return-response', '<return-response><set-status code="200" /></return-response>'],
    [
      'send-request',
      '<send-request mode="new" response-variable-name="r"><set-url>https://a.example.com</set-url></send-request>',
    ],
    [
      'choose',
      '<choose><when condition="@(true)"><rate-limit calls="5" renewal-period="60" /><set-header name="x" exists-action="override"><value>y</value></set-header></when></choose>',
    ],
  ])('reports %s above <base /> in inbound', (name, xml) => {
    expect(reported(above(xml))).toEqual([name]);
  });

  it.each(['outbound', 'backend', 'on-error'])(
    'does not judge %s: the parent scope runs after the child there and has the last word',
    (section) => {
      expect(
        reported(
          above('<set-header name="x" exists-action="override"><value>y</value></set-header>', section),
        ),
      ).toEqual([]);
    },
  );

  it.each<PolicyScope>(['product', 'api', 'operation'])('applies at %s scope', (scope) => {
    expect(reported(above('<rewrite-uri template="/x" />'), scope)).toEqual(['rewrite-uri']);
  });

  it('does not apply to the global policy, which has no parent', () => {
    expect(
      reported('<policies><inbound><rewrite-uri template="/x" /></inbound></policies>', 'global'),
    ).toEqual([]);
  });
});

describe('<base /> in the global policy', () => {
  it('is an error, as APIM refuses to save it', () => {
    const result = validatePolicyText('<policies><inbound><base /></inbound></policies>', {
      scope: 'global',
    });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'document-structure',
        severity: 'error',
        line: 1,
        column: 20,
        message: expect.stringContaining('not allowed in this scope (global)'),
      }),
    ]);
  });
});

/**
 * What policy-before-base still reports in Microsoft's published snippets, read as API policies: each
 * a transformation, an outgoing call or a certificate set before the parent's policies judge the request.
 * Throttling, caching lookups and outbound or on-error handling above <base /> are not reported.
 */
const CORPUS_FINDINGS: Record<string, string[]> = {
  'policy-snippets/Generate Azure Relay Token.policy.xml': [
    'set-backend-service',
    'set-body',
    'set-header',
    'set-header',
  ],
  'policy-snippets/Look up Key Vault certificate using Managed Service Identity and call backend.policy.xml':
    [
      'choose', // holds a send-request to Key Vault
      'authentication-certificate',
    ],
};

describeIfShared("Microsoft's published snippets (../shared/corpus)", () => {
  it('get policy-before-base only where a policy changes or answers the request before <base />', () => {
    const found: Record<string, string[]> = {};
    for (const { file, text } of corpusPolicies()) {
      const names = reported(text);
      if (names.length) found[file] = names;
    }
    expect(found).toEqual(CORPUS_FINDINGS);
  });
});
