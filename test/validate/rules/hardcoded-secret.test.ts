import { api, testRule } from './rule-table.js';

testRule('hardcoded-secret', {
  valid: [
    {
      name: 'credentials from named values',
      files: api(
        [
          '<authentication-basic username="u" password="{{orders-password}}" />',
          '<set-header name="Authorization" exists-action="override"><value>Bearer {{token}}</value></set-header>',
        ].join('\n'),
      ),
    },
    {
      name: 'an Authorization header passed on by an expression',
      files: api(
        '<set-header name="Authorization" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("Authorization", ""))</value></set-header>',
      ),
    },
    {
      name: 'a header that is not a credential, and a query string without a signature',
      files: api(
        '<set-header name="x-team" exists-action="override"><value>orders</value></set-header>\n<rewrite-uri template="/x?sv=2022&amp;sp=r" />',
      ),
    },
  ],
  invalid: [
    {
      name: 'a literal password, bearer token and SAS signature, each at its value',
      files: api(
        [
          '<authentication-basic username="u" password="hunter2" />',
          '<set-header name="Authorization" exists-action="override"><value>Bearer abc</value></set-header>',
          '<set-header name="Authorization" exists-action="override"><value>{{token}}</value></set-header>',
          '<rewrite-uri template="/x?sv=2022&amp;sig=abcdefghijklmnop1234" />',
        ].join('\n'),
      ),
      findings: ['apis/a/policy.xml 4:46', 'apis/a/policy.xml 5:66', 'apis/a/policy.xml 7:24'],
      message: /hard-coded value|holds a key or SAS token/,
    },
    {
      name: 'a storage connection string in a body',
      files: api(
        '<set-body>DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abcdefghijklmnopqrstuvwxyz0123456789==</set-body>',
      ),
      findings: ['apis/a/policy.xml 4:11'],
      message: /^'set-body' holds a key or SAS token in its text\.$/,
    },
  ],
});
