import { rm } from 'node:fs/promises';
import { validateRepository } from '../../src/validate/index.js';
import { inbound, makeRepo } from './helpers.js';

// The built-in repository checks (references, fragment structure). Each lint rule has its own table in
// test/validate/rules/<rule-id>.test.ts.
describe('repository checks', () => {
  let root: string;
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('reports APIs whose effective policy has no rate limit, and checks references', async () => {
    root = await makeRepo({
      'apis/a/policy.xml': inbound(
        '<include-fragment fragment-id="missing" /><set-backend-service backend-id="nope" /><set-header name="k"><value>{{undefined-nv}}</value></set-header><set-header name="j"><value>{{Known}}</value></set-header>',
      ),
      'named values/known/namedValueInformation.json': JSON.stringify({
        properties: { displayName: 'Known', secret: true },
      }),
    });
    const r = await validateRepository({ root });
    expect(r.diagnostics.map((d) => d.ruleId).sort()).toEqual([
      'authentication-required',
      'backend-reference',
      'fragment-reference',
      'named-value-reference',
      'rate-limit-required',
    ]);
    const nv = r.diagnostics.find((d) => d.ruleId === 'named-value-reference');
    expect(nv).toMatchObject({
      file: 'apis/a/policy.xml',
      line: 4,
      severity: 'error',
      message: expect.stringMatching(/Cannot find a property 'undefined-nv'/),
    });
    const external = await validateRepository({ root, externalNamedValues: ['undefined-nv'] });
    expect(external.diagnostics.some((d) => d.ruleId === 'named-value-reference')).toBe(false);
  });

  it('a fragment including a fragment is an error; Liquid {{body}} is not a named value', async () => {
    root = await makeRepo({
      'policy fragments/f/policy.xml': '<fragment><include-fragment fragment-id="g" /></fragment>',
      'policy fragments/g/policy.xml':
        '<fragment><set-body template="liquid">{{body.name}}</set-body></fragment>',
    });
    const r = await validateRepository({ root });
    expect(r.diagnostics.map((d) => `${d.ruleId} ${d.file}`)).toEqual([
      'document-structure policy fragments/f/policy.xml',
    ]);
  });
});
