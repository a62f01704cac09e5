import { parseResourceKey, refFor } from '../../src/deploy/resources.js';

/** What `apim-gogs blame` accepts: plan keys and APIOps paths, at the service level and in a workspace. */

test.each([
  ['policies/policy', refFor('globalPolicy')],
  ['policy.xml', refFor('globalPolicy')],
  ['apis/echo/policy.xml', refFor('apiPolicy', { apiId: 'echo' })],
  ['workspaces/sales', refFor('globalPolicy', { workspaceId: 'sales' })],
  ['workspaces/sales/policy.xml', refFor('globalPolicy', { workspaceId: 'sales' })],
  ['workspaces/sales/policies/policy', refFor('globalPolicy', { workspaceId: 'sales' })],
  [
    'workspaces/sales/apis/orders/policies/policy',
    refFor('apiPolicy', { apiId: 'orders', workspaceId: 'sales' }),
  ],
  [
    'workspaces/sales/apis/orders/operations/list/policy.xml',
    refFor('operationPolicy', { apiId: 'orders', operationId: 'list', workspaceId: 'sales' }),
  ],
  [
    'workspaces/sales/products/gold/policy.xml',
    refFor('productPolicy', { productId: 'gold', workspaceId: 'sales' }),
  ],
  [
    'workspaces/sales/named values/env/namedValueInformation.json',
    refFor('namedValue', { name: 'env', workspaceId: 'sales' }),
  ],
  [
    'workspaces\\sales\\backends\\b1\\backendInformation.json',
    refFor('backend', { name: 'b1', workspaceId: 'sales' }),
  ],
  ['workspaces/sales/policyFragments/cors', refFor('fragment', { name: 'cors', workspaceId: 'sales' })],
])('%s', (input, expected) => {
  expect(parseResourceKey(input)).toEqual(expected);
});

test('a workspace key says its workspace, and is another key than the service resource of the same id', () => {
  const ws = refFor('apiPolicy', { apiId: 'orders', workspaceId: 'sales' });
  expect(ws.key).toBe('workspaces/sales/apis/orders/policies/policy');
  expect(ws.key).not.toBe(refFor('apiPolicy', { apiId: 'orders' }).key);
  // Keys round-trip, ids with characters that need encoding included.
  const odd = refFor('operationPolicy', {
    apiId: 'orders;rev=2',
    operationId: 'get item',
    workspaceId: 'team a',
  });
  expect(parseResourceKey(odd.key)).toEqual(odd);
});

test.each(['workspaces/sales/unknown/thing', 'workspaces/a/workspaces/b/policy.xml', 'workspaces/'])(
  '%s is not a resource apim-gogs manages',
  (input) => {
    expect(parseResourceKey(input)).toBeUndefined();
  },
);
