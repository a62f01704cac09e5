import { readSettings } from '../../src/pipeline/settings.js';
import { ConfigurationError } from '../../src/shared/errors.js';
import { FakeHost } from '../support/fake-host.js';

// Every input is parsed once, up front, into typed settings: mistakes name the input the way the door
// calls it, before any checkout or ARM call.
const base = {
  'gogs-url': 'https://gogs.example.com',
  repository: 'ops/policies',
  token: 't0ken',
  'subscription-id': '11111111-2222-4333-8444-555555555555',
  'resource-group': 'rg',
  'service-name': 'apim',
};

function read(inputs: Record<string, string>, door: 'ci' | 'cli' = 'ci') {
  const host = new FakeHost({ inputs: { ...base, ...inputs } });
  return readSettings(host.reader, {
    door,
    defaultAuth: 'github-oidc',
    workspace: '/work',
    nameOf: door === 'cli' ? (n) => `--${n}` : undefined,
  });
}

it('extract takes the Azure inputs, its workspaces filter and gogs-push', () => {
  const s = read({ mode: 'extract', workspaces: 'sales, ops', apis: 'orders', 'gogs-push': 'true' });
  expect(s.mode).toBe('extract');
  expect(s.azure).toMatchObject({ workspaces: ['sales', 'ops'], filters: { apis: ['orders'] } });
  expect(s.gogsPush).toBe(true);
});

it.each([
  [{ mode: 'deploy', 'subscription-id': 'prod' }, /Input subscription-id "prod" is not a subscription id/],
  [{ mode: 'plan', 'plan-scope': 'some' }, /Input plan-scope is "some"/],
  [{ mode: 'plan', concurrency: '0' }, /Input concurrency "0" is not a whole number from 1 to 64/],
  [{ mode: 'plan', 'gogs-url': 'http://gogs.example.com' }, /uses http:\/\//],
  [{ mode: 'plan', prune: 'maybe' }, /Input prune is "maybe", not true or false/],
  [{ mode: 'deploy', 'arm-endpoint': 'http://arm' }, /Input arm-endpoint "http:\/\/arm" is not an https URL/],
])('%o is refused: %s', (inputs, message) => {
  expect(() => read(inputs)).toThrow(ConfigurationError);
  expect(() => read(inputs)).toThrow(message);
});

it('the CLI names options as flags', () => {
  expect(() => read({ mode: 'plan', 'fail-severity': 'fatal' }, 'cli')).toThrow(
    /Option --fail-severity is "fatal"/,
  );
});
