import { api, testRule } from './rule-table.js';

const lines = (...l: string[]): string => l.join('\n');

testRule('base-required', {
  valid: [
    {
      name: 'an API policy with <base /> in every section',
      files: api('<set-header name="a"><value>b</value></set-header>'),
    },
    {
      name: 'the global policy, which has no parent',
      files: {
        'policy.xml':
          '<policies><inbound><rate-limit calls="5" renewal-period="60" /></inbound><backend><forward-request /></backend></policies>',
      },
    },
    {
      name: 'an operation policy that keeps <base /> after its own policies',
      files: {
        'apis/a/operations/get/policy.xml':
          '<policies><inbound><set-header name="a"><value>b</value></set-header><base /></inbound><backend><base /></backend></policies>',
      },
    },
    {
      name: 'a policy fragment (no sections)',
      files: {
        'policy fragments/f/policy.xml':
          '<fragment><set-header name="a"><value>b</value></set-header></fragment>',
      },
    },
  ],
  invalid: [
    {
      name: 'an API policy whose outbound section drops <base />',
      files: {
        'apis/a/policy.xml': lines(
          '<policies>',
          '<inbound>',
          '<base />',
          '</inbound>',
          '<outbound>',
          '<set-header name="a"><value>b</value></set-header>',
          '</outbound>',
          '</policies>',
        ),
      },
      findings: ['apis/a/policy.xml 5:1'],
      message:
        /^The 'outbound' section has no <base \/>, so the product and global policies do not run here\.$/,
    },
    {
      name: 'a product policy with an empty inbound section',
      files: { 'products/p/policy.xml': lines('<policies>', '  <inbound />', '</policies>') },
      findings: ['products/p/policy.xml 2:3'],
      message: /'inbound' section has no <base \/>, so the global policies do not run/,
    },
    {
      name: 'an operation policy missing <base /> in two sections, each reported',
      files: {
        'apis/a/operations/get/policy.xml': lines(
          '<policies>',
          '<inbound><base /></inbound>',
          '<backend><forward-request /></backend>',
          '<on-error><set-status code="500" reason="x" /></on-error>',
          '</policies>',
        ),
      },
      findings: ['apis/a/operations/get/policy.xml 3:1', 'apis/a/operations/get/policy.xml 4:1'],
      message: /section has no <base \/>, so the API policies do not run here/,
    },
  ],
});
