import { childElements } from '../../src/policy/ast.js';
import { effectivePolicies } from '../../src/policy/effective.js';
import { readPolicy } from '../../src/policy/reader.js';
import type { PolicyScope } from '../../src/policy/repository.js';

type File = {
  file: string;
  scope: PolicyScope;
  apiId?: string;
  operationId?: string;
  productId?: string;
  fragmentId?: string;
  text: string;
};

const parse = (files: File[]) => files.map((f) => ({ ...f, root: readPolicy(f.text).root }));
/** The effective inbound section as policy names, in the order APIM runs them. */
const inbound = (e: { root: ReturnType<typeof effectivePolicies>[number]['root'] }): string[] =>
  childElements(childElements(e.root).find((s) => s.name === 'inbound')!).map((el) => el.name);

const FILES: File[] = [
  {
    file: 'policy.xml',
    scope: 'global',
    text: '<policies><inbound><cors /></inbound><backend><forward-request /></backend></policies>',
  },
  {
    file: 'products/gold/policy.xml',
    scope: 'product',
    productId: 'gold',
    text: '<policies><inbound><base /><quota /></inbound></policies>',
  },
  {
    file: 'policy fragments/auth/policy.xml',
    scope: 'fragment',
    fragmentId: 'auth',
    text: '<fragment><validate-jwt /><set-variable /></fragment>',
  },
  {
    file: 'apis/a/policy.xml',
    scope: 'api',
    apiId: 'a',
    text: '<policies><inbound><set-header /><base /><include-fragment fragment-id="auth" /></inbound></policies>',
  },
  {
    file: 'apis/a/operations/get/policy.xml',
    scope: 'operation',
    apiId: 'a',
    operationId: 'get',
    text: '<policies><inbound><base /><rewrite-uri /></inbound><backend /></policies>',
  },
  {
    file: 'apis/a/operations/put/policy.xml',
    scope: 'operation',
    apiId: 'a',
    operationId: 'put',
    text: '<policies><inbound><mock-response /></inbound></policies>',
  },
];

describe('effective policy (global -> product -> API -> operation)', () => {
  it('replaces each <base /> by the scope above and include-fragment by the fragment', () => {
    const all = effectivePolicies(parse(FILES), () => ['gold']);
    const get = all.find((e) => e.operationId === 'get')!;
    expect(get.chain).toEqual([
      'policy.xml',
      'products/gold/policy.xml',
      'apis/a/policy.xml',
      'apis/a/operations/get/policy.xml',
    ]);
    expect(inbound(get)).toEqual([
      'set-header',
      'cors',
      'quota',
      'validate-jwt',
      'set-variable',
      'rewrite-uri',
    ]);
    // An empty section without <base /> drops what the scopes above had there.
    expect(childElements(get.root).find((s) => s.name === 'backend')?.children).toEqual([]);
    // A section left out inherits unchanged.
    expect(childElements(all.find((e) => !e.operationId)!.root).map((s) => s.name)).toEqual([
      'inbound',
      'backend',
    ]);
  });

  it('an operation without <base /> runs only its own policies', () => {
    const put = effectivePolicies(parse(FILES), () => ['gold']).find((e) => e.operationId === 'put')!;
    expect(inbound(put)).toEqual(['mock-response']);
  });

  it('leaves the product level out when the API is in several products (it depends on the subscription)', () => {
    const api = effectivePolicies(parse(FILES), () => ['gold', 'silver']).find((e) => !e.operationId)!;
    expect(api.chain).toEqual(['policy.xml', 'apis/a/policy.xml']);
    expect(inbound(api)).toEqual(['set-header', 'cors', 'validate-jwt', 'set-variable']);
  });
});
