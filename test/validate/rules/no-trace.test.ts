import { api, PROTECTED_PROD, testRule } from './rule-table.js';

const TRACE = '<trace source="orders"><message>@(context.Request.Url.ToString())</message></trace>';

testRule('no-trace', {
  valid: [
    { name: 'trace without an environment', files: { ...api(TRACE), ...PROTECTED_PROD } },
    {
      name: 'trace in an environment that is not protected',
      files: { ...api(TRACE), ...PROTECTED_PROD },
      environment: 'dev',
    },
    {
      name: 'no trace in a protected environment',
      files: { ...api('<set-header name="a"><value>b</value></set-header>'), ...PROTECTED_PROD },
      environment: 'prod',
    },
  ],
  invalid: [
    {
      name: 'trace in a protected environment, in an API and a fragment',
      files: {
        ...api(`<set-header name="a"><value>b</value></set-header>\n${TRACE}`),
        'policy fragments/log/policy.xml': `<fragment>\n${TRACE}\n</fragment>`,
        ...PROTECTED_PROD,
      },
      environment: 'prod',
      findings: ['apis/a/policy.xml 5:1', 'policy fragments/log/policy.xml 2:1'],
      message:
        /^'trace' is not allowed in the protected environment 'prod': it writes request data to traces\.$/,
    },
  ],
});
