import { api, PROTECTED_PROD, testRule } from './rule-table.js';

const MOCK = '<mock-response status-code="200" content-type="application/json" />';

testRule('no-mock-response', {
  valid: [
    { name: 'mock-response without an environment', files: { ...api(MOCK), ...PROTECTED_PROD } },
    {
      name: 'mock-response in an environment that is not protected',
      files: { ...api(MOCK), ...PROTECTED_PROD },
      environment: 'dev',
    },
  ],
  invalid: [
    {
      name: 'mock-response in a protected environment',
      files: { ...api(MOCK), ...PROTECTED_PROD },
      environment: 'prod',
      findings: ['apis/a/policy.xml 4:1'],
      message:
        /^'mock-response' is not allowed in the protected environment 'prod': callers would get sample data/,
    },
    {
      name: 'mock-response inside a branch of an operation policy',
      files: {
        'apis/a/operations/get/policy.xml':
          '<policies>\n<inbound>\n<base />\n<choose><when condition="@(true)">\n  <mock-response status-code="404" />\n</when></choose>\n</inbound>\n</policies>',
        ...PROTECTED_PROD,
      },
      environment: 'prod',
      findings: ['apis/a/operations/get/policy.xml 5:3'],
      message: /'mock-response' is not allowed/,
    },
  ],
});
