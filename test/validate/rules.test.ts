import { rm } from 'node:fs/promises';
import { validateRepository } from '../../src/validate/index.js';
import { findings, ids, inbound, makeRepo } from './helpers.js';

describe('lint rules on one document', () => {
  it('base-required: every section below global keeps <base />', () => {
    const text =
      '<policies><inbound><base /></inbound><outbound><set-header name="a"><value>b</value></set-header></outbound></policies>';
    expect(findings(text, 'api')).toEqual([
      expect.objectContaining({
        id: 'base-required',
        at: '1:38',
        message: expect.stringMatching(/'outbound' section has no <base \/>/),
      }),
    ]);
    expect(ids(text, 'global')).not.toContain('base-required');
  });

  // policy-before-base has its own table in policy-before-base.test.ts.

  it('cors-wildcard: reports <origin>*</origin>', () => {
    expect(
      ids(inbound('<cors><allowed-origins><origin>*</origin></allowed-origins></cors>'), 'unknown'),
    ).toEqual(['cors-wildcard']);
  });

  it('https-only: reports plain-http backends and request URLs', () => {
    const text = inbound(
      '<set-backend-service base-url="http://orders.internal" /><send-request response-variable-name="r"><set-url>http://x</set-url><set-method>GET</set-method></send-request>',
    );
    expect(ids(text, 'unknown')).toEqual(['https-only', 'https-only']);
    expect(ids(inbound('<set-backend-service base-url="https://orders" />'), 'unknown')).toEqual([]);
  });

  it('hardcoded-secret: passwords, Authorization headers and SAS tokens must come from named values', () => {
    const text = inbound(
      [
        '<authentication-basic username="u" password="hunter2" />',
        '<set-header name="Authorization" exists-action="override"><value>Bearer abc</value></set-header>',
        '<set-header name="Authorization" exists-action="override"><value>{{token}}</value></set-header>',
        '<rewrite-uri template="/x?sv=2022&amp;sig=abcdefghijklmnop1234" />',
      ].join('\n'),
    );
    expect(findings(text, 'unknown').map((f) => `${f.id} ${f.at}`)).toEqual([
      'hardcoded-secret 4:46',
      'hardcoded-secret 5:66',
      'hardcoded-secret 7:24',
    ]);
  });

  it('unreachable-after-return-response: reports the first dead policy', () => {
    const text = inbound(
      '<return-response><set-status code="200" reason="OK" /></return-response><set-variable name="a" value="b" />',
    );
    expect(ids(text, 'unknown')).toEqual(['unreachable-after-return-response']);
  });
});

describe('repository checks', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  const GLOBAL =
    '<policies><inbound><rate-limit-by-key calls="10" renewal-period="60" counter-key="@(context.Request.IpAddress)" /><validate-jwt header-name="Authorization"><openid-config url="https://login/x" /></validate-jwt></inbound><backend><forward-request /></backend></policies>';

  it('judges rate limiting and authentication on the effective policy, through <base />', async () => {
    root = await makeRepo({
      'policy.xml': GLOBAL,
      'apis/good/policy.xml': '<policies><inbound><base /></inbound><backend><base /></backend></policies>',
      'apis/good/operations/lost/policy.xml': '<policies><inbound /><backend><base /></backend></policies>',
      'apis/bare/operations/get/policy.xml': '<policies><inbound><base /></inbound></policies>',
    });
    const noGlobal = await validateRepository({ root });
    const chain = noGlobal.diagnostics.filter(
      (d) => d.ruleId === 'rate-limit-required' || d.ruleId === 'authentication-required',
    );
    expect(chain.map((d) => `${d.ruleId} ${d.file}`)).toEqual([
      'authentication-required apis/good/operations/lost/policy.xml',
      'rate-limit-required apis/good/operations/lost/policy.xml',
    ]);
  });

  it('reports APIs whose effective policy has no rate limit, and checks references', async () => {
    root = await makeRepo({
      'apis/a/policy.xml': inbound(
        '<include-fragment fragment-id="missing" /><set-backend-service backend-id="nope" /><set-header name="k"><value>{{undefined-nv}}</value></set-header><set-header name="j"><value>{{Known}}</value></set-header>',
      ),
      'named values/known/namedValueInformation.json': JSON.stringify({
        properties: { displayName: 'Known', secret: true },
      }),
    });
    const r = await validateRepository({ root });
    expect(r.diagnostics.map((d) => d.ruleId).sort()).toEqual([
      'authentication-required',
      'backend-reference',
      'fragment-reference',
      'named-value-reference',
      'rate-limit-required',
    ]);
    const nv = r.diagnostics.find((d) => d.ruleId === 'named-value-reference');
    expect(nv).toMatchObject({
      file: 'apis/a/policy.xml',
      line: 4,
      severity: 'error',
      message: expect.stringMatching(/Cannot find a property 'undefined-nv'/),
    });
    const external = await validateRepository({ root, externalNamedValues: ['undefined-nv'] });
    expect(external.diagnostics.some((d) => d.ruleId === 'named-value-reference')).toBe(false);
  });

  it('named-value-not-secret: a credential taken from a plain named value is reported', async () => {
    const nv = (name: string, props: object): Record<string, string> => ({
      [`named values/${name}/namedValueInformation.json`]: JSON.stringify({
        properties: { displayName: name, ...props },
      }),
    });
    root = await makeRepo({
      'apis/a/policy.xml': inbound(
        '<authentication-basic username="u" password="{{plain}}" />\n<set-header name="Authorization"><value>Bearer {{vaulted}}</value></set-header>\n<set-header name="x-trace"><value>{{plain}}</value></set-header>',
      ),
      ...nv('plain', { value: 'p4ss', secret: false }),
      ...nv('vaulted', {
        secret: true,
        keyVault: { secretIdentifier: 'https://kv.vault.azure.net/secrets/t' },
      }),
      '.apim-gogs.yaml': 'rules: { rate-limit-required: off, authentication-required: off }',
    });
    const r = await validateRepository({ root });
    expect(r.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`)).toEqual([
      'named-value-not-secret 4:46',
    ]);
  });

  it('a fragment including a fragment is an error; Liquid {{body}} is not a named value', async () => {
    root = await makeRepo({
      'policy fragments/f/policy.xml': '<fragment><include-fragment fragment-id="g" /></fragment>',
      'policy fragments/g/policy.xml':
        '<fragment><set-body template="liquid">{{body.name}}</set-body></fragment>',
    });
    const r = await validateRepository({ root });
    expect(r.diagnostics.map((d) => `${d.ruleId} ${d.file}`)).toEqual([
      'document-structure policy fragments/f/policy.xml',
    ]);
  });
});
