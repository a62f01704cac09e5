import { api, testRule } from './rule-table.js';

const RETURN = '<return-response><set-status code="200" reason="OK" /></return-response>';

testRule('unreachable-after-return-response', {
  valid: [
    {
      name: 'return-response last in its block',
      files: api(`<set-variable name="a" value="b" />\n${RETURN}`),
    },
    {
      name: 'return-response inside a branch, with policies after the choose',
      files: api(
        `<choose>\n<when condition="@(true)">${RETURN}</when>\n</choose>\n<set-variable name="a" value="b" />`,
      ),
    },
    { name: 'only a comment after return-response', files: api(`${RETURN}\n<!-- end -->`) },
  ],
  invalid: [
    {
      name: 'a policy after return-response (the first dead one is reported)',
      files: api(
        `${RETURN}\n<set-variable name="a" value="b" />\n<set-header name="x"><value>y</value></set-header>`,
      ),
      findings: ['apis/a/policy.xml 5:1'],
      message: /^'set-variable' follows return-response and never runs\.$/,
    },
    {
      name: 'dead code inside a branch',
      files: api(
        `<choose>\n<when condition="@(true)">\n${RETURN}\n  <rate-limit calls="1" renewal-period="1" />\n</when>\n</choose>`,
      ),
      findings: ['apis/a/policy.xml 7:3'],
      message: /'rate-limit' follows return-response/,
    },
  ],
});
