import { api, testRule } from './rule-table.js';

const backend = (url: string): Record<string, string> => ({
  'backends/orders/backendInformation.json': JSON.stringify({ properties: { url, protocol: 'http' } }),
});

testRule('https-only', {
  valid: [
    {
      name: 'an https backend service',
      files: api('<set-backend-service base-url="https://orders.internal" />'),
    },
    {
      name: 'an https request URL',
      files: api(
        '<send-request response-variable-name="r"><set-url>https://x.example</set-url><set-method>GET</set-method></send-request>',
      ),
    },
    {
      name: 'a URL built by an expression (judged at run time, not here)',
      files: api('<set-backend-service base-url="@("http://" + context.Api.Name)" />'),
    },
    { name: 'an https backend entity', files: backend('https://orders.example') },
  ],
  invalid: [
    {
      name: 'a plain-http backend service, at the attribute value',
      files: api('<set-backend-service base-url="http://orders.internal" />'),
      findings: ['apis/a/policy.xml 4:32'],
      message: /^'set-backend-service' uses the plain-http URL 'http:\/\/orders\.internal'\.$/,
    },
    {
      name: 'plain-http set-url in send-request and send-one-way-request',
      files: api(
        [
          '<send-request response-variable-name="r">',
          '  <set-url>http://x.example</set-url>',
          '</send-request>',
          '<send-one-way-request><set-url> HTTP://y.example </set-url></send-one-way-request>',
        ].join('\n'),
      ),
      findings: ['apis/a/policy.xml 5:3', 'apis/a/policy.xml 7:23'],
      message: /^'set-url' uses the plain-http URL '(http:\/\/x|HTTP:\/\/y)\.example'\.$/,
    },
    {
      name: 'a plain-http proxy',
      files: api('<proxy url="http://proxy.internal:8080" />'),
      findings: ['apis/a/policy.xml 4:13'],
      message: /'proxy' uses the plain-http URL/,
    },
    {
      name: 'a plain-http backend entity',
      files: backend('http://orders.example'),
      findings: ['backends/orders/backendInformation.json 1:1'],
      message: /^The backend 'orders' uses the plain-http URL 'http:\/\/orders\.example'\.$/,
    },
  ],
});
