import { basePlus, lines, testRule } from './rule-table.js';

testRule('rate-limit-required', {
  valid: [
    {
      name: 'a rate limit in the API policy',
      files: {
        'apis/a/policy.xml': basePlus('<rate-limit calls="5" renewal-period="60" />'),
      },
    },
    {
      name: 'a quota in the global policy, reached through <base />',
      files: {
        'policy.xml':
          '<policies><inbound><quota calls="1000" renewal-period="3600" /></inbound><backend><forward-request /></backend></policies>',
        'apis/a/policy.xml': basePlus(),
        'apis/a/operations/get/policy.xml': basePlus(),
      },
    },
    {
      name: 'a rate limit by key in an included fragment',
      files: {
        'policy fragments/limits/policy.xml':
          '<fragment><rate-limit-by-key calls="5" renewal-period="60" counter-key="@(context.Request.IpAddress)" /></fragment>',
        'apis/a/policy.xml': basePlus('<include-fragment fragment-id="limits" />'),
      },
    },
  ],
  invalid: [
    {
      name: 'an API with no rate limit anywhere in its chain, at its inbound section',
      files: { 'apis/a/policy.xml': basePlus() },
      findings: ['apis/a/policy.xml 2:1'],
      message: /^The effective policy of API 'a' \(.*\) does not limit the call rate\.$/,
    },
    {
      name: 'an operation that loses its API’s rate limit by dropping <base />',
      files: {
        'apis/a/policy.xml': basePlus('<rate-limit calls="5" renewal-period="60" />'),
        'apis/a/operations/get/policy.xml': lines('<policies>', '  <inbound />', '</policies>'),
      },
      findings: ['apis/a/operations/get/policy.xml 2:3'],
      message:
        /^The effective policy of operation 'a\/get' does not limit the call rate, although its API does\.$/,
    },
  ],
});
