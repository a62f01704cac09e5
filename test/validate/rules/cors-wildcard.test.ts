import { api, testRule } from './rule-table.js';

const cors = (...origins: string[]): string =>
  [
    '<cors>',
    '<allowed-origins>',
    ...origins.map((o) => `<origin>${o}</origin>`),
    '</allowed-origins>',
    '</cors>',
  ].join('\n');

testRule('cors-wildcard', {
  valid: [
    { name: 'origins listed one by one', files: api(cors('https://portal.example', 'https://app.example')) },
    { name: 'no cors policy', files: api('<set-header name="a"><value>b</value></set-header>') },
    { name: 'an origin that only contains a star', files: api(cors('https://*.example')) },
  ],
  invalid: [
    {
      name: 'a wildcard origin among listed ones',
      files: api(cors('https://portal.example', '*')),
      findings: ['apis/a/policy.xml 7:1'],
      message: /^cors allows every origin \(\*\)\.$/,
    },
    {
      name: 'a wildcard with white space around it, in a fragment',
      files: {
        'policy fragments/f/policy.xml':
          '<fragment>\n  <cors><allowed-origins><origin> * </origin></allowed-origins></cors>\n</fragment>',
      },
      findings: ['policy fragments/f/policy.xml 2:26'],
      message: /every origin/,
    },
  ],
});
