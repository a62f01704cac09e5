import { api, testRule } from './rule-table.js';

const nv = (name: string, props: object): Record<string, string> => ({
  [`named values/${name}/namedValueInformation.json`]: JSON.stringify({
    properties: { displayName: name, ...props },
  }),
});
const USES = api(
  [
    '<authentication-basic username="u" password="{{orders-password}}" />',
    '<set-header name="Authorization"><value>Bearer {{orders-token}}</value></set-header>',
    '<set-header name="x-trace"><value>{{plain}}</value></set-header>',
  ].join('\n'),
);

testRule('named-value-not-secret', {
  valid: [
    {
      name: 'credentials from a secret and a Key Vault-backed named value; a plain one used as a plain header',
      files: {
        ...USES,
        ...nv('orders-password', { secret: true }),
        ...nv('orders-token', {
          secret: false,
          keyVault: { secretIdentifier: 'https://kv.vault.azure.net/secrets/t' },
        }),
        ...nv('plain', { value: 'x', secret: false }),
      },
    },
    { name: 'credentials from named values defined outside the repository', files: USES },
  ],
  invalid: [
    {
      name: 'a password and a bearer token from plain named values, at the attribute reference and at the header value',
      files: {
        ...USES,
        ...nv('orders-password', { value: 'p4ss', secret: false }),
        ...nv('orders-token', { value: 't0k', secret: false }),
        ...nv('plain', { value: 'x' }),
      },
      findings: ['apis/a/policy.xml 4:46', 'apis/a/policy.xml 5:41'],
      message:
        /takes .* from the named value '(orders-password|orders-token)', which is neither secret nor Key Vault-backed\.$/,
    },
  ],
});
