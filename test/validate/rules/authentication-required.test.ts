import { basePlus, lines, testRule } from './rule-table.js';

testRule('authentication-required', {
  valid: [
    {
      name: 'validate-jwt in the API policy',
      files: {
        'apis/a/policy.xml': basePlus(
          '<validate-jwt header-name="Authorization"><openid-config url="https://login.example/.well-known/openid-configuration" /></validate-jwt>',
        ),
      },
    },
    {
      name: 'a client certificate check in the global policy, reached through <base />',
      files: {
        'policy.xml':
          '<policies><inbound><validate-client-certificate validate-revocation="true" /></inbound><backend><forward-request /></backend></policies>',
        'apis/a/policy.xml': basePlus(),
      },
    },
    {
      name: 'an ip-filter in the API policy',
      files: {
        'apis/a/policy.xml': basePlus('<ip-filter action="allow"><address>10.0.0.1</address></ip-filter>'),
      },
    },
  ],
  invalid: [
    {
      name: 'an API with no authentication anywhere in its chain, at its inbound section',
      files: { 'apis/a/policy.xml': basePlus() },
      findings: ['apis/a/policy.xml 2:1'],
      message: /^The effective policy of API 'a' \(.*\) does not authenticate/,
    },
    {
      name: 'an operation that loses its API’s authentication by dropping <base />',
      files: {
        'apis/a/policy.xml': basePlus(
          '<check-header name="x-key" failed-check-httpcode="401" failed-check-error-message="no" ignore-case="false"><value>k</value></check-header>',
        ),
        'apis/a/operations/post/policy.xml': lines(
          '<policies>',
          '<inbound><set-header name="a"><value>b</value></set-header></inbound>',
          '</policies>',
        ),
      },
      findings: ['apis/a/operations/post/policy.xml 2:1'],
      message:
        /^The effective policy of operation 'a\/post' does not authenticate .*, although its API does\.$/,
    },
  ],
});
