import { readSettings } from '../../src/pipeline/settings.js';
import { FakeHost } from '../support/fake-host.js';

// Azure DevOps: an Azure Resource Manager service connection scoped to a subscription carries its id
// (endpoint data `subscriptionId`), so the task's subscription-id input may be left out.
const CONNECTION_SUB = '11111111-2222-4333-8444-555555555555';
const INPUT_SUB = '99999999-8888-4777-8666-555555555555';
const base = {
  mode: 'plan',
  'gogs-url': 'https://gogs.example.com',
  repository: 'ops/policies',
  token: 't0ken',
  'resource-group': 'rg',
  'service-name': 'apim',
};

function settingsFor(inputs: Record<string, string>, subscriptionId?: string) {
  const host = new FakeHost({
    name: 'azure-pipelines',
    inputs,
    serviceConnection: { id: 'sc', tenantId: 't', clientId: 'c', subscriptionId },
  });
  return readSettings(host.reader, {
    door: 'ci',
    defaultAuth: 'azure-devops',
    workspace: '/tmp',
    serviceConnection: host.azureServiceConnection(),
  });
}

describe('subscription from the service connection', () => {
  test('subscription-id omitted: the service connection’s subscription is used', () => {
    expect(settingsFor(base, CONNECTION_SUB).azure?.target.subscriptionId).toBe(CONNECTION_SUB);
  });

  test('subscription-id given: the input wins over the service connection', () => {
    expect(
      settingsFor({ ...base, 'subscription-id': INPUT_SUB }, CONNECTION_SUB).azure?.target.subscriptionId,
    ).toBe(INPUT_SUB);
  });

  test('neither: the input is required, named as the task names it', () => {
    expect(() => settingsFor(base, undefined)).toThrow('Input subscription-id is required.');
  });

  test('a connection whose subscription is not a UUID is refused like the input', () => {
    expect(() => settingsFor(base, 'not-a-uuid')).toThrow(/"not-a-uuid" is not a subscription id/);
  });
});
