import { validatePolicyText } from '../../../src/validate/index.js';
import { corpusPolicies } from '../../policy/corpus-files.js';
import { describeIfShared } from '../../support/shared.js';
import { findings } from '../helpers.js';
import { lines, testRule } from './rule-table.js';

const SECTIONS = ['inbound', 'backend', 'outbound', 'on-error'];

/** A policy document with `xml` on line 3, above `<base />` in `section`; `<base />` alone elsewhere. */
const above = (xml: string, section = 'inbound') =>
  lines(
    '<policies>',
    `<${section}>`,
    xml,
    '<base />',
    `</${section}>`,
    ...SECTIONS.filter((s) => s !== section).map((s) => `<${s}><base /></${s}>`),
    '</policies>',
  );

// APIM's default policy of the Starter product, as a new service creates it (Azure portal).
const STARTER_DEFAULT = lines(
  '<policies>',
  '  <inbound>',
  '    <rate-limit calls="5" renewal-period="60" />',
  '    <quota calls="100" renewal-period="604800" />',
  '    <base />',
  '  </inbound>',
  '  <backend>',
  '    <base />',
  '  </backend>',
  '  <outbound>',
  '    <base />',
  '  </outbound>',
  '</policies>',
);

const SET_HEADER = '<set-header name="x" exists-action="override"><value>y</value></set-header>';

/** Policies that only judge, throttle or observe the request: they may stand above <base />. */
const JUDGING: [string, string][] = [
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
];

/** Policies that change, forward or answer the request before the parent scope judges it. */
const CHANGING: [string, string][] = [
  ['set-header', SET_HEADER],
  ['rewrite-uri', '<rewrite-uri template="/x" />'],
  ['set-backend-service', '<set-backend-service base-url="https://orders.example.com" />'],
  ['return-response', '<return-response><set-status code="200" /></return-response>'],
  [
    'send-request',
    '<send-request mode="new" response-variable-name="r"><set-url>https://a.example.com</set-url></send-request>',
  ],
  [
    'choose holding a set-header',
    `<choose><when condition="@(true)"><rate-limit calls="5" renewal-period="60" />${SET_HEADER}</when></choose>`,
  ],
];

testRule('policy-before-base', {
  valid: [
    {
      name: "APIM's default Starter product policy (rate-limit and quota above <base />)",
      files: { 'products/starter/policy.xml': STARTER_DEFAULT },
    },
    ...JUDGING.map(([name, xml]) => ({
      name: `${name} above <base /> in inbound`,
      files: { 'apis/a/policy.xml': above(xml) },
    })),
    // There the parent scope's policies run after the child's and have the last word.
    ...['outbound', 'backend', 'on-error'].map((section) => ({
      name: `a set-header above <base /> in ${section}`,
      files: { 'apis/a/policy.xml': above(SET_HEADER, section) },
    })),
    {
      name: 'the global policy, which has no parent',
      files: {
        'policy.xml':
          '<policies><inbound><rewrite-uri template="/x" /></inbound><backend><forward-request /></backend></policies>',
      },
    },
  ],
  invalid: [
    ...CHANGING.map(([name, xml]) => ({
      name: `${name} above <base /> in inbound`,
      files: { 'apis/a/policy.xml': above(xml) },
      findings: ['apis/a/policy.xml 3:1'],
      message:
        /stands above <base \/> in 'inbound', so it changes or answers the request before the parent scope's policies judge it/,
    })),
    {
      name: 'a rewrite-uri above <base /> at product, API and operation scope',
      files: {
        'products/p/policy.xml': above('<rewrite-uri template="/x" />'),
        'apis/a/policy.xml': above('<rewrite-uri template="/x" />'),
        'apis/a/operations/get/policy.xml': above('<rewrite-uri template="/x" />'),
      },
      findings: [
        'apis/a/operations/get/policy.xml 3:1',
        'apis/a/policy.xml 3:1',
        'products/p/policy.xml 3:1',
      ],
      message: /'rewrite-uri' stands above <base \/>/,
    },
  ],
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

describeIfShared("policy-before-base on Microsoft's published snippets (../shared/corpus)", () => {
  it('reports only where a policy changes or answers the request before <base />', () => {
    const found: Record<string, string[]> = {};
    for (const { file, text } of corpusPolicies()) {
      const names = findings(text, 'api')
        .filter((f) => f.id === 'policy-before-base')
        .map((f) => /^'([^']+)'/.exec(f.message)![1]);
      if (names.length) found[file] = names;
    }
    expect(found).toEqual(CORPUS_FINDINGS);
  });
});
